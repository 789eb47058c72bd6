import { DeclineReason, ObstacleCandidateRule, ReferralStatus, StructuralObstacleCategory } from '@samverkan/contracts';

/** A pattern of the referral flow: which referrals it counts, and the category of obstacle it suggests. */
export interface CandidateRule {
  rule: ObstacleCandidateRule;
  category: StructuralObstacleCategory;
  status: ReferralStatus;
  declineReason?: DeclineReason;
  /** How an analyst reads the figures. */
  describe: (figures: { count: number; basis: number; need: string; municipalityName: string; quarter: string }) => string;
}

const forNeed = (need: string) => (need === 'none' ? 'without a support resource' : `for support with ${need.replaceAll('_', ' ')}`);

export const candidateRules: readonly CandidateRule[] = [
  {
    rule: ObstacleCandidateRule.NoCapacityDeclines,
    category: StructuralObstacleCategory.Capacity,
    status: ReferralStatus.Declined,
    declineReason: DeclineReason.NoCapacity,
    describe: ({ count, basis, need, municipalityName, quarter }) =>
      `${count} of ${basis} referrals ${forNeed(need)} of people living in ${municipalityName} were declined for lack of places in ${quarter}.`,
  },
  {
    rule: ObstacleCandidateRule.NotEligibleDeclines,
    category: StructuralObstacleCategory.Regulation,
    status: ReferralStatus.Declined,
    declineReason: DeclineReason.NotEligible,
    describe: ({ count, basis, need, municipalityName, quarter }) =>
      `${count} of ${basis} referrals ${forNeed(need)} of people living in ${municipalityName} were declined as not eligible in ${quarter}.`,
  },
  {
    rule: ObstacleCandidateRule.ExpiredUnanswered,
    category: StructuralObstacleCategory.MandateGap,
    status: ReferralStatus.Expired,
    describe: ({ count, basis, need, municipalityName, quarter }) =>
      `${count} of ${basis} referrals ${forNeed(need)} of people living in ${municipalityName} expired without an answer in ${quarter}.`,
  },
];

export function candidateRule(rule: ObstacleCandidateRule): CandidateRule {
  return candidateRules.find((candidate) => candidate.rule === rule) as CandidateRule;
}

/** Whether a rule's count is a candidate: at least `minCount`, and at least `minShare` of the referrals it is out of. */
export function crossesThreshold(count: number, basis: number, threshold: { minCount: number; minShare: number }): boolean {
  return count >= threshold.minCount && basis > 0 && count / basis >= threshold.minShare;
}
