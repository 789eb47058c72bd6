const swedishDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today's date in Sweden, YYYY-MM-DD: resources run, and consents expire, by Swedish calendar
 * days, whatever the server's zone.
 */
export function todayInSweden(now: Date = new Date()): string {
  return swedishDate.format(now);
}
