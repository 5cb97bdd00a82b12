/**
 * Salesforce's JSON forms for time: datetimes are always UTC with milliseconds and a `+0000`
 * offset (`2026-11-20T15:04:05.000+0000`), dates are `2026-11-20`. The store keeps values in
 * exactly these forms; both sort lexically in time order, so comparisons need no parsing.
 */

const DATETIME_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/;
const DATE_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatDateTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 23)}+0000`;
}

/** Epoch ms of an ISO-8601 datetime (offset optional, meaning UTC), or null if malformed. */
export function parseDateTime(value: string): number | null {
  const m = DATETIME_INPUT.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (!isValidCivil(Number(y), Number(mo), Number(d)) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return null;
  return utc - offsetMinutes(zone) * 60_000;
}

/** The canonical form of a datetime input, or null if it is not one. */
export function canonicalDateTime(value: string): string | null {
  const ms = parseDateTime(value);
  return ms === null ? null : formatDateTime(ms);
}

export function isDateString(value: string): boolean {
  const m = DATE_INPUT.exec(value);
  return m !== null && isValidCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function isValidCivil(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
