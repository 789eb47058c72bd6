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
  type DeclineReason,
  type DeclineReferralCommand,
  type EventEnvelope,
  type GetReferralQuery,
  type ListReferralsQuery,
  type Page,
  type ReferralView,
  type SendReferralCommand,
} from '@samverkan/contracts';
import { Outbox, RpcClient } from '@samverkan/messaging';
import { decodeCursor, isTimeKey, toPage } from '@samverkan/platform';
import { v7 as uuidv7 } from 'uuid';
import { assertTransition, toReferralState, toReferralView, type ReferralRecord } from './referral';
import { consentDoesNotCoverReceiver, consentNotActive, notParty, notReceiver, referralNotFound, referralToSelf } from './referrals.errors';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsSingleStatement } from '../database';

const eventOfStatus = {
  [ReferralStatus.Sent]: EventType.ReferralSent,
  [ReferralStatus.Accepted]: EventType.ReferralAccepted,
  [ReferralStatus.Declined]: EventType.ReferralDeclined,
  [ReferralStatus.Withdrawn]: EventType.ReferralWithdrawn,
} as const satisfies Record<ReferralStatus, EventType>;

@Injectable()
export class ReferralsService {
  constructor(
    private readonly referrals: ReferralsRepository,
    private readonly rpc: RpcClient,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Sends a referral, but only after cases confirmed the person's consent covers the receiver.
   * The question goes to cases on behalf of the sending staff member, whose organisation must be
   * on the case team; the referral records the consent cases named, and lives only as long as it.
   */
  async send(command: SendReferralCommand, actor: ActorContext): Promise<ReferralView> {
    assertRole(actor, StaffRole.Caseworker);
    if (command.toOrganisationId === actor.organisationId) throw referralToSelf();
    const consent = await this.rpc.request<ConsentCheckResult>(Requests.cases.checkConsent, {
      caseId: command.caseId,
      receivingOrganisationId: command.toOrganisationId,
      purpose: ConsentPurpose.Referral,
    } satisfies CheckConsentQuery);
    if (!consent.covered) throw consentDoesNotCoverReceiver();
    return this.recordSent(command, actor, consent);
  }

  accept(command: AcceptReferralCommand, actor: ActorContext): Promise<ReferralView> {
    return this.answer(actor, command.referralId, ReferralStatus.Accepted, null);
  }

  decline(command: DeclineReferralCommand, actor: ActorContext): Promise<ReferralView> {
    return this.answer(actor, command.referralId, ReferralStatus.Declined, command.reason);
  }

  async get(query: GetReferralQuery, actor: ActorContext): Promise<ReferralView> {
    const referral = await this.referrals.findById(query.referralId);
    if (!referral) throw referralNotFound(query.referralId);
    const party = [referral.fromOrganisationId, referral.toOrganisationId];
    if (!party.includes(actor.organisationId)) throw notParty();
    await this.assertConsentHolds(referral);
    return toReferralView(referral);
  }

  /** The organisation's inbox (incoming) or outbox (outgoing), newest first. */
  async list(query: ListReferralsQuery, actor: ActorContext): Promise<Page<ReferralView>> {
    const limit = query.limit ?? defaultPageSize;
    const rows = await this.referrals.list({
      organisationId: actor.organisationId,
      direction: query.direction,
      status: query.status,
      after: decodeCursor(query.after, isTimeKey),
      take: limit + 1,
    });
    return toPage(rows, limit, toReferralView, (row) => ({ key: row.sentAt.toISOString(), id: row.id }));
  }

  /** The referral and its event, in one statement. */
  @ReferralsSingleStatement()
  private async recordSent(command: SendReferralCommand, actor: ActorContext, consent: ConsentCheckResult): Promise<ReferralView> {
    const record = {
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
      version: 1,
    };
    const referral = await this.referrals.create(record, [this.event({ ...record, declineReason: null, withdrawalReason: null })]);
    return toReferralView(referral);
  }

  /**
   * Only the receiver answers, and only while the consent the referral relied on holds: cases is
   * asked before anything is written (and before any transaction opens).
   */
  private async answer(actor: ActorContext, referralId: string, status: ReferralStatus, declineReason: DeclineReason | null): Promise<ReferralView> {
    assertRole(actor, StaffRole.Caseworker);
    const current = await this.referrals.findById(referralId);
    if (!current) throw referralNotFound(referralId);
    if (current.toOrganisationId !== actor.organisationId) throw notReceiver();
    await this.assertConsentHolds(current);
    assertTransition(current.status, status);
    return this.recordAnswer(actor, current, status, declineReason);
  }

  /**
   * The answer and its event, in one statement that only writes if the referral is still the
   * version read: no transaction is held while deciding, and a concurrent answer (or a withdrawal)
   * wins cleanly.
   */
  @ReferralsSingleStatement()
  private async recordAnswer(actor: ActorContext, current: ReferralRecord, status: ReferralStatus, declineReason: DeclineReason | null): Promise<ReferralView> {
    const referralId = current.id;
    const next = { ...current, status, declineReason, version: current.version + 1 };
    const answered = await this.referrals.answer(referralId, current.version, { status, declineReason, respondedBy: actor.staffId }, [this.event(next)]);
    // Someone answered in between: report the transition from what it is now.
    if (!answered) {
      const now = await this.referrals.findById(referralId);
      assertTransition(now?.status ?? current.status, status);
      throw referralNotFound(referralId);
    }
    return toReferralView(answered);
  }

  /**
   * Asks cases, on behalf of the staff member, whether the consent the referral relied on still
   * holds: decided there on its own rows, so a withdrawal or an expiry refuses the very next read
   * or answer, before this service has heard of it. A referral sent before consents were recorded
   * on it needs any consent that covers its receiver.
   */
  private async assertConsentHolds(referral: ReferralRecord): Promise<void> {
    const check = await this.rpc.request<ConsentCheckResult>(Requests.cases.checkConsent, {
      caseId: referral.caseId,
      receivingOrganisationId: referral.toOrganisationId,
      purpose: ConsentPurpose.Referral,
      ...(referral.consentId ? { consentId: referral.consentId } : {}),
    } satisfies CheckConsentQuery);
    if (!check.covered) throw consentNotActive();
  }

  /** The event announcing the referral in this state: its full non-identifying state and version. */
  private event(referral: Parameters<typeof toReferralState>[0]): EventEnvelope {
    return this.outbox.envelope(eventOfStatus[referral.status], { type: 'referral', id: referral.id }, toReferralState(referral));
  }
}
