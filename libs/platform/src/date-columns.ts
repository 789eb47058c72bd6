/*
 * Calendar dates (YYYY-MM-DD) in PostgreSQL DATE columns through Prisma: a model query hands a
 * DATE over as midnight UTC of that day, and a raw query may hand it over as text.
 */

/** The value a DATE column takes for a calendar date. */
export function toDateColumn(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The calendar date a DATE column holds. */
export function fromDateColumn(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
