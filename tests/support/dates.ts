import { todayInSweden } from '@samverkan/contracts';

/** The Swedish calendar date `days` days before today in Sweden (YYYY-MM-DD). */
export function daysAgoInSweden(days: number): string {
  const date = new Date(`${todayInSweden()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}
