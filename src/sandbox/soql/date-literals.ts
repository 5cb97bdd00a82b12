import { type CivilDate, addDays, addMonths, localDate, weekday } from '../time/zone';

/**
 * SOQL date literals (TODAY, LAST_N_DAYS:n, THIS_MONTH, …) as half-open ranges of calendar
 * days [start, end) in the org's time zone. `=` means "within", `<` "before start", `>` "at or
 * after end". Weeks start on Sunday (en_US locale); fiscal periods equal calendar periods (a
 * fresh org's default fiscal year). LAST_N_DAYS:n covers the n days before today and today.
 */

export interface DayRange {
  start: CivilDate;
  end: CivilDate;
}

type RangeOf = (today: CivilDate, n: number) => DayRange;

const day = (today: CivilDate, from: number, to: number): DayRange => ({
  start: addDays(today, from),
  end: addDays(today, to),
});

function startOfWeek(today: CivilDate): CivilDate {
  return addDays(today, -weekday(today));
}
function startOfMonth(today: CivilDate): CivilDate {
  return { year: today.year, month: today.month, day: 1 };
}
function startOfQuarter(today: CivilDate): CivilDate {
  return { year: today.year, month: today.month - ((today.month - 1) % 3), day: 1 };
}
function startOfYear(today: CivilDate): CivilDate {
  return { year: today.year, month: 1, day: 1 };
}
const weeks = (today: CivilDate, from: number, to: number): DayRange => {
  const sow = startOfWeek(today);
  return { start: addDays(sow, 7 * from), end: addDays(sow, 7 * to) };
};
const months = (first: CivilDate, from: number, to: number): DayRange => ({
  start: addMonths(first, from),
  end: addMonths(first, to),
});

const CALENDAR: Readonly<Record<string, RangeOf>> = {
  YESTERDAY: (t) => day(t, -1, 0),
  TODAY: (t) => day(t, 0, 1),
  TOMORROW: (t) => day(t, 1, 2),
  LAST_WEEK: (t) => weeks(t, -1, 0),
  THIS_WEEK: (t) => weeks(t, 0, 1),
  NEXT_WEEK: (t) => weeks(t, 1, 2),
  LAST_MONTH: (t) => months(startOfMonth(t), -1, 0),
  THIS_MONTH: (t) => months(startOfMonth(t), 0, 1),
  NEXT_MONTH: (t) => months(startOfMonth(t), 1, 2),
  LAST_90_DAYS: (t) => day(t, -90, 1),
  NEXT_90_DAYS: (t) => day(t, 1, 91),
  LAST_N_DAYS: (t, n) => day(t, -n, 1),
  NEXT_N_DAYS: (t, n) => day(t, 1, n + 1),
  N_DAYS_AGO: (t, n) => day(t, -n, -n + 1),
  LAST_N_WEEKS: (t, n) => weeks(t, -n, 0),
  NEXT_N_WEEKS: (t, n) => weeks(t, 1, n + 1),
  N_WEEKS_AGO: (t, n) => weeks(t, -n, -n + 1),
  LAST_N_MONTHS: (t, n) => months(startOfMonth(t), -n, 0),
  NEXT_N_MONTHS: (t, n) => months(startOfMonth(t), 1, n + 1),
  N_MONTHS_AGO: (t, n) => months(startOfMonth(t), -n, -n + 1),
  THIS_QUARTER: (t) => months(startOfQuarter(t), 0, 3),
  LAST_QUARTER: (t) => months(startOfQuarter(t), -3, 0),
  NEXT_QUARTER: (t) => months(startOfQuarter(t), 3, 6),
  LAST_N_QUARTERS: (t, n) => months(startOfQuarter(t), -3 * n, 0),
  NEXT_N_QUARTERS: (t, n) => months(startOfQuarter(t), 3, 3 * n + 3),
  N_QUARTERS_AGO: (t, n) => months(startOfQuarter(t), -3 * n, -3 * n + 3),
  THIS_YEAR: (t) => months(startOfYear(t), 0, 12),
  LAST_YEAR: (t) => months(startOfYear(t), -12, 0),
  NEXT_YEAR: (t) => months(startOfYear(t), 12, 24),
  LAST_N_YEARS: (t, n) => months(startOfYear(t), -12 * n, 0),
  NEXT_N_YEARS: (t, n) => months(startOfYear(t), 12, 12 * n + 12),
  N_YEARS_AGO: (t, n) => months(startOfYear(t), -12 * n, -12 * n + 12),
};

/** Fiscal literals map to the calendar ones (fiscal year = calendar year). */
function calendarName(literal: string): string {
  return literal
    .replace('_FISCAL_', '_')
    .replace(/^(LAST|NEXT|THIS)_N_FISCAL_/, '$1_N_')
    .replace(/^N_FISCAL_/, 'N_');
}

/** The range of a literal such as `TODAY` or `LAST_N_DAYS:30` (case-insensitive), or undefined. */
export function dateLiteralRange(literal: string, now: number, timeZone: string): DayRange | undefined {
  const [rawName, rawN] = literal.toUpperCase().split(':');
  const rangeOf = CALENDAR[calendarName(rawName ?? '')];
  if (!rangeOf) return undefined;
  const n = rawN === undefined ? 0 : Number(rawN);
  if (!Number.isInteger(n) || n < 0) return undefined;
  return rangeOf(localDate(now, timeZone), n);
}
