import type { Gender, TargetGroup } from '@samverkan/contracts';
import type { TrackingRow } from './municipality-tracking.repository';
import { trackingFigures } from './tracking-view';

/** A group's row as the repository returns it; zeros and no durations unless given. */
function aRow(targetGroup: TargetGroup | null, gender: Gender | null, figures: Partial<TrackingRow> = {}): TrackingRow {
  return {
    targetGroup,
    gender,
    referrals: 0,
    sent: 0,
    received: 0,
    open: 0,
    overdue: 0,
    answered: 0,
    answerMedianSeconds: null,
    answerP90Seconds: null,
    started: 0,
    startMedianSeconds: null,
    startP90Seconds: null,
    ...figures,
  };
}

describe('trackingFigures', () => {
  it('lays out every target group × gender, with totals per target group, per gender and in all', () => {
    const figures = trackingFigures(
      [
        aRow('uvas', 'female', { referrals: 9 }),
        aRow('uvas', null, { referrals: 9 }),
        aRow(null, 'female', { referrals: 9 }),
        aRow(null, null, { referrals: 9 }),
      ],
      [],
    );

    expect(figures.cells).toHaveLength(3 * 4);
    expect(figures.cells.find((cell) => cell.targetGroup === 'uvas' && cell.gender === 'female')?.measures.referrals).toEqual({ value: 9, suppressed: false });
    expect(figures.cells.find((cell) => cell.targetGroup === 'disability' && cell.gender === 'other')?.measures.referrals).toEqual({
      value: 0,
      suppressed: false,
    });
    expect(figures.byTargetGroup.map((group) => [group.targetGroup, group.gender, group.measures.referrals.value])).toEqual([
      ['uvas', null, 9],
      ['disability', null, 0],
      ['foreign_background', null, 0],
    ]);
    expect(figures.byGender.map((group) => group.gender)).toEqual(['female', 'male', 'other', 'not_stated']);
    expect(figures.total.referrals).toEqual({ value: 9, suppressed: false });
    expect(figures.smallestPublishedCount).toBe(5);
  });

  it('suppresses a small count and what would give it away, each measure on its own', () => {
    const figures = trackingFigures(
      [
        aRow('uvas', 'female', { referrals: 12, open: 12 }),
        aRow('uvas', 'male', { referrals: 3, open: 0 }),
        aRow('disability', 'male', { referrals: 15, open: 15 }),
      ],
      [],
    );
    const cell = (targetGroup: TargetGroup, gender: Gender) =>
      figures.cells.find((candidate) => candidate.targetGroup === targetGroup && candidate.gender === gender)?.measures;

    expect(cell('uvas', 'male')?.referrals).toEqual({ value: null, suppressed: true });
    expect(cell('uvas', 'female')?.referrals).toEqual({ value: null, suppressed: true });
    expect(cell('disability', 'male')?.referrals).toEqual({ value: null, suppressed: true });
    expect(figures.total.referrals).toEqual({ value: 30, suppressed: false });
    // The same referrals counted as open have no small count: published as they are.
    expect(cell('uvas', 'female')?.open).toEqual({ value: 12, suppressed: false });
  });

  it('gives durations in hours to a tenth, suppressed when fewer than five referrals got that far', () => {
    const figures = trackingFigures(
      [
        aRow('uvas', 'female', {
          answered: 5,
          answerMedianSeconds: 45_000,
          answerP90Seconds: 78_479,
          started: 4,
          startMedianSeconds: 86_400,
          startP90Seconds: 90_000,
        }),
        aRow(null, null, { answered: 5, answerMedianSeconds: 45_000, answerP90Seconds: 78_479 }),
      ],
      [],
    );
    const cell = figures.cells.find((candidate) => candidate.targetGroup === 'uvas' && candidate.gender === 'female')?.measures;

    expect(cell?.timeToAnswer).toEqual({ medianHours: 12.5, p90Hours: 21.8, suppressed: false });
    expect(cell?.timeToStart).toEqual({ medianHours: null, p90Hours: null, suppressed: true });
    expect(figures.total.timeToStart).toEqual({ medianHours: null, p90Hours: null, suppressed: false });
  });

  it('lists every decline reason, counted and suppressed per reason', () => {
    const figures = trackingFigures(
      [aRow('disability', 'male', { referrals: 15 })],
      [
        { targetGroup: 'disability', gender: 'male', reason: 'no_capacity', count: 11 },
        { targetGroup: 'disability', gender: 'male', reason: 'not_eligible', count: 4 },
      ],
    );

    expect(figures.total.declineReasons).toEqual([
      { reason: 'no_capacity', value: 11, suppressed: false },
      { reason: 'not_eligible', value: null, suppressed: true },
      { reason: 'could_not_reach_person', value: 0, suppressed: false },
      { reason: 'person_declined', value: 0, suppressed: false },
      { reason: 'referred_elsewhere', value: 0, suppressed: false },
      { reason: 'other', value: 0, suppressed: false },
      { reason: 'wrong_recipient', value: 0, suppressed: false },
    ]);
  });
});
