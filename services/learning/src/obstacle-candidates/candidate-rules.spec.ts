import { DeclineReason, ObstacleCandidateRule, ReferralStatus, StructuralObstacleCategory } from '@samverkan/contracts';
import { candidateRule, candidateRules, crossesThreshold } from './candidate-rules';

describe('obstacle candidate rules', () => {
  it.each([
    { count: 9, basis: 30, crosses: false, why: 'too few' },
    { count: 10, basis: 40, crosses: true, why: 'enough, and a quarter of them' },
    { count: 10, basis: 41, crosses: false, why: 'enough, but less than a quarter' },
    { count: 0, basis: 0, crosses: false, why: 'nothing at all' },
  ])('$count of $basis: $why', ({ count, basis, crosses }) => {
    expect(crossesThreshold(count, basis, { minCount: 10, minShare: 0.25 })).toBe(crosses);
  });

  it('points each pattern at its category of the taxonomy', () => {
    expect(candidateRules.map(({ rule, category, status, declineReason }) => ({ rule, category, status, declineReason }))).toEqual([
      {
        rule: ObstacleCandidateRule.NoCapacityDeclines,
        category: StructuralObstacleCategory.Capacity,
        status: ReferralStatus.Declined,
        declineReason: DeclineReason.NoCapacity,
      },
      {
        rule: ObstacleCandidateRule.NotEligibleDeclines,
        category: StructuralObstacleCategory.Regulation,
        status: ReferralStatus.Declined,
        declineReason: DeclineReason.NotEligible,
      },
      {
        rule: ObstacleCandidateRule.ExpiredUnanswered,
        category: StructuralObstacleCategory.MandateGap,
        status: ReferralStatus.Expired,
        declineReason: undefined,
      },
    ]);
  });

  it('describes the figures behind a candidate without anything about a person', () => {
    const text = candidateRule(ObstacleCandidateRule.NoCapacityDeclines).describe({
      count: 12,
      basis: 30,
      need: 'work_experience',
      municipalityName: 'Kumla',
      quarter: '2026-Q3',
    });

    expect(text).toBe('12 of 30 referrals for support with work experience of people living in Kumla were declined for lack of places in 2026-Q3.');
  });
});
