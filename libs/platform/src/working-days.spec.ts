import { addSwedishWorkingDays, isSwedishWorkingDay, swedishWorkingDaysBetween } from './working-days';

describe('Swedish working days', () => {
  it.each([
    ['Maundy Thursday is a working day', '2027-03-25', true],
    ['Good Friday', '2027-03-26', false],
    ['Easter Monday', '2027-03-29', false],
    ['Ascension Day', '2027-05-06', false],
    ['the National Day on a Sunday', '2027-06-06', false],
    ['Midsummer Eve', '2026-06-19', false],
    ['the Monday after Midsummer', '2026-06-22', true],
    ['Christmas Eve', '2026-12-24', false],
    ['the day after Boxing Day (a Sunday)', '2026-12-27', false],
    ["New Year's Eve", '2026-12-31', false],
    ["New Year's Day", '2027-01-01', false],
    ['Epiphany', '2027-01-06', false],
    ['an ordinary Tuesday', '2026-12-01', true],
    ['a Saturday', '2026-11-28', false],
  ])('%s: %s → %s', (_, date, working) => {
    expect(isSwedishWorkingDay(date)).toBe(working);
  });

  it.each([
    ['across Easter 2027', '2027-03-24', 3, '2027-03-31'],
    ['across Midsummer 2026', '2026-06-18', 1, '2026-06-22'],
    ['across Christmas 2026', '2026-12-23', 3, '2026-12-30'],
    ['across Christmas and New Year 2026', '2026-12-23', 4, '2027-01-04'],
    ['across a weekend', '2026-11-27', 2, '2026-12-01'],
    ['from a Sunday: Monday is the first', '2026-11-29', 2, '2026-12-01'],
    ['from Christmas Eve', '2026-12-24', 1, '2026-12-28'],
    ['zero days from a holiday: the next working day', '2026-12-24', 0, '2026-12-28'],
    ['eleven days from mid-December', '2026-12-14', 11, '2027-01-04'],
  ])('adds working days %s', (_, from, days, expected) => {
    expect(addSwedishWorkingDays(from, days)).toBe(expected);
  });

  it('counts the working days between two dates, and agrees with adding them', () => {
    expect(swedishWorkingDaysBetween('2026-12-23', '2027-01-04')).toBe(4);
    expect(swedishWorkingDaysBetween('2027-01-04', '2026-12-23')).toBe(0);
    for (const days of [0, 1, 5, 20, 60]) expect(swedishWorkingDaysBetween('2026-12-14', addSwedishWorkingDays('2026-12-14', days))).toBe(days);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addSwedishWorkingDays('2026-12-01', -1)).toThrow(RangeError);
    expect(() => addSwedishWorkingDays('2026-12-01', 1.5)).toThrow(RangeError);
  });
});
