/**
 * One `serve` per state file. Two serving processes on one dealership's state would each schedule its syncs, and
 * every run of one would be refused the run lock the other holds: the org would sync at random and the history fill
 * with refusals. Each state file carries a `serve` lock (the run lock's table, another scope), taken at start,
 * refreshed while serving and released on stop. A serve killed without releasing it is recognised as gone at once on
 * this machine (its pid no longer exists) and after the TTL from another one (a pod rescheduled elsewhere).
 */
import { CoachError, errorFields, ExitCode } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { lockHolder, openStateStore, type StateStore } from '../state/state-store';

/** Long enough to outlast a busy state file's refresh, short enough that a lost pod's successor starts soon. */
export const SERVE_LOCK_TTL_MS = 2 * 60_000;
const REFRESH_MS = 30_000;

export interface ServeLock {
  /** Releases every state file's serve lock and stops refreshing. */
  release(): void;
}

/**
 * Takes the serve lock of every state file, or none: when another serve holds one, what was taken is given back and
 * the start is refused (exit 75, like a run refused its lock).
 */
export function holdStateFiles(paths: readonly string[], logger: Logger, holder = lockHolder('serve')): ServeLock {
  const held: StateStore[] = [];
  const releaseAll = (): void => {
    for (const store of held.splice(0)) {
      try {
        store.releaseLock(holder, 'serve');
      } catch (error) {
        logger.warn('a serve lock could not be released; it expires by itself', {
          state: store.path,
          ...errorFields(error),
        });
      } finally {
        store.close();
      }
    }
  };
  for (const path of paths) {
    const store = openStateStore(path);
    const lock = store.acquireLock(holder, SERVE_LOCK_TTL_MS, 'serve');
    if (!lock.ok) {
      store.close();
      releaseAll();
      throw new CoachError({
        code: 'SERVE_LOCKED',
        message: `Another serve (${lock.heldBy}) has served the state file ${path} since ${new Date(lock.since).toISOString()}.`,
        actions: [
          'Stop that one first, or give this one configs whose state.path differ.',
          `A serve that died is taken over at once on the same machine, and after ${SERVE_LOCK_TTL_MS / 60_000} minutes from another one.`,
        ],
        exitCode: ExitCode.tryLater,
        data: { state: path, heldBy: lock.heldBy },
      });
    }
    held.push(store);
  }
  const timer = setInterval(() => {
    for (const store of held) {
      try {
        store.refreshLock(holder, 'serve');
      } catch (error) {
        // Lost only after a pause longer than the TTL (a suspended process): the runs' own lock still guards the org.
        logger.error('the serve lock of a state file could not be refreshed', {
          state: store.path,
          ...errorFields(error),
        });
      }
    }
  }, REFRESH_MS);
  timer.unref();
  return {
    release: () => {
      clearInterval(timer);
      releaseAll();
    },
  };
}
