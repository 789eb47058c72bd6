import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  DomainError,
  ErrorCode,
  EventType,
  Requests,
  type ActorContext,
  type CheckConsentQuery,
  type ConsentCheckResult,
  type ConsentView,
  type OrganisationView,
  type RecordConsentCommand,
} from '@samverkan/contracts';
import { Outbox, RpcClient } from '@samverkan/messaging';
import { v7 as uuidv7 } from 'uuid';
import { CaseAccess } from '../access/case-access';
import type { ConsentRecord } from '../cases/cases.repository';
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
    private readonly access: CaseAccess,
    private readonly rpc: RpcClient,
    private readonly outbox: Outbox,
  ) {}

  /** Records the person's consent to share with an organisation; recording it twice is harmless. */
  async record(command: RecordConsentCommand, actor: ActorContext): Promise<ConsentView> {
    // Refused (and logged) before anything else, then asked again inside the transaction.
    await this.access.require(command.caseId, actor, AccessAction.RecordConsent, command.purpose);
    // Asked before the transaction opens, so no database transaction waits on NATS.
    await this.assertOrganisationExists(command.organisationId);
    return this.persist(command, actor);
  }

  /**
   * Whether the person consented to share with the receiver, asked by referrals on behalf of the
   * sending staff member, whose unit must be on the case team. Decided here, on the case's own
   * data, and logged as a read of the case.
   */
  @CasesTransactional()
  async check(query: CheckConsentQuery, actor: ActorContext): Promise<ConsentCheckResult> {
    const access = await this.access.require(query.caseId, actor, AccessAction.CheckConsent, query.purpose);
    const covered = await this.consents.isCovered(query.caseId, query.receivingOrganisationId, query.purpose);
    await this.access.logAllowed(access, actor, AccessAction.CheckConsent, query.purpose);
    const record = access.case;
    return {
      covered,
      caseId: record.id,
      municipalityCode: record.municipalityCode,
      targetGroup: record.targetGroup,
      gender: record.gender,
    };
  }

  @CasesTransactional()
  private async persist(command: RecordConsentCommand, actor: ActorContext): Promise<ConsentView> {
    const access = await this.access.require(command.caseId, actor, AccessAction.RecordConsent, command.purpose);
    const consent = (await this.consents.findActive(command.caseId, command.organisationId, command.purpose)) ?? (await this.recordNew(command, actor));
    await this.access.logAllowed(access, actor, AccessAction.RecordConsent, command.purpose);
    return toView(consent);
  }

  private async recordNew(command: RecordConsentCommand, actor: ActorContext): Promise<ConsentRecord> {
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
    return consent;
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
