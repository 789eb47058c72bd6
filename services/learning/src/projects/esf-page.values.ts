import { isCalendarDate } from '@samverkan/contracts';
import { isEmail } from 'class-validator';

/*
 * The values of an ESF project page's labels, as the page writes them. Each reader returns the
 * value, or a message saying what is wrong with it; the parser names the field and the line.
 * Lines reach them cleaned: every kind of space (non-breaking, thin) is one plain space.
 */

export type Read<T> = { ok: true; value: T } | { ok: false; field?: string; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });

/** A value as a message quotes it: a page's whole paragraph pasted after a label is cut short. */
const quoted = (value: string): string => `"${value.length > 60 ? `${value.slice(0, 59)}…` : value}"`;
const wrong = (message: string, field?: string): Read<never> => (field ? { ok: false, field, message } : { ok: false, message });

/** "3 806 584 kr", "3806584 SEK", "SEK 3 806 584", "3 806 584,00 kr": groups of three digits, whole kronor. */
const amountPattern = /^(?:sek )?(\d{1,3}(?: \d{3})+|\d+)(?:,00?)?(?: ?(?:kr\.?|kronor|sek|:-))?$/i;

export function readKronor(value: string): Read<number> {
  const digits = amountPattern.exec(value)?.[1];
  const kronor = digits === undefined ? Number.NaN : Number(digits.replaceAll(' ', ''));
  return Number.isSafeInteger(kronor) ? ok(kronor) : wrong(`${quoted(value)} is not an amount in whole kronor, such as "3 806 584 kr"`);
}

const periodPattern = /^(\d{4}-\d{2}-\d{2}) ?(?:till|–|—|-) ?(\d{4}-\d{2}-\d{2})$/i;

/** "2014-01-02 till 2014-12-31", both days included; a dash may stand for "till". */
export function readPeriod(value: string): Read<{ start: string; end: string }> {
  const match = periodPattern.exec(value);
  if (!match) return wrong(`${quoted(value)} is not a period such as "2014-01-02 till 2014-12-31"`);
  const [, start = '', end = ''] = match;
  if (!isCalendarDate(start)) return wrong(`the period starts on ${start}, a day that does not exist`, 'period.start');
  if (!isCalendarDate(end)) return wrong(`the period ends on ${end}, a day that does not exist`, 'period.end');
  if (end < start) return wrong(`the period ends on ${end}, before it starts on ${start}`, 'period.end');
  return ok({ start, end });
}

/**
 * Pages hide addresses from harvesters as "anna.berg[at]orebro.se" or "anna.berg (at) orebro
 * (punkt) se". The message does not repeat the address: it is a person's.
 */
export function readEmail(value: string): Read<string> {
  const address = value
    .replace(/ ?[[(]at[\])] ?/gi, '@')
    .replace(/ ?[[(](?:dot|punkt)[\])] ?/gi, '.')
    .trim();
  return isEmail(address) ? ok(address) : wrong('is not an e-mail address');
}

/** The ESF Council's ärendenummer: the year and a serial number, "2013-3046" (or "2013/3046"). */
export function readProjectNumber(value: string): Read<string> {
  return /^\d{4}[-/]\d{1,6}$/.test(value) ? ok(value) : wrong(`${quoted(value)} is not an ärendenummer such as "2013-3046"`);
}
