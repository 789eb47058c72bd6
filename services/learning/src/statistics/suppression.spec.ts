import { isPublishableBasis, suppressSmallCounts, type Figure, type SuppressedTable } from './suppression';

/** The table as rows of values (null where suppressed), totals last: easy to read in a failure. */
function shown(table: SuppressedTable): (number | null)[][] {
  const value = (figure: Figure) => figure.value;
  return [
    ...table.cells.map((row, index) => [...row.map(value), value(table.rowTotals[index] as Figure)]),
    [...table.columnTotals.map(value), value(table.total)],
  ];
}

/** Every line of the published grid (rows and columns, each with its total). */
function lines(grid: (number | null)[][]): (number | null)[][] {
  const columns = grid[0]?.length ?? 0;
  return [...grid, ...Array.from({ length: columns }, (_, column) => grid.map((row) => row[column] as number | null))];
}

/** What a reader can recover by one subtraction: lines with exactly one hidden figure. */
function recoverableLines(grid: (number | null)[][]): number {
  return lines(grid).filter((line) => line.filter((value) => value === null).length === 1).length;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('suppressSmallCounts', () => {
  it('publishes a table without small counts as it is, with its totals', () => {
    const table = suppressSmallCounts([
      [10, 0, 7],
      [5, 12, 0],
    ]);

    expect(shown(table)).toEqual([
      [10, 0, 7, 17],
      [5, 12, 0, 17],
      [15, 12, 7, 34],
    ]);
    expect(table.total).toEqual({ value: 34, suppressed: false });
  });

  it('hides every count from 1 to 4 and flags it, but shows zeros', () => {
    const table = suppressSmallCounts([[3, 0]]);

    expect(table.cells[0]).toEqual([
      { value: null, suppressed: true },
      { value: 0, suppressed: false },
    ]);
    expect(table.rowTotals[0]).toEqual({ value: null, suppressed: true });
  });

  it('hides the next smallest figure of a row and of a column that would otherwise give a small count away', () => {
    // 3 alone in its row: 20 − 9 − 8 would reveal it, and so would 13 − 10 in its column. Hiding 8
    // (the smallest in the row) leaves 8 alone in its column, so 30 goes too.
    const table = suppressSmallCounts([
      [3, 9, 8],
      [10, 12, 30],
    ]);

    expect(shown(table)).toEqual([
      [null, 9, null, 20],
      [null, 12, null, 52],
      [13, 21, 38, 72],
    ]);
    expect(recoverableLines(shown(table))).toBe(0);
  });

  it('chooses a non-zero complement over a zero, and a cell over a total', () => {
    const table = suppressSmallCounts([
      [2, 0, 6],
      [7, 0, 9],
      [8, 0, 11],
    ]);

    // Row 0: 6 rather than the zero; column 0: 7 rather than the zero-free totals.
    expect(shown(table)[0]).toEqual([null, 0, null, 8]);
    expect(table.cells[1]?.[0]).toEqual({ value: null, suppressed: true });
    expect(recoverableLines(shown(table))).toBe(0);
  });

  it('suppresses small totals and protects them in the line of totals too', () => {
    // The first row's total (4) is small; the row totals with the grand total form a line of their own.
    const table = suppressSmallCounts([
      [4, 0],
      [20, 30],
      [40, 15],
    ]);

    expect(table.rowTotals[0]).toEqual({ value: null, suppressed: true });
    expect(recoverableLines(shown(table))).toBe(0);
  });

  it('leaves an empty table empty: nothing to hide', () => {
    const table = suppressSmallCounts([
      [0, 0],
      [0, 0],
    ]);

    expect(
      shown(table)
        .flat()
        .every((value) => value === 0),
    ).toBe(true);
  });

  it('over many random tables: hides every small count, shows every other figure truly, and leaves no line with one hidden figure', () => {
    const next = random(20_261_201);
    for (let round = 0; round < 300; round++) {
      const rows = 1 + Math.floor(next() * 4);
      const columns = 1 + Math.floor(next() * 5);
      const cells = Array.from({ length: rows }, () =>
        Array.from({ length: columns }, () => (next() < 0.3 ? 0 : Math.floor(next() * (next() < 0.5 ? 6 : 40)))),
      );
      const truth = [...cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)])];
      truth.push(Array.from({ length: columns + 1 }, (_, column) => truth.reduce((sum, row) => sum + (row[column] as number), 0)));

      const published = shown(suppressSmallCounts(cells));

      truth.forEach((row, r) =>
        row.forEach((count, c) => {
          const value = published[r]?.[c];
          if (count > 0 && count < 5) expect(value).toBeNull();
          if (value !== null) expect(value).toBe(count);
        }),
      );
      expect(recoverableLines(published)).toBe(0);
    }
  });

  it('refuses what is not a table of counts', () => {
    expect(() => suppressSmallCounts([])).toThrow(RangeError);
    expect(() => suppressSmallCounts([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressSmallCounts([[-1]])).toThrow(RangeError);
    expect(() => suppressSmallCounts([[1.5]])).toThrow(RangeError);
  });
});

describe('isPublishableBasis', () => {
  it('publishes a statistic of none or of at least five, never of one to four', () => {
    expect([0, 1, 4, 5, 12].map((basis) => isPublishableBasis(basis))).toEqual([true, false, false, true, true]);
  });
});
