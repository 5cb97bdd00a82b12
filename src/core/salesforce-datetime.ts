/**
 * The one grammar for Salesforce datetime and date values on the connector side. The sync's
 * record check, the Salesforce adapter (REST pages, Bulk CSV), the state store (records,
 * checkpoints) and the core's mapping all parse here, so a stamp one of them accepts is never
 * refused by another.
 *
 * A datetime is `YYYY-MM-DDThh:mm:ss`, an optional fraction of 1–3 digits, and an offset:
 * - REST JSON writes `2026-11-20T15:04:05.000+0000`; Bulk API 2.0 CSV writes `…05.000Z`; SOQL
 *   literals and hand-made values write `…05Z` or `…05-05:00`. So the fraction is optional and
 *   the offset is `Z`, `±hhmm` or `±hh:mm`.
 * - Seconds are required: every Salesforce API writes them, and a value without them did not
 *   come from Salesforce.
 * - A fraction of more than 3 digits is refused, not cut: Salesforce keeps milliseconds, so a
 *   longer one did not come from it either, and cutting would hide where the value came from.
 * - The offset is required: without one the instant depends on whose clock is assumed, and a
 *   guess would put a checkpoint hours away from where the read stands.
 * - Fields are range-checked (month, day of that month, hour ≤ 23, minute and second ≤ 59,
 *   offset ≤ 14:59) rather than left to Date's parser, which rolls `2026-02-30` over into March.
 * A date is `YYYY-MM-DD` with the same checks (civil-date.ts); a date where a datetime is
 * expected is refused here, and callers that take either say so (map.ts).
 */
import { DAY_MS, dateFromDay, dayFromDate } from './civil-date';

const DATETIME_PATTERN = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

const MINUTE_MS = 60_000;
const MAX_OFFSET_HOURS = 14;

/** Epoch ms of a Salesforce datetime; null when the text is not one or names a time that does not exist. */
export function parseSfDateTime(text: string): number | null {
  const m = DATETIME_PATTERN.exec(text);
  if (m === null) return null;
  const day = dayFromDate(m[1] as string);
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (day === null || hour > 23 || minute > 59 || second > 59) return null;
  // A fraction is tenths, hundredths or thousandths of a second: `.5` is 500 ms.
  const millis = m[5] === undefined ? 0 : Number(m[5].padEnd(3, '0'));
  const offset = offsetMinutes(m[6], m[7], m[8]);
  if (offset === null) return null;
  return day * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset * MINUTE_MS;
}

/** A Salesforce date (`2026-11-20`) returned unchanged, or null when it is not a real date. */
export function parseSfDate(text: string): string | null {
  return dayFromDate(text) === null ? null : text;
}

/**
 * The canonical spelling of an instant, the one REST writes: `2026-11-20T15:04:05.000+0000`
 * (UTC, milliseconds, fixed width, so that such strings sort in time order). Years 0–9999.
 */
export function formatSfDateTime(epochMs: number): string {
  const ms = Math.floor(epochMs);
  const day = Math.floor(ms / DAY_MS);
  const inDay = ms - day * DAY_MS;
  const hour = Math.floor(inDay / 3_600_000);
  const minute = Math.floor(inDay / MINUTE_MS) % 60;
  const second = Math.floor(inDay / 1000) % 60;
  return `${dateFromDay(day)}T${two(hour)}:${two(minute)}:${two(second)}.${String(inDay % 1000).padStart(3, '0')}+0000`;
}

/** The offset east of UTC in minutes (0 for `Z`); null when it is out of range. */
function offsetMinutes(sign?: string, hours?: string, minutes?: string): number | null {
  if (sign === undefined) return 0;
  const [h, m] = [Number(hours), Number(minutes)];
  if (h > MAX_OFFSET_HOURS || m > 59) return null;
  return (sign === '-' ? -1 : 1) * (h * 60 + m);
}

function two(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
