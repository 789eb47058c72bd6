import { DomainError, ErrorCode } from '@samverkan/contracts';

/**
 * Keyset pagination cursors: the sort key and id of the last row of a page, opaque to callers.
 */
export interface Cursor {
  key: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id]), 'utf8').toString('base64url');
}

/**
 * The cursor in `after`, or a 400 naming `after` when it is not one this API wrote; `isKey` also
 * checks its sort key (a time, a sequence number) before a query is built from it.
 */
export function decodeCursor(value: string | undefined, isKey: (key: string) => boolean = () => true): Cursor | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string' && isKey(parsed[0])) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the validation error below
  }
  throw new DomainError(ErrorCode.ValidationFailed, 'Invalid value for after', [
    { field: 'after', message: 'after must be a cursor returned by a previous page' },
  ]);
}

/** Builds a page from `limit + 1` fetched rows: the extra row only tells that another page exists. */
export function toPage<TRow, TItem>(
  rows: TRow[],
  limit: number,
  view: (row: TRow) => TItem,
  cursorOf: (row: TRow) => Cursor,
): { items: TItem[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(view), nextCursor: hasMore && last ? encodeCursor(cursorOf(last)) : null };
}

/** A sort key that is a time, as `toISOString` wrote it. */
export const isTimeKey = (key: string): boolean => !Number.isNaN(Date.parse(key));
