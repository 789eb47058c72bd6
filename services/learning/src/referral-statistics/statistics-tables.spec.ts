import { DurationMeasure, StatisticsCoverage, StatisticsDimension, StatisticsPeriodBasis } from '@samverkan/contracts';
import type { GroupCount } from './flow-statistics.repository';
import { countTable, durationsView, percentileOfCounts, unsplitColumn } from './statistics-tables';

const frame = { from: '2026-01-01', to: '2026-03-31', periodBasis: StatisticsPeriodBasis.Sent, coverage: StatisticsCoverage.All };
const hidden = null;

/** The published values of a table: its rows with their totals, then the column totals with the grand total. */
function published(table: ReturnType<typeof countTable>): (number | null)[][] {
  return [
    ...table.rows.map((row) => [...row.cells.map((cell) => cell.value), row.total.value]),
    [...table.columnTotals.map((cell) => cell.value), table.total.value],
  ];
}

describe('countTable', () => {
  const byMunicipalityAndGender = (counts: Array<[string, string, number]>): GroupCount[] =>
    counts.map(([municipality, gender, count]) => ({ keys: [municipality], column: gender, count }));

  it.each<{ name: string; counts: Array<[string, string, number]>; expected: (number | null)[][] }>([
    {
      name: 'publishes every figure when none is small',
      counts: [
        ['1880', 'female', 12],
        ['1880', 'male', 10],
        ['1881', 'female', 7],
        ['1881', 'male', 9],
      ],
      expected: [
        [12, 10, 0, 0, 22],
        [7, 9, 0, 0, 16],
        [19, 19, 0, 0, 38],
      ],
    },
    {
      name: 'suppresses a small cell and, complementarily, the smallest other cell of its row and of its column',
      counts: [
        ['1880', 'female', 12],
        ['1880', 'male', 3],
        ['1881', 'female', 7],
        ['1881', 'male', 9],
      ],
      // 3 is small; its row and column each need a second: 12 and 9 would give it away, so the
      // smallest non-zero other cells go too, and then their lines need a second each.
      expected: [
        [hidden, hidden, 0, 0, 15],
        [hidden, hidden, 0, 0, 16],
        [19, 12, 0, 0, 31],
      ],
    },
    {
      name: 'suppresses a small total, and what would give it away',
      counts: [
        ['1880', 'female', 2],
        ['1880', 'male', 1],
        ['1881', 'female', 20],
        ['1881', 'male', 30],
      ],
      expected: [
        [hidden, hidden, 0, 0, hidden],
        [hidden, hidden, 0, 0, hidden],
        [22, 31, 0, 0, 53],
      ],
    },
  ])('$name', ({ counts, expected }) => {
    const table = countTable(byMunicipalityAndGender(counts), [StatisticsDimension.Municipality], StatisticsDimension.Gender, frame);

    expect(table.columnValues).toEqual(['female', 'male', 'other', 'not_stated']);
    expect(published(table)).toEqual(expected);
    // Whatever is hidden is marked so, and nothing shown is small.
    for (const figure of table.rows.flatMap((row) => [...row.cells, row.total])) {
      expect(figure.suppressed).toBe(figure.value === null);
      if (figure.value !== null) expect(figure.value === 0 || figure.value >= 5).toBe(true);
    }
  });

  it('keeps the order of coded values and adds values it does not know at the end', () => {
    const table = countTable(
      [
        { keys: ['completed'], column: null, count: 6 },
        { keys: ['sent'], column: null, count: 8 },
      ],
      [StatisticsDimension.Status],
      null,
      frame,
    );

    expect(table.columnValues).toEqual([unsplitColumn]);
    expect(table.rows.map((row) => row.key)).toEqual([
      [{ dimension: StatisticsDimension.Status, value: 'sent' }],
      [{ dimension: StatisticsDimension.Status, value: 'completed' }],
    ]);
    expect(table.total).toEqual({ value: 14, suppressed: false });
  });

  it('publishes an empty table with zero totals', () => {
    const table = countTable([], [StatisticsDimension.Municipality], StatisticsDimension.Outcome, frame);

    expect(table.rows).toEqual([]);
    expect(table.total).toEqual({ value: 0, suppressed: false });
    expect(table.columnTotals).toHaveLength(table.columnValues.length);
  });

  it('adds the counts of a group found twice (a combination of several rows) into one cell', () => {
    const table = countTable(
      [
        { keys: ['1880'], column: null, count: 4 },
        { keys: ['1880'], column: null, count: 3 },
      ],
      [StatisticsDimension.Municipality],
      null,
      frame,
    );

    expect(table.rows[0]?.cells).toEqual([{ value: 7, suppressed: false }]);
  });
});

describe('durationsView', () => {
  it('withholds the median and percentile of a group of one to four, and gives the others to a tenth of a day', () => {
    const view = durationsView(
      [
        { keys: ['male'], tenths: [{ tenthsOfADay: 30, count: 4 }] },
        {
          keys: ['female'],
          tenths: [
            { tenthsOfADay: 20, count: 4 },
            { tenthsOfADay: 25, count: 1 },
            { tenthsOfADay: 79, count: 4 },
          ],
        },
      ],
      [StatisticsDimension.Gender],
      DurationMeasure.TimeToStart,
      frame,
    );

    expect(view.rows).toEqual([
      { key: [{ dimension: 'gender', value: 'female' }], basis: { value: 9, suppressed: false }, medianDays: 2.5, p90Days: 7.9, suppressed: false },
      { key: [{ dimension: 'gender', value: 'male' }], basis: { value: null, suppressed: true }, medianDays: null, p90Days: null, suppressed: true },
    ]);
  });
});

describe('percentileOfCounts', () => {
  // What PostgreSQL's percentile_cont answers for the same values written out one by one.
  it.each([
    {
      values: [
        { value: 1, count: 1 },
        { value: 2, count: 1 },
        { value: 3, count: 1 },
        { value: 4, count: 1 },
      ],
      fraction: 0.5,
      expected: 2.5,
    },
    {
      values: [
        { value: 1, count: 3 },
        { value: 10, count: 1 },
      ],
      fraction: 0.5,
      expected: 1,
    },
    {
      values: [
        { value: 10, count: 1 },
        { value: 1, count: 3 },
      ],
      fraction: 0.9,
      expected: 7.3,
    },
    { values: [{ value: 5, count: 1 }], fraction: 0.9, expected: 5 },
    { values: [], fraction: 0.5, expected: null },
  ])('the $fraction percentile of $values is $expected', ({ values, fraction, expected }) => {
    const found = percentileOfCounts(values, fraction);
    if (expected === null) expect(found).toBeNull();
    else expect(found).toBeCloseTo(expected, 10);
  });
});
