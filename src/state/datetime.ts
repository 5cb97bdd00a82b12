/**
 * Salesforce datetimes as the APIs send them. REST writes `2026-11-20T15:04:05.000+0000`;
 * Bulk API CSV writes `…Z`. Checkpoints are compared as instants, never as text, so that
 * `+0000`, `Z` and `+00:00` spellings of the same moment order correctly.
 */
import { badInput } from './errors';

const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:?\d{2})$/;
const MS_PER_MINUTE = 60_000;

/** Epoch milliseconds of a Salesforce datetime; throws STATE_BAD_INPUT on anything else. */
export function parseSalesforceDatetime(text: string): number {
  const m = DATETIME.exec(text);
  if (m === null) throw badInput(`Not a Salesforce datetime: ${JSON.stringify(text)}.`, { text });
  const field = (group: number): number => Number(m[group]);
  const [year, month, day, hour, minute, second] = [field(1), field(2), field(3), field(4), field(5), field(6)];
  const millis = Number((m[7] ?? '0').padEnd(3, '0'));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(local);
  // Date.UTC silently rolls 2026-02-30 over into March; a real API never sends that.
  const rolledOver = check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day;
  if (rolledOver || hour > 23 || minute > 59 || second > 59) {
    throw badInput(`Not a valid calendar datetime: ${JSON.stringify(text)}.`, { text });
  }
  return local - offsetMinutes(m[8] ?? 'Z') * MS_PER_MINUTE;
}

function offsetMinutes(zone: string): number {
  if (zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}
