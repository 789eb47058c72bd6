import { Injectable } from '@nestjs/common';
import {
  assertRole,
  ConsentPurpose,
  defaultPageSize,
  EventType,
  ReferralStatus,
  Requests,
  StaffRole,
  type AcceptReferralCommand,
  type ActorContext,
  type CheckConsentQuery,
  type ConsentCheckResult,
  DeclineReason,
  DomainError,
  ErrorCode,
  ExitDestination,
  LegalBasis,
  ReferralWithdrawalReason,
  type CompleteReferralCommand,
  type InterruptReferralCommand,
  type ReferralStepCommand,
  type ReferralCountsQuery,
  type ReferralCountsView,
  todayInSweden,
  type DeadlinePolicyView,
  type DeclineReferralCommand,
  type EventEnvelope,
  type GetReferralQuery,
  type GetSharedInformationQuery,
  type ReadSharedInformationQuery,
  type SharedInformationView,
  type ListReferralsQuery,
  type Page,
  type ReferralView,
  type SendReferralCommand,
} from '@samverkan/contracts';
import { ActorsDirectory, Outbox, RpcClient } from '@samverkan/messaging';
import { DeadlinesService } from '../deadlines/deadlines.service';
import { addSwedishWorkingDays, decodeCursor, isTimeKey, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { allowedMoves, assertTransition, notYetTaken, partiesOf, ReferralParty, toReferralState, toReferralView, type ReferralRecord } from './referral';
import { consentDoesNotCoverReceiver, consentNotActive, illegalTransition, notParty, notReceiver, referralNotFound, referralToSelf } from './referrals.errors';
import { ReferralsRepository, type ReferralBox } from './referrals.repository';
import { ReferralsSingleStatement } from '../database';

const eventOfStatus = {
  [ReferralStatus.Sent]: EventType.ReferralSent,
  [ReferralStatus.Acknowledged]: EventType.ReferralAcknowledged,
  [ReferralStatus.Accepted]: EventType.ReferralAccepted,
  [ReferralStatus.Declined]: EventType.ReferralDeclined,
  [ReferralStatus.Started]: EventType.ReferralStarted,
  [ReferralStatus.Completed]: EventType.ReferralCompleted,
  [ReferralStatus.Interrupted]: EventType.ReferralInterrupted,
  [ReferralStatus.Withdrawn]: EventType.ReferralWithdrawn,
  [ReferralStatus.Expired]: EventType.ReferralExpired,
} as const satisfies Record<ReferralStatus, EventType>;

/** What a step changes besides the status, given the time it happens and who takes it. */
type StepChange = (at: Date, staffId: string) => Partial<ReferralRecord>;

const stepChanges: Partial<Record<ReferralStatus, StepChange>> = {
  [ReferralStatus.Acknowledged]: (at, staffId) => ({ acknowledgedAt: at, acknowledgedBy: staffId }),
  [ReferralStatus.Accepted]: (at, staffId) => ({ respondedAt: at, respondedBy: staffId }),
  [ReferralStatus.Declined]: (at, staffId) => ({ respondedAt: at, respondedBy: staffId }),
  [ReferralStatus.Started]: (at, staffId) => ({ startedAt: at, startedBy: staffId }),
  [ReferralStatus.Completed]: (at, staffId) => ({ endedAt: at, endedBy: staffId }),
  [ReferralStatus.Interrupted]: (at, staffId) => ({ endedAt: at, endedBy: staffId }),
  [ReferralStatus.Withdrawn]: (at, staffId) => ({ endedAt: at, endedBy: staffId, withdrawnAt: at, withdrawalReason: ReferralWithdrawalReason.BySender }),
};

/**
 * What cases is asked about a referral's share: whether what it relied on still covers its
 * receiver, the very consent it named, or its ground in law (a referral sent before consents
 * were recorded on it needs any consent that covers the receiver).
 */
function shareQuestion(referral: ReferralRecord): CheckConsentQuery {
  return {
    caseId: referral.caseId,
    receivingOrganisationId: referral.toOrganisationId,
    purpose: ConsentPurpose.Referral,
    ...(referral.consentId ? { consentId: referral.consentId } : {}),
    ...(referral.legalBasis !== LegalBasis.Consent ? { legalBasis: referral.legalBasis } : {}),
  };
}

/** The actor's own organisation's box: nobody lists another organisation's referrals. */
function boxOf(filter: ReferralCountsQuery, actor: ActorContext): ReferralBox {
  return {
    organisationId: actor.organisationId,
    direction: filter.direction,
    unitId: filter.unitId,
    targetGroup: filter.targetGroup,
    supportResourceId: filter.supportResourceId,
    municipalityCode: filter.municipalityCode,
  };
}

@Injectable()
export class ReferralsService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly rpc: RpcClient,
    private readonly outbox: Outbox,
    private readonly deadlines: DeadlinesService,
    private readonly directory: ActorsDirectory,
  ) {}

  /**
   * Sends a referral, but only after cases confirmed the person's consent covers the receiver.
   * The question goes to cases on behalf of the sending staff member, whose organisation must be
   * on the case team; the referral records the consent cases named, and lives only as long as it.
   */
  async send(command: SendReferralCommand, actor: ActorContext): Promise<ReferralView> {
    assertRole(actor, StaffRole.Caseworker);
    if (command.toOrganisationId === actor.organisationId) throw referralToSelf();
    // Independent questions, asked at once; the receiver's existence is answered before the consent.
    const [receiver, consent] = await Promise.allSettled([
      this.directory.requireOrganisation(command.toOrganisationId, 'toOrganisationId'),
      this.rpc.request<ConsentCheckResult>(Requests.cases.checkConsent, {
        caseId: command.caseId,
        receivingOrganisationId: command.toOrganisationId,
        purpose: ConsentPurpose.Referral,
      } satisfies CheckConsentQuery),
    ]);
    if (receiver.status === 'rejected') throw receiver.reason;
    if (!receiver.value.active) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The receiving organisation is no longer active', [
        { field: 'toOrganisationId', message: 'inactive organisation' },
      ]);
    }
    if (consent.status === 'rejected') throw consent.reason;
    if (!consent.value.covered) throw consentDoesNotCoverReceiver();
    await this.assertReceiverParts(command);
    const policy = await this.deadlines.resolve(command.toOrganisationId, command.supportResourceId ?? null);
    return this.recordSent(command, actor, consent.value, policy, !receiver.value.inNetwork);
  }

  /**
   * What the sender chose to share of the person, to staff of the receiving organisation: read
   * from cases on every request, only while the consent the referral relied on holds, and logged
   * there. The sender reads the person through the case instead.
   */
  async getSharedInformation(query: GetSharedInformationQuery, actor: ActorContext): Promise<SharedInformationView> {
    const referral = await this.referrals.findById(query.referralId);
    if (!referral) throw referralNotFound(query.referralId);
    const parties = partiesOf(referral, actor.organisationId);
    if (parties.length === 0) throw notParty();
    if (!parties.includes(ReferralParty.Receiver) || referral.external) throw notReceiver();
    return this.rpc.request<SharedInformationView>(Requests.cases.readSharedInformation, {
      ...shareQuestion(referral),
      receivingUnitId: actor.unitId,
      fields: referral.sharedFields,
    } satisfies ReadSharedInformationQuery);
  }

  acknowledge(command: ReferralStepCommand, actor: ActorContext): Promise<ReferralView> {
    return this.step(actor, command.referralId, ReferralStatus.Acknowledged, {});
  }

  accept(command: AcceptReferralCommand, actor: ActorContext): Promise<ReferralView> {
    return this.step(actor, command.referralId, ReferralStatus.Accepted, {});
  }

  /**
   * The support resource and the unit a referral names must be the receiving organisation's, as
   * actors knows them: asked before anything is written.
   */
  private async assertReceiverParts(command: SendReferralCommand): Promise<void> {
    if (command.supportResourceId) {
      const resource = await this.directory.requireSupportResource(command.supportResourceId, 'supportResourceId');
      if (resource.organisationId !== command.toOrganisationId) {
        throw new DomainError(ErrorCode.ValidationFailed, 'The support resource is not the receiving organisation’s', [
          { field: 'supportResourceId', message: 'belongs to another organisation' },
        ]);
      }
    }
    if (command.toUnitId) {
      const unit = await this.directory.requireUnit(command.toUnitId, 'toUnitId');
      if (unit.organisationId !== command.toOrganisationId) {
        throw new DomainError(ErrorCode.ValidationFailed, 'The unit is not one of the receiving organisation’s', [
          { field: 'toUnitId', message: 'belongs to another organisation' },
        ]);
      }
    }
  }

  decline(command: DeclineReferralCommand, actor: ActorContext): Promise<ReferralView> {
    if (command.reason !== DeclineReason.Other && command.text !== undefined) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Only the reason "other" takes a text', [{ field: 'text', message: 'only with the reason other' }]);
    }
    return this.step(actor, command.referralId, ReferralStatus.Declined, { declineReason: command.reason, declineText: command.text ?? null });
  }

  start(command: ReferralStepCommand, actor: ActorContext): Promise<ReferralView> {
    return this.step(actor, command.referralId, ReferralStatus.Started, {});
  }

  complete(command: CompleteReferralCommand, actor: ActorContext): Promise<ReferralView> {
    return this.step(actor, command.referralId, ReferralStatus.Completed, { outcome: command.outcome, exitDestination: command.exitDestination });
  }

  interrupt(command: InterruptReferralCommand, actor: ActorContext): Promise<ReferralView> {
    return this.step(actor, command.referralId, ReferralStatus.Interrupted, { exitDestination: command.exitDestination ?? ExitDestination.Interrupted });
  }

  withdraw(command: ReferralStepCommand, actor: ActorContext): Promise<ReferralView> {
    return this.step(actor, command.referralId, ReferralStatus.Withdrawn, {});
  }

  async get(query: GetReferralQuery, actor: ActorContext): Promise<ReferralView> {
    const referral = await this.referrals.findById(query.referralId);
    if (!referral) throw referralNotFound(query.referralId);
    if (partiesOf(referral, actor.organisationId).length === 0) throw notParty();
    await this.assertConsentHolds(referral);
    return toReferralView(referral);
  }

  /**
   * The organisation's inbox (incoming) or outbox (outgoing), newest first, narrowed by status,
   * overdue, unit, target group, support resource and municipality. Ids and codes only: who the
   * person is stays in cases.
   */
  async list(query: ListReferralsQuery, actor: ActorContext): Promise<Page<ReferralView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.referrals.list({
      ...boxOf(query, actor),
      status: query.status,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      today: todayInSweden(),
      after: decodeCursor(query.after, isTimeKey),
      take: limit + 1,
    });
    return toPage(rows, limit, toReferralView, (row) => ({ key: row.sentAt.toISOString(), id: row.id }));
  }

  /** How many referrals of the box are in each status (zeros included), and how many are overdue. */
  async counts(query: ReferralCountsQuery, actor: ActorContext): Promise<ReferralCountsView> {
    const counted = await this.referrals.counts(boxOf(query, actor), todayInSweden());
    return {
      byStatus: Object.values(ReferralStatus).map((status) => ({ status, count: counted.byStatus.get(status) ?? 0 })),
      overdue: counted.overdue,
    };
  }

  /** The referral and its event, in one statement. */
  @ReferralsSingleStatement()
  private async recordSent(
    command: SendReferralCommand,
    actor: ActorContext,
    consent: ConsentCheckResult,
    policy: DeadlinePolicyView,
    external: boolean,
  ): Promise<ReferralView> {
    const today = todayInSweden();
    const record: ReferralRecord = {
      id: uuidv7(),
      caseId: command.caseId,
      fromOrganisationId: actor.organisationId,
      fromUnitId: actor.unitId,
      sentBy: actor.staffId,
      toOrganisationId: command.toOrganisationId,
      supportResourceId: command.supportResourceId ?? null,
      municipalityCode: consent.municipalityCode,
      targetGroup: consent.targetGroup,
      gender: consent.gender,
      status: ReferralStatus.Sent,
      consentId: consent.consentId,
      legalBasis: consent.legalBasis ?? LegalBasis.Consent,
      version: 1,
      sentAt: new Date(),
      toUnitId: command.toUnitId ?? null,
      acknowledgeBy: addSwedishWorkingDays(today, policy.acknowledgeDays),
      answerBy: addSwedishWorkingDays(today, policy.answerDays),
      startDays: policy.startDays,
      sharedFields: [...new Set(command.sharedFields ?? [])],
      external,
      ...notYetTaken,
    };
    const referral = await this.referrals.create(record, [this.event(record)]);
    return toReferralView(referral);
  }

  /**
   * Takes one step of the lifecycle, for the parties the actor's organisation is to the referral
   * and only as the lifecycle table allows it. The receiver's steps need the consent the referral
   * relied on to hold (cases is asked before anything is written, and before any transaction
   * opens); the sender may withdraw whatever the consent says, and records the answers of an
   * actor outside the network, to whom nothing is shown here.
   */
  private async step(actor: ActorContext, referralId: string, to: ReferralStatus, details: Partial<ReferralRecord>): Promise<ReferralView> {
    assertRole(actor, StaffRole.Caseworker);
    const current = await this.referrals.findById(referralId);
    if (!current) throw referralNotFound(referralId);
    const parties = partiesOf(current, actor.organisationId);
    if (parties.length === 0) throw notParty();
    if (to !== ReferralStatus.Withdrawn && !parties.includes(ReferralParty.Receiver)) throw notReceiver();
    if (parties.includes(ReferralParty.Receiver) && !current.external) await this.assertConsentHolds(current);
    assertTransition(current.status, to, parties);
    return this.recordStep(actor, current, to, details, parties);
  }

  /**
   * The step and its event, in one statement that only writes if the referral is still the
   * version read: no transaction is held while deciding, and of two staff acting at once exactly
   * one wins; the other is told what the referral is now and what may follow.
   */
  @ReferralsSingleStatement()
  private async recordStep(
    actor: ActorContext,
    current: ReferralRecord,
    to: ReferralStatus,
    details: Partial<ReferralRecord>,
    parties: readonly ReferralParty[],
  ): Promise<ReferralView> {
    const at = new Date();
    const next: ReferralRecord = { ...current, ...details, ...stepChanges[to]?.(at, actor.staffId), status: to, version: current.version + 1 };
    // The time to start runs from acceptance, in the working days of the policy it was sent under.
    if (to === ReferralStatus.Accepted) next.startBy = addSwedishWorkingDays(todayInSweden(at), current.startDays ?? this.deadlines.defaults().startDays);
    const moved = await this.referrals.transition(next, current.version, [this.event(next)]);
    if (!moved) {
      const now = await this.referrals.findById(current.id);
      if (!now) throw referralNotFound(current.id);
      throw illegalTransition(now.status, to, allowedMoves(now.status, parties));
    }
    return toReferralView(moved);
  }

  /**
   * Asks cases, on behalf of the staff member, whether the consent the referral relied on still
   * holds: decided there on its own rows, so a withdrawal or an expiry refuses the very next read
   * or answer, before this service has heard of it. A referral sent before consents were recorded
   * on it needs any consent that covers its receiver.
   */
  private async assertConsentHolds(referral: ReferralRecord): Promise<void> {
    const check = await this.rpc.request<ConsentCheckResult>(Requests.cases.checkConsent, shareQuestion(referral) satisfies CheckConsentQuery);
    if (!check.covered) throw consentNotActive();
  }

  /** The event announcing the referral in this state: its full non-identifying state and version. */
  private event(referral: ReferralRecord): EventEnvelope {
    return this.outbox.envelope(eventOfStatus[referral.status], { type: 'referral', id: referral.id }, toReferralState(referral));
  }
}
