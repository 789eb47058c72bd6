import { ReferralStatus, TargetGroup } from '@samverkan/contracts';
import { randomUUID } from 'node:crypto';
import { notYetTaken, type ReferralRecord } from './referral';

/** A referral as the repository returns it: sent, and nothing after, unless the overrides say. */
export function aReferralRecord(overrides: Partial<ReferralRecord> = {}): ReferralRecord {
  return {
    id: randomUUID(),
    caseId: randomUUID(),
    fromOrganisationId: randomUUID(),
    fromUnitId: randomUUID(),
    sentBy: randomUUID(),
    toOrganisationId: randomUUID(),
    supportResourceId: null,
    municipalityCode: '1880',
    targetGroup: TargetGroup.YoungNotInEmploymentOrEducation,
    gender: 'female',
    status: ReferralStatus.Sent,
    sentAt: new Date('2026-11-20T08:00:00Z'),
    consentId: randomUUID(),
    toUnitId: null,
    acknowledgeBy: null,
    answerBy: null,
    startDays: null,
    sharedFields: [],
    legalBasis: 'consent',
    external: false,
    ...notYetTaken,
    version: 1,
    ...overrides,
  };
}
