/**
 * Progress of the read phase, for a person watching a long backfill: per object the records read, the rate and the
 * time left. The read phase only reports; what is shown is plugged in: bars on a terminal (src/cli/progress-bars.ts),
 * a log line every few seconds elsewhere (here), nothing in tests.
 */
import type { Logger } from '../lib/logger';

export interface ReadProgress {
  /** An object's read begins. */
  start(object: string): void;
  /** After each page: records (and deletions) read so far, and what the read expects in all, when the reader knows. */
  page(object: string, read: number, expected: number | null): void;
  /** The object's read ended, done or stopped. */
  end(object: string): void;
}

export const noProgress: ReadProgress = { start: () => undefined, page: () => undefined, end: () => undefined };

export interface ReadRate {
  perSecond: number;
  /** Null while nothing is known of the total or nothing was read yet. */
  secondsLeft: number | null;
}

/** The rate since the read began, and the time left at that rate. */
export function readRateOf(read: number, expected: number | null, elapsedMs: number): ReadRate {
  const perSecond = elapsedMs > 0 ? (read * 1000) / elapsedMs : 0;
  const secondsLeft =
    expected === null || perSecond <= 0 ? null : Math.max(0, Math.ceil((expected - read) / perSecond));
  return { perSecond, secondsLeft };
}

/** A time left as a person says it: "40 s", "3 min", "1 h 20 min". */
export function timeLeftText(seconds: number | null): string {
  if (seconds === null) return 'time left unknown';
  if (seconds < 60) return `about ${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}

/**
 * A log line per object at most every `everyMs` while it is read (none for a read that ends sooner: an hourly
 * incremental read says nothing until its `read` line), with the rate and the time left, for logs nobody watches
 * live: a service, a CronJob, a pipe.
 */
export function progressLog(logger: Logger, now: () => number, everyMs = 5_000): ReadProgress {
  const reads = new Map<string, { startedAt: number; lastLine: number }>();
  return {
    start: (object) => void reads.set(object, { startedAt: now(), lastLine: now() }),
    page: (object, read, expected) => {
      const at = now();
      const started = reads.get(object);
      if (started === undefined || at - started.lastLine < everyMs) return;
      started.lastLine = at;
      const rate = readRateOf(read, expected, at - started.startedAt);
      logger.info('reading', {
        object,
        records: read,
        ...(expected === null ? {} : { expected }),
        perSecond: Math.round(rate.perSecond),
        ...(rate.secondsLeft === null ? {} : { secondsLeft: rate.secondsLeft }),
      });
    },
    end: (object) => void reads.delete(object),
  };
}
