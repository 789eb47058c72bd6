import {
  dimensionValues,
  StatisticsCoverage,
  type DurationMeasure,
  type DurationRow,
  type ReferralDurationsView,
  type ReferralStatisticsTable,
  type StatisticsDimension,
  type StatisticsPeriodBasis,
  type StatisticsRowKey,
  type StatisticsTableRow,
} from '@samverkan/contracts';
import { isPublishableBasis, smallestPublishedCount, suppressSmallCounts, type Figure } from '../statistics/suppression';
import type { GroupCount, GroupDurations } from './flow-statistics.repository';

/** The column of a table whose columns are not split. */
export const unsplitColumn = 'referrals';

export interface TableFrame {
  from: string;
  to: string;
  periodBasis: StatisticsPeriodBasis;
  coverage: StatisticsCoverage;
}

/** Values in the dimension's own order (coded dimensions), else alphabetical. */
function ordered(dimension: StatisticsDimension, values: Iterable<string>): string[] {
  const order = dimensionValues[dimension];
  const distinct = [...new Set(values)];
  if (!order) return distinct.sort();
  const rank = (value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
  return distinct.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function compareKeys(dimensions: StatisticsDimension[]): (a: string[], b: string[]) => number {
  const orders = dimensions.map((dimension) => dimensionValues[dimension]);
  return (a, b) => {
    for (let index = 0; index < dimensions.length; index++) {
      const order = orders[index];
      const [x, y] = [a[index] as string, b[index] as string];
      if (x === y) continue;
      if (order && order.includes(x) && order.includes(y)) return order.indexOf(x) - order.indexOf(y);
      return x.localeCompare(y);
    }
    return 0;
  };
}

const keyOf = (dimensions: StatisticsDimension[], values: string[]): StatisticsRowKey[] =>
  dimensions.map((dimension, index) => ({ dimension, value: values[index] as string }));

/**
 * The published table of counts: rows are the combinations of the row dimensions that have
 * referrals, columns every value of a coded column dimension (else the values found), and every
 * figure, totals included, suppressed as `suppressSmallCounts` decides.
 */
export function countTable(
  counts: GroupCount[],
  rowDimensions: StatisticsDimension[],
  columnDimension: StatisticsDimension | null,
  frame: TableFrame,
): ReferralStatisticsTable {
  const columnValues = columnDimension
    ? ordered(columnDimension, [...(dimensionValues[columnDimension] ?? []), ...counts.map((count) => count.column as string)])
    : [unsplitColumn];
  const rowKeys = [...new Map(counts.map((count) => [JSON.stringify(count.keys), count.keys])).values()].sort(compareKeys(rowDimensions));
  const base = {
    rowDimensions,
    columnDimension,
    columnValues,
    ...frame,
    smallestPublishedCount,
  };
  const zero: Figure = { value: 0, suppressed: false };
  if (rowKeys.length === 0) return { ...base, rows: [], columnTotals: columnValues.map(() => zero), total: zero };

  const rowIndex = new Map(rowKeys.map((keys, index) => [JSON.stringify(keys), index]));
  const columnIndex = new Map(columnValues.map((value, index) => [value, index]));
  const matrix = rowKeys.map(() => columnValues.map(() => 0));
  for (const count of counts) {
    const row = matrix[rowIndex.get(JSON.stringify(count.keys)) as number] as number[];
    const column = columnIndex.get(count.column ?? unsplitColumn) as number;
    row[column] = (row[column] as number) + count.count;
  }

  const published = suppressSmallCounts(matrix);
  const rows: StatisticsTableRow[] = rowKeys.map((keys, index) => ({
    key: keyOf(rowDimensions, keys),
    cells: published.cells[index] as Figure[],
    total: published.rowTotals[index] as Figure,
  }));
  return { ...base, rows, columnTotals: published.columnTotals, total: published.total };
}

/**
 * The `fraction` percentile of values given with how many times each occurs, interpolated between
 * the two nearest ranks as PostgreSQL's `percentile_cont` does; null without values.
 */
export function percentileOfCounts(values: ReadonlyArray<{ value: number; count: number }>, fraction: number): number | null {
  const sorted = values.filter((entry) => entry.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return null;
  const position = fraction * (total - 1);
  const valueAtRank = (rank: number): number => {
    let seen = 0;
    for (const entry of sorted) {
      seen += entry.count;
      if (rank < seen) return entry.value;
    }
    return (sorted.at(-1) as { value: number }).value;
  };
  const [lower, upper] = [valueAtRank(Math.floor(position)), valueAtRank(Math.ceil(position))];
  return lower + (upper - lower) * (position - Math.floor(position));
}

/**
 * Medians and 90th percentiles per group, in days to a tenth, from how many referrals took each
 * tenth of a day; withheld where fewer than five referrals (but some) are behind them.
 */
export function durationsView(
  durations: GroupDurations[],
  rowDimensions: StatisticsDimension[],
  measure: DurationMeasure,
  frame: TableFrame,
): ReferralDurationsView {
  const rows: DurationRow[] = [...durations]
    .sort((a, b) => compareKeys(rowDimensions)(a.keys, b.keys))
    .map((group) => {
      const values = group.tenths.map((entry) => ({ value: entry.tenthsOfADay / 10, count: entry.count }));
      const basis = values.reduce((sum, entry) => sum + entry.count, 0);
      const publishable = isPublishableBasis(basis);
      const round = (days: number | null) => (days === null ? null : Math.round(days * 10) / 10);
      return {
        key: keyOf(rowDimensions, group.keys),
        basis: publishable ? { value: basis, suppressed: false } : { value: null, suppressed: true },
        medianDays: publishable ? round(percentileOfCounts(values, 0.5)) : null,
        p90Days: publishable ? round(percentileOfCounts(values, 0.9)) : null,
        suppressed: !publishable,
      };
    });
  return { measure, rowDimensions, rows, from: frame.from, to: frame.to, periodBasis: frame.periodBasis, coverage: frame.coverage };
}
