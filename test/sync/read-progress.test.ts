/**
 * The read's progress: the rate and time left, and the log line every few seconds for logs nobody watches live; the
 * read phase tells it each page with what the reader expects.
 */
import type { Logger, LogMeta } from '../../src/lib/logger';
import { openStateStore } from '../../src/state/state-store';
import type { CrmReader, RecordPage } from '../../src/sync/ports';
import { readAll } from '../../src/sync/read-phase';
import { readRateOf, progressLog, type ReadProgress, timeLeftText } from '../../src/sync/read-progress';
import { newMapStats } from '../../src/core';

function aLogger(): Logger & { lines: Array<{ message: string; meta: LogMeta | undefined }> } {
  const lines: Array<{ message: string; meta: LogMeta | undefined }> = [];
  const logger: Logger & { lines: typeof lines } = {
    lines,
    info: (message, meta) => void lines.push({ message, meta }),
    error: () => undefined,
    warn: () => undefined,
    debug: () => undefined,
    child: () => logger,
  };
  return logger;
}

function aPage(object: string, n: number, from: number, last: boolean, expected?: number): RecordPage {
  const records = Array.from({ length: n }, (_, i) => ({
    Id: `00T${String(from + i).padStart(15, '0')}`,
    SystemModstamp: `2026-11-20T10:00:${String((from + i) % 60).padStart(2, '0')}.000+0000`,
    IsDeleted: false,
  }));
  return { object, records, last, ...(expected === undefined ? {} : { expected }) };
}

describe('the rate of a read', () => {
  it('given 1,000 of 4,000 read in 2 s, then 500 a second and 6 s left', () => {
    expect(readRateOf(1_000, 4_000, 2_000)).toEqual({ perSecond: 500, secondsLeft: 6 });
  });

  it('given no total known or nothing read yet, then no time left is given', () => {
    expect(readRateOf(1_000, null, 2_000).secondsLeft).toBeNull();
    expect(readRateOf(0, 4_000, 2_000)).toEqual({ perSecond: 0, secondsLeft: null });
    expect(readRateOf(10, 100, 0)).toEqual({ perSecond: 0, secondsLeft: null });
  });

  it('given more read than expected (records added during the read), then nothing is left, not a negative time', () => {
    expect(readRateOf(4_100, 4_000, 2_000).secondsLeft).toBe(0);
  });

  it('given seconds, minutes and hours, then the time left reads as a person says it', () => {
    expect([null, 40, 150, 4_800].map(timeLeftText)).toEqual([
      'time left unknown',
      'about 40 s left',
      'about 3 min left',
      'about 1 h 20 min left',
    ]);
  });
});

describe('progress as log lines', () => {
  it('given a read that lasts 12 s, then a line every 5 s with the rate and time left, and none for a read that ends sooner', () => {
    let now = 0;
    const logger = aLogger();
    const progress = progressLog(logger, () => now, 5_000);
    progress.start('Task');
    for (const [at, read] of [
      [1_000, 2_000],
      [5_000, 10_000],
      [6_000, 12_000],
      [10_500, 21_000],
      [12_000, 24_000],
    ] as const) {
      now = at;
      progress.page('Task', read, 24_000);
    }
    progress.start('Lead');
    now = 13_000;
    progress.page('Lead', 300, null);
    progress.end('Lead');
    progress.end('Task');

    expect(logger.lines).toEqual([
      {
        message: 'reading',
        meta: { object: 'Task', records: 10_000, expected: 24_000, perSecond: 2_000, secondsLeft: 7 },
      },
      {
        message: 'reading',
        meta: { object: 'Task', records: 21_000, expected: 24_000, perSecond: 2_000, secondsLeft: 2 },
      },
    ]);
  });
});

describe('the read phase telling its progress', () => {
  it('given a read of three pages whose first says 600 are expected, then progress hears start, each page with the count so far, and end', async () => {
    const heard: string[] = [];
    const progress: ReadProgress = {
      start: (object) => heard.push(`start ${object}`),
      page: (object, read, expected) => heard.push(`${object} ${read} of ${String(expected)}`),
      end: (object) => heard.push(`end ${object}`),
    };
    const reader: CrmReader = {
      // eslint-disable-next-line @typescript-eslint/require-await
      readIncremental: async function* () {
        yield aPage('Task', 200, 0, false, 600);
        yield aPage('Task', 200, 200, false);
        yield aPage('Task', 200, 400, true);
      },
      queryAll: () => Promise.resolve([]),
    };
    await readAll(
      [
        {
          object: 'Task',
          fields: [],
          backfillFrom: 0,
          toStored: (r) => ({ id: String(r.Id), systemModstamp: String(r.SystemModstamp), events: [], facts: [] }),
        },
      ],
      { runEnd: Date.UTC(2026, 10, 21), lookbackMs: 0, pageSize: 200, bulkThreshold: 10_000 },
      {
        reader,
        state: openStateStore(':memory:'),
        logger: aLogger(),
        stats: newMapStats(),
        checkBudget: () => undefined,
        progress,
      },
    );
    expect(heard).toEqual(['start Task', 'Task 200 of 600', 'Task 400 of 600', 'Task 600 of 600', 'end Task']);
  });
});
