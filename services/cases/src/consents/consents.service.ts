import { Injectable } from '@nestjs/common';
import {
  assertRole,
  DomainError,
  ErrorCode,
  EventType,
  Requests,
  StaffRole,
  type ActorContext,
  type CheckConsentQuery,
  type ConsentCheckResult,
  type ConsentView,
  type OrganisationView,
  type RecordConsentCommand,
} from '@samverkan/contracts';
import { Outbox, RpcClient } from '@samverkan/messaging';
import { v7 as uuidv7 } from 'uuid';
import type { ConsentRecord } from '../cases/cases.repository';
import { caseNotFound } from '../cases/cases.errors';
import { assertOnCaseTeam, CasesService } from '../cases/cases.service';
import { ConsentsRepository } from './consents.repository';
import { CasesTransactional } from '../database';

const toView = (consent: ConsentRecord): ConsentView => ({
  id: consent.id,
  organisationId: consent.organisationId,
  purpose: consent.purpose,
  givenAt: consent.givenAt.toISOString(),
});

@Injectable()
export class ConsentsService {
  constructor(
    private readonly consents: ConsentsRepository,
    private readonly caseAccess: CasesService,
    private readonly rpc: RpcClient,
    private readonly outbox: Outbox,
  ) {}

  /** Records the person's consent to share with an organisation; recording it twice is harmless. */
  async record(command: RecordConsentCommand, actor: ActorContext): Promise<ConsentView> {
    assertRole(actor, StaffRole.Caseworker);
    await this.caseAccess.requireForTeam(command.caseId, actor);
    // Asked before the transaction opens, so no database transaction waits on NATS.
    await this.assertOrganisationExists(command.organisationId);
    return this.persist(command, actor);
  }

  /** Whether the person consented to share with the receiver; the acting staff member's organisation must be on the case team. */
  async check(query: CheckConsentQuery, actor: ActorContext): Promise<ConsentCheckResult> {
    const found = await this.consents.findCaseWithCoverage(query.caseId, query.receivingOrganisationId, query.purpose);
    if (!found) throw caseNotFound(query.caseId);
    const record = found.case;
    assertOnCaseTeam(record, actor.organisationId);
    return {
      covered: found.covered,
      caseId: record.id,
      municipalityCode: record.municipalityCode,
      targetGroup: record.targetGroup,
      gender: record.gender,
    };
  }

  @CasesTransactional()
  private async persist(command: RecordConsentCommand, actor: ActorContext): Promise<ConsentView> {
    const existing = await this.consents.findActive(command.caseId, command.organisationId, command.purpose);
    if (existing) return toView(existing);
    const consent = await this.consents.create({
      id: uuidv7(),
      caseId: command.caseId,
      organisationId: command.organisationId,
      purpose: command.purpose,
      recordedBy: actor.staffId,
    });
    await this.outbox.add(
      EventType.ConsentRecorded,
      { type: 'consent', id: consent.id },
      { consentId: consent.id, caseId: consent.caseId, organisationId: consent.organisationId, purpose: consent.purpose },
    );
    return toView(consent);
  }

  private async assertOrganisationExists(organisationId: string): Promise<void> {
    try {
      await this.rpc.request<OrganisationView>(Requests.actors.getOrganisation, { organisationId });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.OrganisationNotFound) {
        throw new DomainError(ErrorCode.OrganisationNotFound, `No organisation ${organisationId}`, [
          { field: 'organisationId', message: 'no such organisation' },
        ]);
      }
      throw error;
    }
  }
}
