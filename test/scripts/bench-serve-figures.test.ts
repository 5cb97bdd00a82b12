/**
 * The serve benchmark's figures (scripts/bench-serve-figures.ts): the tick its configs are scheduled on, the waits
 * from that tick to each run's start, the wall against its floor, and the verdict on waits past the interval.
 */
import { createTask } from 'node-cron';
import {
  admittedAt,
  everyMinuteAt,
  MINUTE_MS,
  secondAfter,
  type ServedRun,
  type ServeInput,
  serveFigures,
  tickAtOrAfter,
} from '../../scripts/bench-serve-figures';

const TICK = Date.parse('2026-12-05T09:40:34.000Z');
const SECOND = 1_000;

/** A dealership's run admitted on the tick, started `waitS` seconds after it and lasting `runS` seconds. */
function servedRun(org: string, waitS: number, runS: number, over: Partial<ServedRun> = {}): ServedRun {
  return {
    org,
    runId: 'run-20261205T094034Z-a1b2c3',
    startedAt: TICK + waitS * SECOND,
    finishedAt: TICK + (waitS + runS) * SECOND,
    result: 'ok',
    apiCalls: 24,
    ...over,
  };
}

function input(runs: ServedRun[], over: Partial<ServeInput> = {}): ServeInput {
  return { tick: TICK, intervalMs: MINUTE_MS, maxConcurrent: 2, singleRunMs: 3 * SECOND, runs, ...over };
}

describe('the serve benchmark’s schedule', () => {
  it('given a second of the minute, when node-cron reads the cron, then it fires every minute at that second, in any time zone', () => {
    for (const timezone of ['America/Chicago', 'Asia/Kolkata']) {
      const task = createTask(everyMinuteAt(34), () => undefined, { timezone });
      const [first, second] = task.getNextRuns(2);
      void task.destroy();
      expect(first?.getUTCSeconds()).toBe(34);
      expect((second?.getTime() ?? 0) - (first?.getTime() ?? 0)).toBe(MINUTE_MS);
    }
    expect(() => everyMinuteAt(60)).toThrow(RangeError);
  });

  it('given a start, then the schedule’s second is the lead ahead of it', () => {
    expect(secondAfter(Date.parse('2026-12-05T09:40:14.300Z'), 20 * SECOND)).toBe(34);
    expect(secondAfter(Date.parse('2026-12-05T09:40:50.000Z'), 20 * SECOND)).toBe(10);
  });

  it('given an instant, then the tick is the first whole second at or after it with that second of the minute', () => {
    expect(tickAtOrAfter(Date.parse('2026-12-05T09:40:20.500Z'), 34)).toBe(TICK);
    expect(tickAtOrAfter(TICK, 34)).toBe(TICK);
    expect(tickAtOrAfter(TICK + 1, 34)).toBe(TICK + MINUTE_MS);
    expect(tickAtOrAfter(Date.parse('2026-12-05T09:40:50.000Z'), 10)).toBe(Date.parse('2026-12-05T09:41:10.000Z'));
  });

  it('given a run id, then its admission time is the whole second it names; anything else has none', () => {
    expect(admittedAt('run-20261205T094034Z-a1b2c3')).toBe(TICK);
    expect(admittedAt('run-1733391634000')).toBeNull();
  });
});

describe('the serve benchmark’s figures', () => {
  it('given four runs in two waves, then the waits are in start order, the wall ends with the last run and the floor is two waves of one run', () => {
    const figures = serveFigures(
      input([
        servedRun('c.yaml', 3.5, 3),
        servedRun('a.yaml', 0.5, 3),
        servedRun('d.yaml', 3.6, 3.2),
        servedRun('b.yaml', 0.6, 2.8),
      ]),
    );
    expect(figures.waits.map((w) => [w.org, w.waitMs])).toEqual([
      ['a.yaml', 500],
      ['b.yaml', 600],
      ['c.yaml', 3_500],
      ['d.yaml', 3_600],
    ]);
    expect(figures.wallMs).toBe(6_800);
    expect(figures.floorMs).toBe(6_000);
    expect(figures.serialMs).toBe(12_000);
    expect(figures.longestWaitMs).toBe(3_600);
    expect({ late: figures.late, failed: figures.failed, offTick: figures.offTick }).toEqual({
      late: [],
      failed: [],
      offTick: [],
    });
  });

  it('given an odd number of runs, then the last wave counts whole in the floor', () => {
    const runs = [0, 0, 3, 3, 6].map((wait, i) => servedRun(`${i}.yaml`, wait, 3));
    expect(serveFigures(input(runs)).floorMs).toBe(9_000);
  });

  it('given a run that started more than one interval after the tick, then it is late; at exactly the interval it is not', () => {
    const figures = serveFigures(input([servedRun('on-time.yaml', 60, 1), servedRun('late.yaml', 60.001, 1)]));
    expect(figures.late).toEqual(['late.yaml']);
  });

  it('given runs admitted up to five seconds after the tick, then they are its runs; before it or later, they are not', () => {
    const admitted = (org: string, id: string): ServedRun =>
      servedRun(org, 1, 1, { runId: `run-20261205T${id}Z-a1b2c3` });
    const figures = serveFigures(
      input([
        admitted('next-second.yaml', '094035'),
        admitted('five-late.yaml', '094039'),
        admitted('six-late.yaml', '094040'),
        admitted('early.yaml', '094033'),
      ]),
    );
    expect(figures.offTick).toEqual(['six-late.yaml', 'early.yaml']);
  });

  it('given a run that failed and one admitted at another second, then each is named', () => {
    const figures = serveFigures(
      input([
        servedRun('failed.yaml', 1, 1, { result: 'failed' }),
        servedRun('next-minute.yaml', 61, 1, { runId: 'run-20261205T094134Z-d4e5f6' }),
      ]),
    );
    expect(figures.failed).toEqual(['failed.yaml']);
    expect(figures.offTick).toEqual(['next-minute.yaml']);
  });
});
