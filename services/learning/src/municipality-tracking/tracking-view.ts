import {
  DeclineReason,
  Gender,
  TargetGroup,
  type MunicipalityReferralsView,
  type TrackingDuration,
  type TrackingFigure,
  type TrackingGroupView,
  type TrackingMeasures,
} from '@samverkan/contracts';
import { isPublishableBasis, smallestPublishedCount, suppressSmallCounts, type SuppressedTable } from '../statistics/suppression';
import type { DeclineReasonRow, TrackingRow } from './municipality-tracking.repository';

const targetGroups = Object.values(TargetGroup);
const genders = Object.values(Gender);
const declineReasons = Object.values(DeclineReason);

const countMeasures = ['referrals', 'sent', 'received', 'open', 'overdue'] as const;
type CountMeasure = (typeof countMeasures)[number];

/** Where a group sits in a target group × gender table: a cell, a row or column total, or the grand total. */
type Group = { targetGroup: TargetGroup | null; gender: Gender | null };

function figureAt(table: SuppressedTable, { targetGroup, gender }: Group): TrackingFigure {
  const row = targetGroup === null ? -1 : targetGroups.indexOf(targetGroup);
  const column = gender === null ? -1 : genders.indexOf(gender);
  const figure =
    row >= 0 && column >= 0 ? table.cells[row]?.[column] : row >= 0 ? table.rowTotals[row] : column >= 0 ? table.columnTotals[column] : table.total;
  if (!figure) throw new RangeError(`no figure for ${targetGroup ?? 'every target group'} × ${gender ?? 'every gender'}`);
  return { value: figure.value, suppressed: figure.suppressed };
}

const hours = (seconds: number | null): number | null => (seconds === null ? null : Math.round(seconds / 360) / 10);

/** A median and a 90th percentile, published only when computed from none or from enough referrals. */
function duration(basis: number, medianSeconds: number | null, p90Seconds: number | null): TrackingDuration {
  if (!isPublishableBasis(basis)) return { medianHours: null, p90Hours: null, suppressed: true };
  return { medianHours: hours(medianSeconds), p90Hours: hours(p90Seconds), suppressed: false };
}

/** A target group × gender table of counts, zero where no referral fell. */
function countTable(count: (targetGroup: TargetGroup, gender: Gender) => number): number[][] {
  return targetGroups.map((targetGroup) => genders.map((gender) => count(targetGroup, gender)));
}

/**
 * The published figures: every count table (each measure, each decline reason) suppressed on
 * its own with its totals, and the durations of each group suppressed by how many they describe.
 */
export function trackingFigures(
  rows: readonly TrackingRow[],
  declines: readonly DeclineReasonRow[],
): Pick<MunicipalityReferralsView, 'smallestPublishedCount' | 'total' | 'byTargetGroup' | 'byGender' | 'cells'> {
  const rowOf = ({ targetGroup, gender }: Group) => rows.find((row) => row.targetGroup === targetGroup && row.gender === gender);
  const counts = Object.fromEntries(
    countMeasures.map((measure) => [measure, suppressSmallCounts(countTable((targetGroup, gender) => rowOf({ targetGroup, gender })?.[measure] ?? 0))]),
  ) as Record<CountMeasure, SuppressedTable>;
  const declined = declineReasons.map((reason) => ({
    reason,
    table: suppressSmallCounts(
      countTable(
        (targetGroup, gender) =>
          declines.find((decline) => decline.reason === reason && decline.targetGroup === targetGroup && decline.gender === gender)?.count ?? 0,
      ),
    ),
  }));

  const measuresOf = (group: Group): TrackingMeasures => {
    const row = rowOf(group);
    return {
      referrals: figureAt(counts.referrals, group),
      sent: figureAt(counts.sent, group),
      received: figureAt(counts.received, group),
      open: figureAt(counts.open, group),
      overdue: figureAt(counts.overdue, group),
      timeToAnswer: duration(row?.answered ?? 0, row?.answerMedianSeconds ?? null, row?.answerP90Seconds ?? null),
      timeToStart: duration(row?.started ?? 0, row?.startMedianSeconds ?? null, row?.startP90Seconds ?? null),
      declineReasons: declined.map(({ reason, table }) => ({ reason, ...figureAt(table, group) })),
    };
  };
  const groupView = (group: Group): TrackingGroupView => ({ ...group, measures: measuresOf(group) });

  return {
    smallestPublishedCount,
    total: measuresOf({ targetGroup: null, gender: null }),
    byTargetGroup: targetGroups.map((targetGroup) => groupView({ targetGroup, gender: null })),
    byGender: genders.map((gender) => groupView({ targetGroup: null, gender })),
    cells: targetGroups.flatMap((targetGroup) => genders.map((gender) => groupView({ targetGroup, gender }))),
  };
}
