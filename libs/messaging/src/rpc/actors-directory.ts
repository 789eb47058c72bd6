import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, Requests, type OrganisationView, type RequestSubject, type SupportResourceView, type UnitView } from '@samverkan/contracts';
import { LRUCache } from 'lru-cache';
import { RpcClient } from './rpc-client';

/** How long an answer of actors is reused: an organisation's or unit's change reaches the askers within this. */
export const directoryAnswerTtlMs = 30_000;

/**
 * What a service asks actors about the directory, on behalf of the acting staff member: cases and
 * referrals both ask. The directory is the same to every staff member and changes seldom, so what
 * actors found is kept for `directoryAnswerTtlMs` (a referral or a consent then costs no round
 * trip to actors); what it did not find is asked again, so a new entry is found at once.
 */
@Injectable()
export class ActorsDirectory {
  private readonly found = new LRUCache<string, object>({ max: 10_000, ttl: directoryAnswerTtlMs });

  constructor(private readonly rpc: RpcClient) {}

  /** The organisation, or null when actors has none by that id. */
  findOrganisation(organisationId: string): Promise<OrganisationView | null> {
    return this.find<OrganisationView>(Requests.actors.getOrganisation, { organisationId }, ErrorCode.OrganisationNotFound);
  }

  /** The organisation, or a 404 naming the request's `field` that held its id. */
  async requireOrganisation(organisationId: string, field: string): Promise<OrganisationView> {
    const organisation = await this.findOrganisation(organisationId);
    if (!organisation) throw new DomainError(ErrorCode.OrganisationNotFound, `No organisation ${organisationId}`, [{ field, message: 'no such organisation' }]);
    return organisation;
  }

  /** The unit, or null when actors has none by that id. */
  findUnit(unitId: string): Promise<UnitView | null> {
    return this.find<UnitView>(Requests.actors.getUnit, { unitId }, ErrorCode.UnitNotFound);
  }

  /** The unit, or a 404 naming the request's `field` that held its id. */
  async requireUnit(unitId: string, field: string): Promise<UnitView> {
    const unit = await this.findUnit(unitId);
    if (!unit) throw new DomainError(ErrorCode.UnitNotFound, `No unit ${unitId}`, [{ field, message: 'no such unit' }]);
    return unit;
  }

  /** The support resource, or a 404 naming the request's `field` that held its id. */
  async requireSupportResource(resourceId: string, field: string): Promise<SupportResourceView> {
    const resource = await this.find<SupportResourceView>(Requests.actors.getSupportResource, { resourceId }, ErrorCode.SupportResourceNotFound);
    if (!resource)
      throw new DomainError(ErrorCode.SupportResourceNotFound, `No support resource ${resourceId}`, [{ field, message: 'no such support resource' }]);
    return resource;
  }

  private async find<T extends object>(subject: RequestSubject, payload: Record<string, string>, notFound: ErrorCode): Promise<T | null> {
    const key = `${subject}:${Object.values(payload).join(':')}`;
    const known = this.found.get(key);
    if (known) return known as T;
    try {
      const answer = await this.rpc.request<T>(subject, payload);
      this.found.set(key, answer);
      return answer;
    } catch (error) {
      if (error instanceof DomainError && error.code === notFound) return null;
      throw error;
    }
  }
}
