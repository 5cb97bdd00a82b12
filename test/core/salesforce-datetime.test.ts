/**
 * The one grammar for Salesforce datetimes and dates, as a table of every form accepted and
 * refused, and the rooms that use it (the sync's record check, the Bulk CSV conversion, the
 * state store) agreeing row by row.
 */
import fc from 'fast-check';
import { newMapStats, type SfRecord } from '../../src/core';
import { formatSfDateTime, parseSfDate, parseSfDateTime } from '../../src/core/salesforce-datetime';
import { silentLogger } from '../../src/lib/logger';
import { csvToRecords, openCsvPage } from '../../src/salesforce/bulk-csv';
import type { StateStore } from '../../src/state/state-store';
import { type ObjectReadResult, type ObjectReadSpec, readAll } from '../../src/sync/read-phase';
import type { CrmReader } from '../../src/sync/ports';
import { readableMemoryStore, storedRecordCount } from '../state/stored';

/** The instant most rows spell: 2026-11-20 15:04:05 UTC. */
const T = Date.UTC(2026, 10, 20, 15, 4, 5);

/** [what the row is, the text, the instant it names] */
const ACCEPTED_DATETIMES: ReadonlyArray<readonly [string, string, number]> = [
  ['the REST form', '2026-11-20T15:04:05.000+0000', T],
  ['the Bulk API 2.0 form', '2026-11-20T15:04:05.000Z', T],
  ['a SOQL literal (no fraction)', '2026-11-20T15:04:05Z', T],
  ['no fraction and an offset without colon', '2026-11-20T10:04:05-0500', T],
  ['an offset with colon', '2026-11-20T15:04:05.000+00:00', T],
  ['a negative offset with colon', '2026-11-20T10:04:05.000-05:00', T],
  ['a half-hour offset', '2026-11-21T00:34:05.000+0930', T],
  ['the largest offset east', '2026-11-21T05:04:05.000+14:00', T],
  ['the largest offset west', '2026-11-20T03:04:05.000-1200', T],
  ['one fraction digit (tenths)', '2026-11-20T15:04:05.5Z', T + 500],
  ['two fraction digits (hundredths)', '2026-11-20T15:04:05.12+0000', T + 120],
  ['three fraction digits', '2026-11-20T15:04:05.123+0000', T + 123],
  ['29 February of a leap year', '2028-02-29T00:00:00.000+0000', Date.UTC(2028, 1, 29)],
  ['an offset that moves it into the next year', '2026-12-31T23:30:00.000-0100', Date.UTC(2027, 0, 1, 0, 30)],
  ['the last millisecond of a day', '2026-11-20T23:59:59.999Z', Date.UTC(2026, 10, 20, 23, 59, 59, 999)],
  ['the epoch', '1970-01-01T00:00:00.000+0000', 0],
  ['an instant before the epoch', '1969-12-31T23:59:59.999Z', -1],
];

