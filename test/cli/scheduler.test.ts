/**
 * The schedule of `serve`: no overlap per org, a process-wide limit on concurrent runs, and a stop that lets the
 * running syncs finish. First with ticks fired by hand, then with node-cron firing every second and slow syncs.
 */
import { type CronStarter, type ScheduledOrg, SyncScheduler } from '../../src/cli/scheduler';

/** A run that ends when the test says so. */
function controlledRun() {
  let finish: () => void = () => undefined;
  const runs: number[] = [];
  const run = (): Promise<void> => {
    runs.push(Date.now());
    return new Promise<void>((resolve) => (finish = resolve));
  };
  return { run, runs, finish: () => finish() };
}

/** Cron jobs whose ticks the test fires. */
function manualCron(): { start: CronStarter; tick: (index: number) => void; stopped: () => number } {
  const ticks: Array<() => void> = [];
  let stops = 0;
  return {
    start: (_cron, _zone, tick) => {
      ticks.push(tick);
      return { stop: () => void (stops += 1) };
    },
    tick: (index) => ticks[index]?.(),
    stopped: () => stops,
  };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const org = (name: string, run: ScheduledOrg['run']): ScheduledOrg => ({
  name,
  cron: '* * * * * *',
  timeZone: 'America/Chicago',
  run,
});

describe('the sync schedule, ticks fired by hand', () => {
  it('given an org still running, when its next tick comes, then it is skipped, and it runs again on the tick after it ended', async () => {
    const a = controlledRun();
    const cron = manualCron();
    const skipped: string[] = [];
    const scheduler = new SyncScheduler([org('a', a.run)], 2, { onSkip: (name) => skipped.push(name) }, cron.start);
    scheduler.start();
    cron.tick(0);
    cron.tick(0);
    expect([a.runs.length, skipped]).toEqual([1, ['a']]);
    a.finish();
    await flush();
    cron.tick(0);
    expect(a.runs).toHaveLength(2);
  });

  it('given a limit of 2 and three orgs due, then the third waits for a slot and starts when one ends', async () => {
    const [a, b, c] = [controlledRun(), controlledRun(), controlledRun()];
    const cron = manualCron();
    const scheduler = new SyncScheduler([org('a', a.run), org('b', b.run), org('c', c.run)], 2, {}, cron.start);
    scheduler.start();
    expect([0, 1, 2].map((i) => (cron.tick(i), scheduler.inProgress().length))).toEqual([1, 2, 2]);
    expect(c.runs).toHaveLength(0);
    expect(scheduler.runNow('c')).toEqual({ admission: 'busy', runId: null });
    b.finish();
    await flush();
    expect(scheduler.inProgress().sort()).toEqual(['a', 'c']);
  });

  it('given runs in progress and one waiting, when stopped, then no tick starts anything, the waiting one is dropped, and stop resolves once the running end', async () => {
    const [a, b] = [controlledRun(), controlledRun()];
    const cron = manualCron();
    const scheduler = new SyncScheduler([org('a', a.run), org('b', b.run)], 1, {}, cron.start);
    scheduler.start();
    cron.tick(0);
    cron.tick(1);
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await flush();
    expect([stopped, cron.stopped()]).toEqual([false, 2]);
    cron.tick(0);
    a.finish();
    await stopping;
    expect([a.runs.length, b.runs.length, scheduler.inProgress()]).toEqual([1, 0, []]);
  });

  it('given a run in progress, when stopped, then its stop signal is aborted, so that it can end at its next checkpoint', async () => {
    const cron = manualCron();
    let signal: AbortSignal | undefined;
    const checkpointed = (_runId: string, stop: AbortSignal): Promise<void> => {
      signal = stop;
      return new Promise<void>((resolve) => stop.addEventListener('abort', () => resolve()));
    };
    const scheduler = new SyncScheduler([org('a', checkpointed)], 1, {}, cron.start);
    scheduler.start();
    cron.tick(0);
    expect(signal?.aborted).toBe(false);
    await scheduler.stop();
    expect([signal?.aborted, scheduler.inProgress()]).toEqual([true, []]);
  });

  it('given a run that throws, then the error is reported and the org runs on its next tick', async () => {
    const cron = manualCron();
    const errors: string[] = [];
    let calls = 0;
    const failing = (): Promise<void> => ((calls += 1), Promise.reject(new Error('org unavailable')));
    const scheduler = new SyncScheduler(
      [org('a', failing)],
      1,
      { onError: (name, e) => errors.push(`${name}: ${String(e)}`) },
      cron.start,
    );
    scheduler.start();
    cron.tick(0);
    await flush();
    cron.tick(0);
    await flush();
    expect([calls, errors]).toEqual([2, ['a: Error: org unavailable', 'a: Error: org unavailable']]);
  });

  it('given runNow for an idle org, then it starts under the id it answers with; for an unknown org, nothing', async () => {
    const ids: string[] = [];
    let next = 0;
    const scheduler = new SyncScheduler(
      [org('a', (runId) => (ids.push(runId), Promise.resolve()))],
      1,
      {},
      manualCron().start,
      () => `run-${(next += 1)}`,
    );
    expect(scheduler.runNow('a')).toEqual({ admission: 'started', runId: 'run-1' });
    await flush();
    expect(ids).toEqual(['run-1']);
    expect(scheduler.runNow('b')).toEqual({ admission: 'unknown', runId: null });
  });

  it('given a limit below 1 or two orgs with one name, then the scheduler refuses to be built', () => {
    expect(() => new SyncScheduler([], 0)).toThrow(RangeError);
    expect(() => new SyncScheduler([org('a', () => Promise.resolve()), org('a', () => Promise.resolve())], 2)).toThrow(
      RangeError,
    );
  });
});

describe('the sync schedule, node-cron firing every second', () => {
  it('given three orgs whose syncs take 2.5 s and a limit of 2, when it runs 6 s, then no org overlaps itself, never more than 2 run, and all three ran', async () => {
    const intervals: Array<{ org: string; start: number; end: number }> = [];
    const slow = (name: string) => async (): Promise<void> => {
      const start = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      intervals.push({ org: name, start, end: Date.now() });
    };
    const skipped: string[] = [];
    const scheduler = new SyncScheduler(
      ['a', 'b', 'c'].map((name) => org(name, slow(name))),
      2,
      { onSkip: (name) => skipped.push(name) },
    );
    scheduler.start();
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await scheduler.stop();

    expect(new Set(intervals.map((i) => i.org))).toEqual(new Set(['a', 'b', 'c']));
    expect(skipped.length).toBeGreaterThan(0);
    for (const name of ['a', 'b', 'c']) {
      const own = intervals.filter((i) => i.org === name).sort((x, y) => x.start - y.start);
      own.slice(1).forEach((later, k) => expect(later.start).toBeGreaterThanOrEqual((own[k] as { end: number }).end));
    }
    const moments = intervals.flatMap((i) => [i.start, i.end - 1]);
    for (const moment of moments)
      expect(intervals.filter((i) => i.start <= moment && moment < i.end).length).toBeLessThanOrEqual(2);
  }, 15_000);

  it('given the process blocked for 2.5 s, then the ticks it could not fire are reported as missed, and node-cron prints nothing of its own', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const missed: string[] = [];
    let warnings: number | undefined;
    const scheduler = new SyncScheduler([org('a', () => Promise.resolve())], 1, {
      onMissed: (name, at) => missed.push(`${name} ${at instanceof Date}`),
    });
    try {
      scheduler.start();
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      const until = Date.now() + 2_500;
      while (Date.now() < until); // a compute that holds the event loop
      await new Promise((resolve) => setTimeout(resolve, 1_100));
    } finally {
      await scheduler.stop();
      warnings = warn.mock.calls.length; // before mockRestore, which clears the calls
      warn.mockRestore();
    }
    expect(missed.length).toBeGreaterThan(0);
    expect(new Set(missed)).toEqual(new Set(['a true']));
    expect(warnings).toBe(0);
  }, 10_000);
});
