/**
 * The figures of the serve benchmark (bench-serve.ts), apart from its processes so that they are tested alone:
 * when the schedule fires, how long each dealership waited from that tick to its run's start, the wall from the
 * tick to the last run's end against its floor, and the verdict that no dealership waited past its interval.
 *
 * The floor is what `serve` could do at best with the same runs: its runs in waves of --max-concurrent, each wave
 * as long as one sync measured alone in the same benchmark (ceil(runs / max-concurrent) × one run). A wall near
 * the floor means the schedule and the slots cost nothing; above it, the runs sharing one process slow each other.
 */

/** Every minute at second `second` (node-cron's six fields): one tick in the benchmark, the next a minute later. */
export function everyMinuteAt(second: number): string {
  if (!Number.isInteger(second) || second < 0 || second > 59) throw new RangeError(`no second ${second}`);
  return `${second} * * * * *`;
}

export const MINUTE_MS = 60_000;

/** The first instant at or after `ms` (epoch) whose second of the minute is `second`, on the whole second. */
export function tickAtOrAfter(ms: number, second: number): number {
  const minute = Math.floor(ms / MINUTE_MS) * MINUTE_MS;
  const tick = minute + second * 1_000;
  return tick >= ms ? tick : tick + MINUTE_MS;
}

/**
 * The second of the minute `leadMs` from `now`: the schedule fires then, once serve has had time to start. Every
 * time zone's offset is whole minutes, so the second is the same in the dealership's zone as in UTC.
 */
export function secondAfter(now: number, leadMs: number): number {
  return new Date(now + leadMs).getUTCSeconds();
}

/** The admission time a run id carries (run-context's newRunId: `run-YYYYMMDDTHHMMSSZ-xxxxxx`, whole seconds). */
export function admittedAt(runId: string): number | null {
  const match = /^run-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-/.exec(runId);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

/** One dealership's first run under serve, as GET /runs reports it from the org's state. */
/**
 * How late after its tick a run may be admitted and still be that tick's run. On a loaded machine the scheduler's
 * callback fires a second or two late, and runs admitted one after another cross a second; another tick is a whole
 * interval (a minute or more) away.
 */
export const ADMIT_LATE_MAX_MS = 5_000;

export interface ServedRun {
  org: string;
  runId: string;
  startedAt: number;
  finishedAt: number;
  result: string;
  apiCalls: number;
}

export interface ServeInput {
  /** When the schedule fired (epoch ms). */
  tick: number;
  /** The schedule's interval: no dealership may wait longer than this for its run to start. */
  intervalMs: number;
  maxConcurrent: number;
  /** One sync measured alone (the command's own time, no process start-up): the unit of the floor. */
  singleRunMs: number;
  runs: readonly ServedRun[];
}

export interface ServeFigures {
  runs: number;
  /** Tick to the last run's end. */
  wallMs: number;
  floorMs: number;
  /** The same runs one after another (--max-concurrent 1 at best): what the slots save is measured against it. */
  serialMs: number;
  /** Each dealership's wait from the tick to its run's start, in start order. */
  waits: Array<{ org: string; waitMs: number; runMs: number; result: string; apiCalls: number }>;
  longestWaitMs: number;
  /** Dealerships whose run started later than one interval after the tick. */
  late: string[];
  /** Runs that did not end ok. */
  failed: string[];
  /** Runs admitted before the tick or more than ADMIT_LATE_MAX_MS after it: not that tick's run. */
  offTick: string[];
}

export function serveFigures(input: ServeInput): ServeFigures {
  const ordered = [...input.runs].sort((a, b) => a.startedAt - b.startedAt);
  const waits = ordered.map((run) => ({
    org: run.org,
    waitMs: run.startedAt - input.tick,
    runMs: run.finishedAt - run.startedAt,
    result: run.result,
    apiCalls: run.apiCalls,
  }));
  const waves = Math.ceil(input.runs.length / input.maxConcurrent);
  return {
    runs: input.runs.length,
    wallMs: Math.max(...ordered.map((run) => run.finishedAt)) - input.tick,
    floorMs: waves * input.singleRunMs,
    serialMs: input.runs.length * input.singleRunMs,
    waits,
    longestWaitMs: Math.max(...waits.map((w) => w.waitMs)),
    late: waits.filter((w) => w.waitMs > input.intervalMs).map((w) => w.org),
    failed: ordered.filter((run) => run.result !== 'ok').map((run) => run.org),
    offTick: ordered
      .filter((run) => {
        const at = admittedAt(run.runId);
        return at === null || at < input.tick || at > input.tick + ADMIT_LATE_MAX_MS;
      })
      .map((run) => run.org),
  };
}
