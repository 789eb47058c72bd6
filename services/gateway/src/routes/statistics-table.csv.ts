import { StatisticsDimension, type ReferralDurationsView, type ReferralStatisticsTable, type TrackingFigure } from '@samverkan/contracts';
import { stringify } from 'csv-stringify/sync';
import { suppressedMark } from './municipality-referrals.csv';

/*
 * Statistics of the referral flow as a spreadsheet: one line per row of the table, a column per
 * value of its column dimension and the total, suppressed figures as "..", a last line of column
 * totals. Codes are kept as the API gives them, so a file can be joined with another. UTF-8 with
 * a byte-order mark, so that spreadsheet programs read å, ä and ö right.
 */

const dimensionHeadings = {
  [StatisticsDimension.Municipality]: 'Hemkommun',
  [StatisticsDimension.ResourceMunicipality]: 'Insatsens kommun',
  [StatisticsDimension.TargetGroup]: 'Målgrupp',
  [StatisticsDimension.Gender]: 'Kön',
  [StatisticsDimension.Need]: 'Behov',
  [StatisticsDimension.FromOrganisationType]: 'Från organisationstyp',
  [StatisticsDimension.ToOrganisationType]: 'Till organisationstyp',
  [StatisticsDimension.SupportResource]: 'Insats',
  [StatisticsDimension.Status]: 'Status',
  [StatisticsDimension.Outcome]: 'Utfall',
  [StatisticsDimension.ExitDestination]: 'Avslut till',
  [StatisticsDimension.DeclineReason]: 'Skäl att avböja',
  [StatisticsDimension.Quarter]: 'Kvartal',
  [StatisticsDimension.Month]: 'Månad',
} satisfies Record<StatisticsDimension, string>;

const total = 'Totalt';
const figure = (value: TrackingFigure): string => (value.suppressed ? suppressedMark : String(value.value));
const csv = (records: string[][], columns: string[]) => stringify(records, { header: true, columns, bom: true, record_delimiter: 'windows' });

export function renderStatisticsTableCsv(table: ReferralStatisticsTable): string {
  const columns = [...table.rowDimensions.map((dimension) => dimensionHeadings[dimension]), ...table.columnValues, total];
  const blanks = table.rowDimensions.map(() => '');
  return csv(
    [
      ...table.rows.map((row) => [...row.key.map((key) => key.value), ...row.cells.map(figure), figure(row.total)]),
      [...(blanks.length > 0 ? [total, ...blanks.slice(1)] : []), ...table.columnTotals.map(figure), figure(table.total)],
    ],
    columns,
  );
}

export function renderDurationsCsv(view: ReferralDurationsView): string {
  const columns = [...view.rowDimensions.map((dimension) => dimensionHeadings[dimension]), 'Antal', 'Median (dagar)', '90:e percentil (dagar)'];
  const days = (value: number | null, suppressed: boolean) => (suppressed ? suppressedMark : value === null ? '' : String(value));
  return csv(
    view.rows.map((row) => [...row.key.map((key) => key.value), figure(row.basis), days(row.medianDays, row.suppressed), days(row.p90Days, row.suppressed)]),
    columns,
  );
}
