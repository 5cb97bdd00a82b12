/**
 * Calendar arithmetic in an IANA time zone without a date library: civil dates are handled as
 * UTC midnights (so adding days and months is plain Date.UTC arithmetic), and a zone's local
 * midnight is found from the zone's offset, read through Intl.
 */

/** A calendar date (month 1–12). */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for an unknown zone (Intl's own check). */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** Local wall-clock fields of an instant in a zone. */
function wallClock(
  epochMs: number,
  timeZone: string,
): { date: CivilDate; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    date: { year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1 },
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

export function localDate(epochMs: number, timeZone: string): CivilDate {
  return wallClock(epochMs, timeZone).date;
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(epochMs: number, timeZone: string): number {
  const w = wallClock(epochMs, timeZone);
  const asUtc = Date.UTC(w.date.year, w.date.month - 1, w.date.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** The instant of local midnight at the start of `date` in the zone. */
export function startOfLocalDay(date: CivilDate, timeZone: string): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day);
  const first = naive - offsetAt(naive, timeZone);
  // A second pass settles days whose offset differs from the guess's (DST changes).
  return naive - offsetAt(first, timeZone);
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromUtc(Date.UTC(date.year, date.month - 1, date.day + days));
}

export function addMonths(date: CivilDate, months: number): CivilDate {
  return fromUtc(Date.UTC(date.year, date.month - 1 + months, 1));
}

/** Day of week, 0 = Sunday (Salesforce's week starts on Sunday in the en_US locale). */
export function weekday(date: CivilDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function formatCivil(date: CivilDate): string {
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function fromUtc(ms: number): CivilDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
