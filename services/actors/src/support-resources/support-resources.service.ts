import { Injectable } from '@nestjs/common';
import {
  defaultPageSize,
  DomainError,
  ErrorCode,
  EventType,
  type ActorContext,
  type CreateSupportResourceCommand,
  type ListSupportResourcesQuery,
  type MatchSupportResourcesQuery,
  type Page,
  type SupportResourceMatchesView,
  type SupportResourceView,
  type UpdateCapacityCommand,
  type UpdateSupportResourceCommand,
} from '@samverkan/contracts';
import { Outbox } from '@samverkan/messaging';
import { decodeCursor, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { ActorsTransactional } from '../database';
import { assertMaintainsOrganisation } from '../directory/access';
import { todayInSweden } from '@samverkan/contracts';
import type { SupportResourceRecord } from '../directory/records';
import { OrganisationsService } from '../organisations/organisations.service';
import { rankMatches, type PersonProfile } from './matching';
import { SupportResourcesRepository } from './support-resources.repository';
import { resourceState } from '../directory/states';

export function toSupportResourceView(record: SupportResourceRecord): SupportResourceView {
  const { capacity, updatedAt, ...rest } = record;
  return { ...rest, capacity: { ...capacity, free: Math.max(0, capacity.places - capacity.taken) }, updatedAt: updatedAt.toISOString() };
}

const supportResourceNotFound = (resourceId: string) => new DomainError(ErrorCode.SupportResourceNotFound, `No support resource ${resourceId}`);

/** Matching returns at most this many by default: what a caseworker reads through. */
const defaultMatchLimit = 20;

@Injectable()
export class SupportResourcesService {
  constructor(
    private readonly resources: SupportResourcesRepository,
    private readonly organisations: OrganisationsService,
    private readonly outbox: Outbox,
  ) {}

  async list(query: ListSupportResourcesQuery): Promise<Page<SupportResourceView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.resources.list({
      organisationId: query.organisationId,
      targetGroup: query.targetGroup,
      municipalityCode: query.municipalityCode,
      need: query.need,
      accessibility: query.accessibility,
      active: query.active,
      after: decodeCursor(query.after),
      take: limit + 1,
    });
    return toPage(rows, limit, toSupportResourceView, (row) => ({ key: row.name, id: row.id }));
  }

  async get(resourceId: string): Promise<SupportResourceView> {
    return toSupportResourceView(await this.require(resourceId));
  }

  @ActorsTransactional()
  async create(command: CreateSupportResourceCommand, actor: ActorContext): Promise<SupportResourceView> {
    const unit = await this.organisations.requireOwnUnit(command.unitId, actor);
    const resource = await this.resources.create({
      id: uuidv7(),
      organisationId: unit.organisationId,
      unitId: unit.id,
      name: command.name.trim(),
      description: command.description?.trim() || null,
      targetGroups: command.targetGroups,
      ageRange: { min: command.ageRange.min, max: command.ageRange.max },
      municipalityCodes: [...command.municipalityCodes].sort(),
      eligibility: command.eligibility ?? [],
      accessibility: command.accessibility ?? [],
      addressesNeeds: command.addressesNeeds ?? [],
      languages: command.languages ?? [],
      capacity: { places: command.capacity.places, taken: command.capacity.taken, expectedWaitDays: command.capacity.expectedWaitDays },
      activeFrom: command.activeFrom,
      activeUntil: command.activeUntil ?? null,
    });
    await this.outbox.add(EventType.SupportResourceRegistered, { type: 'support-resource', id: resource.id }, resourceState(resource));
    return toSupportResourceView(resource);
  }

  @ActorsTransactional()
  async update(command: UpdateSupportResourceCommand, actor: ActorContext): Promise<SupportResourceView> {
    const resource = await this.require(command.resourceId);
    assertMaintainsOrganisation(actor, resource.organisationId);
    const activeFrom = command.activeFrom ?? resource.activeFrom;
    const activeUntil = command.activeUntil === undefined ? resource.activeUntil : command.activeUntil;
    // Each bound may change alone; together they must still be a period.
    if (activeUntil !== null && activeUntil < activeFrom) {
      throw new DomainError(ErrorCode.ValidationFailed, 'activeUntil may not be before activeFrom', [
        { field: 'activeUntil', message: `may not be before activeFrom (${activeFrom})` },
      ]);
    }
    const updated = await this.resources.update(resource.id, {
      name: command.name?.trim(),
      description: command.description === undefined ? undefined : command.description?.trim() || null,
      targetGroups: command.targetGroups,
      ageRange: command.ageRange ? { min: command.ageRange.min, max: command.ageRange.max } : undefined,
      municipalityCodes: command.municipalityCodes ? [...command.municipalityCodes].sort() : undefined,
      eligibility: command.eligibility,
      accessibility: command.accessibility,
      addressesNeeds: command.addressesNeeds,
      languages: command.languages,
      activeFrom: command.activeFrom,
      activeUntil: command.activeUntil === undefined ? undefined : (command.activeUntil ?? null),
      active: command.active,
    });
    if (!updated) throw supportResourceNotFound(command.resourceId);
    await this.outbox.add(EventType.SupportResourceUpdated, { type: 'support-resource', id: updated.id }, resourceState(updated));
    return toSupportResourceView(updated);
  }

  @ActorsTransactional()
  async updateCapacity(command: UpdateCapacityCommand, actor: ActorContext): Promise<SupportResourceView> {
    const resource = await this.require(command.resourceId);
    assertMaintainsOrganisation(actor, resource.organisationId);
    const updated = await this.resources.updateCapacity(resource.id, {
      places: command.places,
      taken: command.taken,
      expectedWaitDays: command.expectedWaitDays,
    });
    if (!updated) throw supportResourceNotFound(command.resourceId);
    await this.outbox.add(EventType.SupportResourceCapacityChanged, { type: 'support-resource', id: updated.id }, resourceState(updated));
    return toSupportResourceView(updated);
  }

  /**
   * The resources that fit a person, best first, each with why; with `includeExcluded`, the ones
   * in the person's municipality that do not fit, each with the rules that excluded it. SQL
   * reads only the page's best candidates (and their ties); the matching engine decides and orders.
   */
  async match(query: MatchSupportResourcesQuery): Promise<SupportResourceMatchesView> {
    const on = query.on ?? todayInSweden();
    const limit = query.limit ?? defaultMatchLimit;
    const source = query.profile;
    const profile: PersonProfile = {
      age: source.age,
      gender: source.gender,
      municipalityCode: source.municipalityCode,
      targetGroups: source.targetGroups,
      supportNeeds: source.supportNeeds ?? [],
      accessibilityNeeds: source.accessibilityNeeds ?? [],
      languages: source.languages ?? [],
      meets: source.meets ?? [],
    };
    const { matches } = rankMatches(await this.resources.bestCandidates(profile, on, limit), profile, on, limit);
    const excluded = query.includeExcluded ? rankMatches(await this.resources.nearestMisses(profile, on, limit), profile, on, limit).excluded : null;
    return {
      matches: matches.map((match) => ({ resource: toSupportResourceView(match.resource), score: match.score, reasons: match.reasons })),
      excluded: excluded?.map((miss) => ({ resource: toSupportResourceView(miss.resource), excludedBy: miss.excludedBy })) ?? null,
      on,
    };
  }

  private async require(resourceId: string): Promise<SupportResourceRecord> {
    const resource = await this.resources.findById(resourceId);
    if (!resource) throw supportResourceNotFound(resourceId);
    return resource;
  }
}
