import { Injectable } from '@nestjs/common';
import {
  AccessAction,
  DomainError,
  ErrorCode,
  EventType,
  LegalBasis,
  type ActorContext,
  type CheckConsentQuery,
  type ConsentCheckResult,
  type ConsentView,
  type FieldViolation,
  type RecordConsentCommand,
  type WithdrawConsentCommand,
} from '@samverkan/contracts';
import { ActorsDirectory, Outbox } from '@samverkan/messaging';
import { v7 as uuidv7 } from 'uuid';
import { CaseAccess } from '../access/case-access';
import { CasesRepository } from '../cases/cases.repository';
import { CasesTransactional } from '../database';
import { ConsentsRepository, toConsentView, type ConsentRecord } from './consents.repository';

const consentNotFound = (consentId: string) =>
  new DomainError(ErrorCode.ConsentNotFound, `No consent ${consentId} on this case`, [{ field: 'consentId', message: 'no such consent on the case' }]);

const receiversOf = (consent: ConsentRecord) => consent.receivers.map((receiver) => ({ organisationId: receiver.organisationId, unitId: receiver.unitId }));

@Injectable()
export class ConsentsService {
  constructor(
    private readonly consents: ConsentsRepository,
    private readonly access: CaseAccess,
    private readonly cases: CasesRepository,
    private readonly directory: ActorsDirectory,
    private readonly outbox: Outbox,
  ) {}

  /** Records the person's consent to share the case with the receivers, for a purpose, until a day. */
  async record(command: RecordConsentCommand, actor: ActorContext): Promise<ConsentView> {
    // Refused (and logged) before anything else, then asked again inside the transaction.
    await this.access.require(command.caseId, actor, AccessAction.RecordConsent, command.purpose);
    // Asked before the transaction opens, so no database transaction waits on NATS.
    await this.assertReceiversExist(command.receivers);
    return this.persist(command, actor);
  }

  /**
   * Withdraws the consent. From the commit on, every check and read that relied on it is refused
   * (they ask this database), and the event tells the other services to stop what depended on it.
   */
  @CasesTransactional()
  async withdraw(command: WithdrawConsentCommand, actor: ActorContext): Promise<ConsentView> {
    const access = await this.access.require(command.caseId, actor, AccessAction.WithdrawConsent);
    const withdrawn = await this.consents.withdraw(command.caseId, command.consentId, actor.staffId);
    if (!withdrawn) {
      const existing = await this.consents.findById(command.caseId, command.consentId);
      if (!existing) throw consentNotFound(command.consentId);
      throw new DomainError(ErrorCode.IllegalTransition, 'The consent is already withdrawn', [{ field: 'consentId', message: 'already withdrawn' }]);
    }
    await this.outbox.add(
      EventType.ConsentWithdrawn,
      { type: 'consent', id: withdrawn.id },
      { consentId: withdrawn.id, caseId: withdrawn.caseId, receivers: receiversOf(withdrawn), purpose: withdrawn.purpose },
    );
    await this.cases.addToTimeline({
      id: uuidv7(),
      caseId: withdrawn.caseId,
      kind: 'consent.withdrawn',
      staffId: actor.staffId,
      unitId: actor.unitId,
      details: { consentId: withdrawn.id },
    });
    await this.access.logAllowed(access, actor, AccessAction.WithdrawConsent, withdrawn.purpose);
    return toConsentView(withdrawn);
  }

  /**
   * Whether the person's consent covers sharing with the receiver, and which consent does. Asked
   * by referrals on behalf of its staff member: before a referral is sent (the sender's unit must
   * be on the case team), and with `consentId` on every read and answer of a referral that relied
   * on that consent, when staff of the receiving organisation it names may ask too. Decided here,
   * on the case's own rows, and logged as a read of the case (before the answer leaves; no
   * transaction needed).
   */
  async check(query: CheckConsentQuery, actor: ActorContext): Promise<ConsentCheckResult> {
    const access = await this.access.requireForShare(query, actor, AccessAction.CheckConsent);
    await this.access.logAllowed(access, actor, AccessAction.CheckConsent, query.purpose);
    const record = access.case;
    return {
      covered: access.coveredBy !== null,
      consentId: access.coveredBy === LegalBasis.Consent ? access.coveringConsentId : null,
      legalBasis: access.coveredBy,
      caseId: record.id,
      municipalityCode: record.municipalityCode,
      targetGroup: record.targetGroup,
      gender: record.gender,
    };
  }

  @CasesTransactional()
  private async persist(command: RecordConsentCommand, actor: ActorContext): Promise<ConsentView> {
    const access = await this.access.require(command.caseId, actor, AccessAction.RecordConsent, command.purpose);
    const receivers = uniqueReceivers(command.receivers);
    const consent = await this.consents.create(
      {
        id: uuidv7(),
        caseId: command.caseId,
        purpose: command.purpose,
        givenAs: command.givenAs,
        recordedBy: actor.staffId,
        givenAt: command.givenAt ? new Date(command.givenAt) : new Date(),
        expiresOn: command.expiresOn,
        receivers,
      },
      receivers.map(() => uuidv7()),
    );
    await this.outbox.add(
      EventType.ConsentRecorded,
      { type: 'consent', id: consent.id },
      { consentId: consent.id, caseId: consent.caseId, receivers: receiversOf(consent), purpose: consent.purpose, expiresOn: consent.expiresOn },
    );
    await this.cases.addToTimeline({
      id: uuidv7(),
      caseId: consent.caseId,
      kind: 'consent.recorded',
      staffId: actor.staffId,
      unitId: actor.unitId,
      details: { consentId: consent.id, purpose: consent.purpose },
    });
    await this.access.logAllowed(access, actor, AccessAction.RecordConsent, command.purpose);
    return toConsentView(consent);
  }

  /** Every receiving organisation must exist, and a named unit must be one of its units. */
  private async assertReceiversExist(receivers: RecordConsentCommand['receivers']): Promise<void> {
    const violations: FieldViolation[] = [];
    for (const [index, receiver] of receivers.entries()) {
      const organisation = await this.directory.findOrganisation(receiver.organisationId);
      if (!organisation) violations.push({ field: `receivers.${index}.organisationId`, message: 'no such organisation' });
      if (!receiver.unitId) continue;
      const unit = await this.directory.findUnit(receiver.unitId);
      if (!unit || unit.organisationId !== receiver.organisationId)
        violations.push({ field: `receivers.${index}.unitId`, message: 'no such unit of the organisation' });
    }
    if (violations.length > 0) throw new DomainError(ErrorCode.OrganisationNotFound, 'A receiver of the consent does not exist', violations);
  }
}

/** Each receiver once: the same organisation (or unit) listed twice is one receiver. */
function uniqueReceivers(receivers: RecordConsentCommand['receivers']): Array<{ organisationId: string; unitId: string | null }> {
  const seen = new Map<string, { organisationId: string; unitId: string | null }>();
  for (const receiver of receivers)
    seen.set(`${receiver.organisationId}/${receiver.unitId ?? ''}`, { organisationId: receiver.organisationId, unitId: receiver.unitId ?? null });
  return [...seen.values()];
}
