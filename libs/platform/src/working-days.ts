import Holidays from 'date-holidays';

/*
 * Swedish working days, as Swedish agencies count deadlines: weekends and public holidays do
 * not count, and neither do Midsummer Eve, Christmas Eve and New Year's Eve, which date-holidays
 * types `bank` (days off in practice, though not by law). Dates are calendar dates, YYYY-MM-DD.
 */

const sweden = new Holidays('SE');
const nonWorkingTypes = new Set(['public', 'bank']);
const holidaysByYear = new Map<number, ReadonlySet<string>>();

function holidaysOf(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    days = new Set(
      sweden
        .getHolidays(year)
        .filter((holiday) => nonWorkingTypes.has(holiday.type))
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

const asDate = (date: string) => new Date(`${date}T12:00:00Z`);
const asText = (date: Date) => date.toISOString().slice(0, 10);

export function isSwedishWorkingDay(date: string): boolean {
  const day = asDate(date).getUTCDay();
  return day !== 0 && day !== 6 && !holidaysOf(Number(date.slice(0, 4))).has(date);
}

/**
 * The date `days` working days after `date`: the working days are counted from the day after,
 * whatever `date` is, so a referral sent on a Friday or a Sunday has two working days until
 * Tuesday. 0 is `date` itself if it is a working day, else the next one.
 */
export function addSwedishWorkingDays(date: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number ≥ 0, not ${days}`);
  const current = asDate(date);
  if (days === 0) {
    while (!isSwedishWorkingDay(asText(current))) current.setUTCDate(current.getUTCDate() + 1);
    return asText(current);
  }
  for (let left = days; left > 0;) {
    current.setUTCDate(current.getUTCDate() + 1);
    if (isSwedishWorkingDay(asText(current))) left -= 1;
  }
  return asText(current);
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function swedishWorkingDaysBetween(from: string, to: string): number {
  let count = 0;
  const current = asDate(from);
  const end = asDate(to);
  while (current < end) {
    current.setUTCDate(current.getUTCDate() + 1);
    if (isSwedishWorkingDay(asText(current))) count += 1;
  }
  return count;
}

/** The calendar day after `date`. */
export function nextCalendarDay(date: string): string {
  const next = asDate(date);
  next.setUTCDate(next.getUTCDate() + 1);
  return asText(next);
}
