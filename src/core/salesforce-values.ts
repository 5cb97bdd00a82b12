/**
 * Reading values out of records shaped as the Salesforce REST API returns them: field paths
 * through parent relationships, and Salesforce's datetime and date formats. Parsing is strict
 * (a regular expression and range checks) rather than Date's lenient parser, which accepts
 * and silently rolls over values such as `2026-02-30`.
 */
import { DAY_MS, dayFromParts, daysInMonth } from './civil-date';
import type { SfRecord } from './model';

/** Reads one field path (`OwnerId`, `Opportunity.OwnerId`) from a record. */
export type FieldReader = (record: SfRecord) => unknown;

/**
 * Compiles a field path into a reader. A missing or empty parent (`Opportunity: null`) yields
 * undefined, never an exception: a lookup left empty is ordinary data.
 */
export function compilePath(path: string): FieldReader {
  const parts = path.split('.');
  if (parts.length === 1) return (record) => record[path];
  return (record) => {
    let value: unknown = record;
    for (const part of parts) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  };
}

export function readPath(record: SfRecord, path: string): unknown {
  return compilePath(path)(record);
}

/** A non-empty string value, else null (Salesforce sends empty ids and texts as null). */
export function asText(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A finite number, also from a numeric string; else null. */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

const DATETIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a Salesforce datetime (`2026-11-20T15:04:05.000+0000`, also with `Z` or `+00:00`)
 * to epoch ms; null when the text is not one or names a time that does not exist.
 */
export function parseSfDateTime(text: string): number | null {
  const m = DATETIME_PATTERN.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [number, number, number, number, number];
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offset = parseOffsetMs(m[8] as string);
  if (offset === null) return null;
  return dayFromParts(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + millis - offset;
}

/** Validates a Salesforce date (`2026-11-20`); returns it unchanged, or null. */
export function parseSfDate(text: string): string | null {
  const m = DATE_PATTERN.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month) ? text : null;
}

function parseOffsetMs(text: string): number | null {
  if (text === 'Z') return 0;
  const digits = text.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 14 || minutes > 59) return null;
  return (text.startsWith('-') ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}
