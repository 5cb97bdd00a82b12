/**
 * The run lock's heartbeat. A lock's TTL is the only sign from which another machine can tell that the holder is gone
 * (a pod killed with SIGKILL or OOM never releases it), so the TTL decides how long a killed run blocks the next one:
 * a Job's retry pod (another hostname) was refused for 15 minutes and the Job failed. A short TTL needs renewals that
 * do not depend on the run's progress: a page that waits out retries and backoff, or a Bulk job, can take longer
 * than the TTL between two checkpoints. So the holder renews on a timer, and at each checkpoint when the timer has
 * not done it lately (a long synchronous stretch blocks timers).
 */
import { errorFields } from '../lib/errors';
import type { Logger } from '../lib/logger';
import type { Clock } from './clock';
import type { SyncState } from './sync-state';

/**
 * A lock not renewed for this long belongs to a holder that is gone, and another host takes it over. 90 s: a dead
 * holder is recognised in a minute and a half, while four renewals in a row may be missed (a busy state file's 5 s
 * busy timeout, a compute that blocks the event loop for a minute) before a live run loses its lock.
 */
export const LOCK_TTL_MS = 90_000;
/** How often the holder renews: well under a third of the TTL. */
export const LOCK_RENEW_MS = 20_000;

/** How often a run told to wait for the lock asks again. */
export const LOCK_POLL_MS = 5_000;

/** Timers, a port so that tests can fire them by hand. */
export interface Timers {
  /** Calls `tick` every `ms` until the returned function is called; never keeps the process alive by itself. */
  every(ms: number, tick: () => void): () => void;
  /** Resolves after `ms` (a run waiting for the lock). */
  sleep(ms: number): Promise<void>;
}

export const systemTimers: Timers = {
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    // A run that ends without stopping its heartbeat (a bug) must not hang the process on it.
    timer.unref();
    return () => clearInterval(timer);
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface Heartbeat {
  /** At a checkpoint: renews when the timer has not lately; throws (the run stops here) when renewing fails. */
  atCheckpoint(): void;
  /** Stops renewing; called before the lock is released. */
  stop(): void;
}

export interface HeartbeatDeps {
  state: Pick<SyncState, 'refreshLock'>;
  /** Real elapsed time (a pinned `--now` never advances). */
  wall: Clock;
  timers: Timers;
  logger: Logger;
}

export function startHeartbeat(holder: string, deps: HeartbeatDeps): Heartbeat {
  let renewedAt = deps.wall.now();
  const renew = (): void => {
    deps.state.refreshLock(holder);
    renewedAt = deps.wall.now();
  };
  const stop = deps.timers.every(LOCK_RENEW_MS, () => {
    try {
      renew();
    } catch (error) {
      // A timer cannot stop the run: throwing here would only crash the process mid-write. The lock was lost (taken
      // over after a pause longer than the TTL) or the state file cannot be written (read-only, disk full, busy):
      // the next checkpoint renews again and stops the run if that fails too, where everything before it is stored.
      // Until then the lease still runs for the rest of its TTL.
      renewedAt = Number.NEGATIVE_INFINITY;
      deps.logger.error('the run lock could not be renewed; the run stops at its next checkpoint unless it can', {
        holder,
        ...errorFields(error),
      });
    }
  });
  return {
    atCheckpoint: () => {
      if (deps.wall.now() - renewedAt >= LOCK_RENEW_MS) renew();
    },
    stop,
  };
}
