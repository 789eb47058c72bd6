/*
 * Statistical disclosure control for published counts: small counts are never shown, and a shown
 * total never gives one of them away. Pure, so that every statistic learning publishes can use it.
 */

/** Counts from 1 up to one less than this are suppressed; 0 is shown (nobody to point at). */
export const smallestPublishedCount = 5;

/** A published figure: the value, or null when it is suppressed. */
export interface Figure {
  value: number | null;
  suppressed: boolean;
}

/** A table of counts with its row totals, column totals and grand total, ready to publish. */
export interface SuppressedTable {
  cells: Figure[][];
  rowTotals: Figure[];
  columnTotals: Figure[];
  total: Figure;
}

const isSmall = (count: number, threshold: number): boolean => count > 0 && count < threshold;

/**
 * Suppresses a table of counts (rows × columns, non-negative integers) together with the totals
 * it is published with:
 *
 * 1. **Primary**: every count from 1 to `threshold − 1`, cells and totals alike.
 * 2. **Complementary**: a row or column (its cells and its total) with exactly one suppressed
 *    figure would give that figure away by subtraction, so the smallest other figure of the line
 *    is suppressed too, a non-zero one when there is one (a suppressed zero is easy to guess),
 *    cells before totals on a tie. This repeats until no line has exactly one, since each new
 *    suppression can leave another line with one. The totals form a line of their own in each
 *    direction (the row totals with the grand total, the column totals with the grand total).
 *
 * Two suppressed figures in every line stop recovery by one subtraction; a determined reader who
 * combines several lines at once can still narrow a value down in some patterns, which this
 * heuristic (the one most statistics offices publish counts with) accepts.
 */
export function suppressSmallCounts(cells: readonly (readonly number[])[], threshold: number = smallestPublishedCount): SuppressedTable {
  const rows = cells.length;
  const columns = cells[0]?.length ?? 0;
  if (rows === 0 || columns === 0) throw new RangeError('a table to suppress needs at least one row and one column');
  for (const row of cells) {
    if (row.length !== columns) throw new RangeError('every row of a table to suppress needs the same number of columns');
    for (const count of row) if (!Number.isInteger(count) || count < 0) throw new RangeError(`a count must be a non-negative integer, not ${count}`);
  }

  // The table with its totals as one grid: row `rows` holds the column totals, column `columns` the row totals.
  const grid: number[][] = cells.map((row) => [...row, row.reduce((sum, count) => sum + count, 0)]);
  grid.push(Array.from({ length: columns + 1 }, (_, column) => grid.reduce((sum, row) => sum + (row[column] as number), 0)));
  const suppressed = grid.map((row) => row.map((count) => isSmall(count, threshold)));

  type Position = readonly [row: number, column: number];
  const lines: Position[][] = [
    ...grid.map((_, row) => Array.from({ length: columns + 1 }, (__, column): Position => [row, column])),
    ...Array.from({ length: columns + 1 }, (_, column) => grid.map((__, row): Position => [row, column])),
  ];
  const isTotal = ([row, column]: Position) => row === rows || column === columns;
  const valueAt = ([row, column]: Position) => grid[row]?.[column] as number;
  const isSuppressed = ([row, column]: Position) => suppressed[row]?.[column] === true;
  // Smallest first, preferring non-zero figures, then cells over totals; the first in the line on a tie.
  const preference = (position: Position): [number, number, number] => [valueAt(position) === 0 ? 1 : 0, isTotal(position) ? 1 : 0, valueAt(position)];
  const before = (a: Position, b: Position): boolean => {
    const [pa, pb] = [preference(a), preference(b)];
    for (let index = 0; index < pa.length; index++) if (pa[index] !== pb[index]) return (pa[index] as number) < (pb[index] as number);
    return false;
  };

  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter(isSuppressed).length !== 1) continue;
      const complement = line
        .filter((position) => !isSuppressed(position))
        .reduce<Position | undefined>((best, position) => (!best || before(position, best) ? position : best), undefined);
      if (!complement) continue;
      (suppressed[complement[0]] as boolean[])[complement[1]] = true;
      changed = true;
    }
  }

  const figure = (row: number, column: number): Figure =>
    suppressed[row]?.[column] ? { value: null, suppressed: true } : { value: grid[row]?.[column] as number, suppressed: false };
  return {
    cells: Array.from({ length: rows }, (_, row) => Array.from({ length: columns }, (__, column) => figure(row, column))),
    rowTotals: Array.from({ length: rows }, (_, row) => figure(row, columns)),
    columnTotals: Array.from({ length: columns }, (_, column) => figure(rows, column)),
    total: figure(rows, columns),
  };
}

/**
 * Whether a statistic computed over `basis` units (a median, a percentile) may be published:
 * not from 1 to `threshold − 1` of them, since it would describe those few.
 */
export function isPublishableBasis(basis: number, threshold: number = smallestPublishedCount): boolean {
  return !isSmall(basis, threshold);
}
