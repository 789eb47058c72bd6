import type {
  DeclineReason,
  Gender,
  MunicipalityCode,
  ReferralStateData,
  ReferralStatus,
  ReferralView,
  ReferralWithdrawalReason,
  TargetGroup,
} from '@samverkan/contracts';
import { ReferralStatus as Status } from '@samverkan/contracts';
import { illegalTransition } from './referrals.errors';

export interface ReferralRecord {
  id: string;
  caseId: string;
  fromOrganisationId: string;
  fromUnitId: string;
  sentBy: string;
  toOrganisationId: string;
  supportResourceId: string | null;
  municipalityCode: MunicipalityCode;
  targetGroup: TargetGroup;
  gender: Gender;
  status: ReferralStatus;
  declineReason: DeclineReason | null;
  sentAt: Date;
  respondedAt: Date | null;
  respondedBy: string | null;
  /** The consent in cases that allowed it; null for referrals sent before it was recorded. */
  consentId: string | null;
  withdrawalReason: ReferralWithdrawalReason | null;
  withdrawnAt: Date | null;
  version: number;
}

/**
 * The lifecycle: a sent referral is answered once, by accepting or declining it; an open one (sent
 * or accepted) is withdrawn when the consent it relied on ends.
 */
const allowed: Record<ReferralStatus, ReferralStatus[]> = {
  [Status.Sent]: [Status.Accepted, Status.Declined, Status.Withdrawn],
  [Status.Accepted]: [Status.Withdrawn],
  [Status.Declined]: [],
  [Status.Withdrawn]: [],
};

/** The statuses a referral can still be withdrawn from. */
export const openStatuses: readonly ReferralStatus[] = (Object.keys(allowed) as ReferralStatus[]).filter((status) =>
  allowed[status].includes(Status.Withdrawn),
);

export function assertTransition(from: ReferralStatus, to: ReferralStatus): void {
  if (!allowed[from].includes(to)) throw illegalTransition(from, to);
}

export function toReferralView(record: ReferralRecord): ReferralView {
  return {
    id: record.id,
    caseId: record.caseId,
    fromOrganisationId: record.fromOrganisationId,
    fromUnitId: record.fromUnitId,
    toOrganisationId: record.toOrganisationId,
    supportResourceId: record.supportResourceId,
    municipalityCode: record.municipalityCode,
    targetGroup: record.targetGroup,
    status: record.status,
    declineReason: record.declineReason,
    sentAt: record.sentAt.toISOString(),
    respondedAt: record.respondedAt?.toISOString() ?? null,
    consentId: record.consentId,
    withdrawalReason: record.withdrawalReason,
    withdrawnAt: record.withdrawnAt?.toISOString() ?? null,
    version: record.version,
  };
}

/** What every referral event carries: the full non-identifying state and its version. */
export function toReferralState(
  record: Pick<
    ReferralRecord,
    | 'id'
    | 'caseId'
    | 'fromOrganisationId'
    | 'toOrganisationId'
    | 'municipalityCode'
    | 'targetGroup'
    | 'gender'
    | 'status'
    | 'declineReason'
    | 'withdrawalReason'
    | 'version'
  >,
): ReferralStateData {
  return {
    referralId: record.id,
    caseId: record.caseId,
    fromOrganisationId: record.fromOrganisationId,
    toOrganisationId: record.toOrganisationId,
    municipalityCode: record.municipalityCode,
    targetGroup: record.targetGroup,
    gender: record.gender,
    status: record.status,
    declineReason: record.declineReason,
    withdrawalReason: record.withdrawalReason,
    version: record.version,
  };
}
