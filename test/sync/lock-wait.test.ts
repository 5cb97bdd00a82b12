/**
 * `sync --wait-for-lock`: a Job's retry pod (another hostname) after its predecessor was killed holding the run lock
 * waits for the lock's short TTL instead of exiting 75 (which the Job's podFailurePolicy turns into a failed Job).
 */
import type { Timers } from '../../src/sync/lock-heartbeat';
import { LOCK_TTL_MS } from '../../src/sync/lock-heartbeat';
import { type Logger, silentLogger } from '../../src/lib/logger';
import { manualClock, memoryStore, T0 } from '../state/builders';
import { Clock, givenAnOrgWithStaleLeads, NOW, run } from './story';

const POD_A = 'sync-28977420-abcde:1:run-1';
const POD_B = 'sync-28977420-fghij:1:run-2';

describe('a run told to wait for the lock (a Job retry pod: sync --wait-for-lock)', () => {
  /** Pod B's run against a state whose lock pod A took at T0; sleeping moves the wall clock, and `meanwhile` runs. */
  function podB(
    meanwhile: (store: ReturnType<typeof memoryStore>) => void = () => undefined,
    logger: Logger = silentLogger,
  ) {
    const wall = manualClock();
    const store = memoryStore(wall.now);
    store.acquireLock(POD_A, LOCK_TTL_MS);
    let slept = 0;
    const timers: Timers = {
      every: () => () => undefined,
      sleep: (ms) => {
        slept += ms;
        wall.advance(ms);
        meanwhile(store);
        return Promise.resolve();
      },
    };
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const go = (lockWaitMs: number) =>
      run(org, store, clock, 'r2', POD_B, { timers, wallClock: wall, lockWaitMs, logger }).then(() => slept);
    return { go, store };
  }

  it('given pod A killed while holding the lock, when pod B waits a little longer than the TTL, then it takes over once the lock expires', async () => {
    const warnings: Array<[string, unknown]> = [];
    const logger: Logger = {
      ...silentLogger,
      warn: (message: string, meta?: unknown) => void warnings.push([message, meta]),
      child: () => logger,
    };
    const { go } = podB(undefined, logger);
    const slept = await go(LOCK_TTL_MS + 30_000);
    expect(slept).toBeGreaterThanOrEqual(LOCK_TTL_MS);
    expect(slept).toBeLessThan(LOCK_TTL_MS + 10_000);
    expect(warnings).toContainEqual(['took over the run lock of a run that is gone', { holder: POD_A, since: T0 }]);
  });

  it('given pod A alive and renewing, when pod B waits, then it gives up after its wait with RUN_LOCKED (exit 75)', async () => {
    const { go } = podB((store) => store.refreshLock(POD_A));
    await expect(go(LOCK_TTL_MS + 30_000)).rejects.toMatchObject({ code: 'RUN_LOCKED', exitCode: 75 });
  });

  it('given no wait (the default), when the lock is held, then the run is refused at once', async () => {
    const { go } = podB();
    await expect(go(0)).rejects.toMatchObject({ code: 'RUN_LOCKED' });
  });
});
