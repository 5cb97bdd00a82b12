/**
 * Salesforce datetimes as the APIs write them: REST sends `2026-11-20T15:04:05.000+0000` (an
 * offset without a colon, which strict ISO-8601 parsers refuse), Bulk API 2.0 CSV sends
 * `2026-11-20T15:04:05.000Z`. Parsing is strict so that a malformed value fails loudly instead of
 * becoming a checkpoint in the wrong place.
 */
import { CoachError } from '../lib/errors';

const DATETIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses a Salesforce datetime to epoch milliseconds; throws SF_BAD_DATETIME on anything else. */
export function parseSalesforceDateTime(text: string): number {
  const match = DATETIME_PATTERN.exec(text);
  if (match === null) throw badDateTime(text);
  const [, year, month, day, hour, minute, second, fraction = '0', zone = 'Z'] = match;
  const millis = Number(fraction.padEnd(3, '0'));
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), millis);
  // Date.UTC rolls 2026-02-30 over into March; a real timestamp never needs that.
  if (Number.isNaN(utc) || new Date(utc).toISOString().slice(0, 19) !== `${year}-${month}-${day}T${hour}:${minute}:${second}`) {
    throw badDateTime(text);
  }
  return utc - offsetMinutes(zone) * 60_000;
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
