/**
 * The schedule of `serve` (issue 11): one job per dealership config, fired by its cron expression in its time zone,
 * with two guarantees a CronJob gets from Kubernetes and a long-running process must give itself:
 * - no overlap per org: a tick while the org's run is running or waiting for a slot is skipped (a sync that takes
 *   longer than its interval does not pile up runs; the next tick after it ends runs it again);
 * - a process-wide limit on concurrent runs (`maxConcurrent`): further runs wait in arrival order for a slot.
 * The run itself is a plain function (a sync over the org's config and state), so tests plug in slow fakes and
 * the clock of node-cron stays the only timer. The state store's lock still guards each org against other processes.
 */
import { schedule as cronSchedule } from 'node-cron';

export interface ScheduledOrg {
  /** A name for logs and `runNow`, e.g. the config file's. */
  name: string;
  cron: string;
  timeZone: string;
  /**
   * One sync of the org under the given run id; its errors are the caller's to record (the scheduler reports them).
   * `stop` is aborted when the scheduler stops: the run should end at its next checkpoint.
   */
  run: (runId: string, stop: AbortSignal) => Promise<void>;
}

/** What a tick or `runNow` did with an org. */
export type Admission = 'started' | 'queued' | 'busy';

/** What `runNow` did, with the id the run will have when it was started or queued. */
export interface RunRequest {
  admission: Admission | 'unknown';
  runId: string | null;
}

export interface SchedulerEvents {
  onSkip?: (org: string) => void;
  /** A tick node-cron could not fire even late (the process was blocked or asleep past its tolerance). */
  onMissed?: (org: string, at: Date) => void;
  onError?: (org: string, error: unknown) => void;
}

/** The cron part, pluggable so a test can fire ticks itself; node-cron by default. */
export type CronStarter = (
  cron: string,
  timeZone: string,
  tick: () => void,
  missed: (at: Date) => void,
) => { stop(): void };

/**
 * How late a tick may still fire. node-cron's default (1 s) drops a tick the event loop reaches later than that:
 * one dealership's compute, which holds the loop for a few seconds on a large store, would cost every other
 * dealership due at that minute its run until the next interval. A late run is better than a skipped one; a tick
 * still never fires later than the next one (node-cron's own rule), so a per-second test schedule is unaffected.
 */
export const TICK_TOLERANCE_MS = 10 * 60_000;

const nodeCron: CronStarter = (cron, timeZone, tick, missed) => {
  const task = cronSchedule(cron, tick, { timezone: timeZone, missedExecutionTolerance: TICK_TOLERANCE_MS });
  // A listener of its own also keeps node-cron from printing its warning to the console, outside the logs.
  task.on('execution:missed', (context) => missed(context.date));
  return task;
};

export class SyncScheduler {
  private readonly busy = new Set<string>();
  private readonly waiting: Array<{ org: ScheduledOrg; runId: string }> = [];
  private readonly running = new Map<string, Promise<void>>();
  /** Each org's last two schedule times, newest first: readiness asks whether a run ended since the older. */
  private readonly ticks = new Map<string, number[]>();
  private tasks: Array<{ stop(): void }> = [];
  private stopped = false;
  private readonly stopping = new AbortController();

  constructor(
    private readonly orgs: readonly ScheduledOrg[],
    private readonly maxConcurrent: number,
    private readonly events: SchedulerEvents = {},
    private readonly startCron: CronStarter = nodeCron,
    /** Run ids as the sync makes them (run-context's newRunId), given out before the run starts. */
    private readonly newRunId: () => string = () => `run-${Date.now()}`,
  ) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1)
      throw new RangeError(`maxConcurrent must be a whole number of 1 or more, not ${maxConcurrent}`);
    const names = new Set(orgs.map((org) => org.name));
    if (names.size !== orgs.length) throw new RangeError('every scheduled org needs a name of its own');
  }

  start(): void {
    this.tasks = this.orgs.map((org) =>
      this.startCron(
        org.cron,
        org.timeZone,
        () => {
          this.ticks.set(org.name, [Date.now(), ...(this.ticks.get(org.name) ?? [])].slice(0, 2));
          void this.admit(org);
        },
        (at) => this.events.onMissed?.(org.name, at),
      ),
    );
  }

  /** A run of one org now, outside its schedule (POST /runs); `busy` while it runs or waits. */
  runNow(name: string): RunRequest {
    const org = this.orgs.find((candidate) => candidate.name === name);
    return org ? this.admit(org) : { admission: 'unknown', runId: null };
  }

  /** When the org's schedule last fired, newest first (at most two; a tick skipped as busy counts). */
  ticksOf(name: string): readonly number[] {
    return this.ticks.get(name) ?? [];
  }

  /** Runs in progress now, by org name. */
  inProgress(): string[] {
    return [...this.running.keys()];
  }

  /**
   * Stops scheduling, drops the runs still waiting, asks the running ones to stop at their next checkpoint, and
   * resolves when they have ended.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const task of this.tasks) task.stop();
    for (const { org } of this.waiting.splice(0)) this.busy.delete(org.name);
    this.stopping.abort();
    await Promise.allSettled([...this.running.values()]);
  }

  private admit(org: ScheduledOrg): RunRequest {
    if (this.stopped) return { admission: 'busy', runId: null };
    if (this.busy.has(org.name)) {
      this.events.onSkip?.(org.name);
      return { admission: 'busy', runId: null };
    }
    this.busy.add(org.name);
    const runId = this.newRunId();
    if (this.running.size < this.maxConcurrent) {
      this.launch(org, runId);
      return { admission: 'started', runId };
    }
    this.waiting.push({ org, runId });
    return { admission: 'queued', runId };
  }

  private launch(org: ScheduledOrg, runId: string): void {
    const done = (async () => {
      try {
        await org.run(runId, this.stopping.signal);
      } catch (error) {
        this.events.onError?.(org.name, error);
      } finally {
        this.running.delete(org.name);
        this.busy.delete(org.name);
        const next = this.stopped ? undefined : this.waiting.shift();
        if (next) this.launch(next.org, next.runId);
      }
    })();
    this.running.set(org.name, done);
  }
}