/** [what is wrong, the text] */
const REFUSED_DATETIMES: ReadonlyArray<readonly [string, string]> = [
  ['garbage', 'yesterday'],
  ['an empty text', ''],
  ['a day-first local spelling', '20/11/2026 15:04'],
  ['a date where a datetime is expected', '2026-11-20'],
  ['no offset (whose clock?)', '2026-11-20T15:04:05.000'],
  ['no seconds, with Z', '2026-11-20T15:04Z'],
  ['no seconds, with an offset', '2026-11-20T15:04+0000'],
  ['four fraction digits', '2026-11-20T15:04:05.1234Z'],
  ['six fraction digits', '2026-11-20T15:04:05.123456Z'],
  ['nine fraction digits', '2026-11-20T15:04:05.123456789+0000'],
  ['a point without fraction digits', '2026-11-20T15:04:05.Z'],
  ['a space instead of T', '2026-11-20 15:04:05Z'],
  ['a lower-case t and z', '2026-11-20t15:04:05z'],
  ['surrounding whitespace', ' 2026-11-20T15:04:05Z '],
  ['a two-digit year', '26-11-20T15:04:05Z'],
  ['month 13', '2026-13-01T00:00:00Z'],
  ['month 00', '2026-00-10T00:00:00Z'],
  ['day 00', '2026-11-00T00:00:00Z'],
  ['31 November', '2026-11-31T00:00:00Z'],
  ['29 February of a common year', '2026-02-29T00:00:00.000+0000'],
  ['30 February', '2028-02-30T00:00:00Z'],
  ['hour 24', '2026-11-20T24:00:00Z'],
  ['minute 60', '2026-11-20T15:60:00Z'],
  ['second 60 (a leap second)', '2026-11-20T23:59:60Z'],
  ['hour 99 in the Bulk spelling', '2026-11-20T99:04:05.000Z'],
  ['an offset of 15 hours', '2026-11-20T15:04:05.000+1500'],
  ['an offset of 60 minutes', '2026-11-20T15:04:05.000+0060'],
  ['an offset of hours only', '2026-11-20T15:04:05.000+05'],
  ['an offset with one hour digit', '2026-11-20T15:04:05.000+5:00'],
];

/** [what the row is, the text, whether it is a date] */
const DATES: ReadonlyArray<readonly [string, string, boolean]> = [
  ['a date', '2026-11-20', true],
  ['29 February of a leap year', '2028-02-29', true],
  ['the last day of a year', '2026-12-31', true],
  ['31 November', '2026-11-31', false],
  ['29 February of a common year', '2026-02-29', false],
  ['month 13', '2026-13-01', false],
  ['month 00', '2026-00-10', false],
  ['day 00', '2026-11-00', false],
  ['a datetime where a date is expected', '2026-11-20T00:00:00Z', false],
  ['no separators', '20261120', false],
  ['one-digit month and day', '2026-1-5', false],
  ['an empty text', '', false],
];

describe('the Salesforce datetime grammar', () => {
  it.each(ACCEPTED_DATETIMES)('given %s (%s), when parsed, then it is the instant %d', (_, text, expected) => {
    expect(parseSfDateTime(text)).toBe(expected);
  });

  it.each(REFUSED_DATETIMES)('given %s (%j), when parsed, then it is refused', (_, text) => {
    expect(parseSfDateTime(text)).toBeNull();
  });

  // Any offset, with or without colon, and 0–3 fraction digits.
  it('property: given any instant in any accepted spelling, when parsed, then the instant to its precision', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Date.UTC(9000, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 3 }),
        (ms, offset, colon, digits) => {
          const precision = 10 ** (3 - digits);
          expect(parseSfDateTime(spelled(ms, { offset, colon, digits }))).toBe(ms - (ms % precision));
        },
      ),
    );
  });
});

describe('the Salesforce date grammar', () => {
  it.each(DATES)('given %s (%j), when parsed, then it is a date: %s', (_, text, isDate) => {
    expect(parseSfDate(text)).toBe(isDate ? text : null);
  });
});

describe('the canonical datetime spelling', () => {
  it.each([
    [0, '1970-01-01T00:00:00.000+0000'],
    [T + 123, '2026-11-20T15:04:05.123+0000'],
    [-1, '1969-12-31T23:59:59.999+0000'],
    [Date.UTC(2028, 1, 29, 23, 59, 59, 9), '2028-02-29T23:59:59.009+0000'],
  ])('given the instant %d, when formatted, then %s', (ms, expected) => {
    expect(formatSfDateTime(ms)).toBe(expected);
  });

  it('property: given any instant, when formatted, then it is the REST spelling and parses back to the instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }), (ms) => {
        const text = formatSfDateTime(ms);
        expect(text).toBe(`${new Date(ms).toISOString().slice(0, 23)}+0000`);
        expect(parseSfDateTime(text)).toBe(ms);
      }),
    );
  });
});

