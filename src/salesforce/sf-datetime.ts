/**
 * Salesforce datetimes as the APIs write them: REST sends `2026-11-20T15:04:05.000+0000` (an
 * offset without a colon, which strict ISO-8601 parsers refuse), Bulk API 2.0 CSV sends
 * `2026-11-20T15:04:05.000Z`. Parsing is strict so that a malformed value fails loudly instead of
 * becoming a checkpoint in the wrong place.
 */
import { CoachError } from '../lib/errors';

const DATETIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:?\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * Parses a Salesforce datetime to epoch milliseconds; throws SF_BAD_DATETIME on anything else.
 * Every record's SystemModstamp passes here, so fields are range-checked with arithmetic rather
 * than by formatting a Date back (which costs more than the JSON parse of the record).
 */
export function parseSalesforceDateTime(text: string): number {
  const match = DATETIME_PATTERN.exec(text);
  if (match === null) throw badDateTime(text);
  const [, y, mo, d, h, mi, s, fraction = '0', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  // Date.UTC would roll 2026-02-30 over into March; a real timestamp never needs that.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    throw badDateTime(text);
  }
  const millis = Number(fraction.padEnd(3, '0'));
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes(zone) * 60_000;
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

function badDateTime(text: string): CoachError {
  return new CoachError({
    code: 'SF_BAD_DATETIME',
    message: `Salesforce returned ${JSON.stringify(text)} where a datetime was expected.`,
    actions: ['Report this: the connector expects datetimes like 2026-11-20T15:04:05.000+0000.'],
  });
}

/** Formats epoch milliseconds the way the REST API does: `2026-11-20T15:04:05.000+0000`. */
export function formatSalesforceDateTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 23)}+0000`;
}

/** The start of the UTC second holding `epochMs` (SOQL datetime literals have no milliseconds). */
export function floorToSecond(epochMs: number): number {
  return Math.floor(epochMs / 1000) * 1000;
}
