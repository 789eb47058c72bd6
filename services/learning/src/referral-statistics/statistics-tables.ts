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
import type { GroupCount, GroupDuration } from './flow-statistics.repository';

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

/** Medians and 90th percentiles per group, withheld where fewer than five referrals (but some) are behind them. */
export function durationsView(
  durations: GroupDuration[],
  rowDimensions: StatisticsDimension[],
  measure: DurationMeasure,
  frame: TableFrame,
): ReferralDurationsView {
  const rows: DurationRow[] = [...durations]
    .sort((a, b) => compareKeys(rowDimensions)(a.keys, b.keys))
    .map((group) => {
      const publishable = isPublishableBasis(group.basis);
      const round = (daysTaken: number | null) => (daysTaken === null ? null : Math.round(daysTaken * 10) / 10);
      return {
        key: keyOf(rowDimensions, group.keys),
        basis: publishable ? { value: group.basis, suppressed: false } : { value: null, suppressed: true },
        medianDays: publishable ? round(group.medianDays) : null,
        p90Days: publishable ? round(group.p90Days) : null,
        suppressed: !publishable,
      };
    });
  return { measure, rowDimensions, rows, from: frame.from, to: frame.to, periodBasis: frame.periodBasis, coverage: frame.coverage };
}