describe('the rooms agree on what a datetime is', () => {
  const OBJECT = 'Task';
  const ID = '00T000000000001AAA';

  it.each(ACCEPTED_DATETIMES)(
    'given a record stamped in %s (%s), when the sync reads it into the store, then it keeps it and its checkpoint',
    async (_, text) => {
      const state = readableMemoryStore(() => 0);

      const result = await readOneRecord(state, { Id: ID, SystemModstamp: text });

      expect(result).toMatchObject({ records: 1, bad: 0 });
      expect(storedRecordCount(state)).toBe(1);
      expect(state.getCheckpoint(OBJECT)).toEqual({ systemModstamp: text, id: ID });
    },
  );

  it.each(REFUSED_DATETIMES)(
    'given a record stamped with %s (%j), when the sync reads it, then it is counted bad and the store is never asked',
    async (_, text) => {
      const state = readableMemoryStore(() => 0);

      const result = await readOneRecord(state, { Id: ID, SystemModstamp: text });

      expect(result).toMatchObject({ records: 0, bad: 1 });
      expect(storedRecordCount(state)).toBe(0);
      expect(state.getCheckpoint(OBJECT)).toBeNull();
    },
  );

  it.each(ACCEPTED_DATETIMES)(
    'given a Bulk CSV cell in %s (%s), when converted, then the REST spelling of the same instant',
    (_, text, expected) => {
      expect(bulkDateTime(text)).toBe(formatSfDateTime(expected));
    },
  );

  it.each(REFUSED_DATETIMES.filter(([, text]) => text !== ''))(
    'given a Bulk CSV cell with %s (%j), when converted, then it is refused, at once or by the grammar afterwards',
    (_, text) => {
      let converted: unknown;
      try {
        converted = bulkDateTime(text);
      } catch (error) {
        expect(error).toMatchObject({ code: 'SF_BAD_DATETIME' });
        return;
      }
      // The usual Bulk spelling is rewritten without range checks; it must stay refused.
      expect(parseSfDateTime(String(converted))).toBeNull();
    },
  );

  /** Reads one object whose only page holds `record`, into `state`. */
  async function readOneRecord(state: StateStore, record: SfRecord): Promise<ObjectReadResult | undefined> {
    const reader: CrmReader = {
      // eslint-disable-next-line @typescript-eslint/require-await -- one page, already in memory
      async *readIncremental(request) {
        yield { object: request.object, records: [record], last: true };
      },
      queryAll: () => Promise.resolve([]),
    };
    const spec: ObjectReadSpec = {
      object: OBJECT,
      fields: [],
      backfillFrom: 0,
      toStored: (r) => ({ id: String(r.Id), systemModstamp: String(r.SystemModstamp), events: [], facts: [] }),
    };
    const settings = { runEnd: T, lookbackMs: 600_000, pageSize: 200, bulkThreshold: 100_000 };
    const [result] = await readAll([spec], settings, {
      reader,
      state,
      logger: silentLogger,
      stats: newMapStats(),
      checkBudget: () => undefined,
    });
    return result;
  }
});

/** The value of a Bulk CSV datetime cell as the Bulk reader hands it on. */
function bulkDateTime(cell: string): unknown {
  const page = openCsvPage(`SystemModstamp\n${cell}\n`, 'Task', new Map([['systemmodstamp', 'datetime']]));
  return csvToRecords(page)[0]?.SystemModstamp;
}

/** `ms` spelled at `offset` minutes east of UTC, with or without a colon, with `digits` fraction digits. */
function spelled(ms: number, options: { offset: number; colon: boolean; digits: number }): string {
  const local = new Date(ms + options.offset * 60_000).toISOString();
  const fraction = options.digits === 0 ? '' : `.${local.slice(20, 20 + options.digits)}`;
  const abs = Math.abs(options.offset);
  const [hh, mm] = [String(Math.floor(abs / 60)).padStart(2, '0'), String(abs % 60).padStart(2, '0')];
  return `${local.slice(0, 19)}${fraction}${options.offset < 0 ? '-' : '+'}${hh}${options.colon ? ':' : ''}${mm}`;
}
