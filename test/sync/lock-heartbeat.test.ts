/**
 * The run lock's heartbeat (src/sync/lock-heartbeat.ts): a short TTL that a live holder keeps renewing, so that a
 * holder killed on another host (a Job's pod) is taken over within the TTL, and a live one never is.
 */
import { silentLogger, type Logger } from '../../src/lib/logger';
import { openStateStore, StateErrorCode } from '../../src/state/state-store';
import { LOCK_RENEW_MS, LOCK_TTL_MS, startHeartbeat, type Timers } from '../../src/sync/lock-heartbeat';
import { manualClock, memoryStore } from '../state/builders';
import { Clock, givenAnOrgWithStaleLeads, NOW, run } from './story';

/** Timers the test fires by hand; `active` counts the heartbeats not stopped. */
function manualTimers(): { timers: Timers; fire: () => void; active: () => number } {
  const ticks = new Set<() => void>();
  return {
    timers: {
      every: (_ms, tick) => {
        ticks.add(tick);
        return () => void ticks.delete(tick);
      },
      sleep: () => Promise.resolve(),
    },
    fire: () => ticks.forEach((tick) => tick()),
    active: () => ticks.size,
  };
}

const POD_A = 'sync-28977420-abcde:1:run-1';
const POD_B = 'sync-28977420-fghij:1:run-2';

function holderOnPodA(logger: Logger = silentLogger) {
  const clock = manualClock();
  const store = memoryStore(clock.now);
  const { timers, fire, active } = manualTimers();
  expect(store.acquireLock(POD_A, LOCK_TTL_MS).ok).toBe(true);
  const heartbeat = startHeartbeat(POD_A, { state: store, wall: clock, timers, logger });
  /** Time passes; a live holder's timer fires every LOCK_RENEW_MS, a killed one's never does. */
  const pass = (ms: number, alive: boolean): void => {
    for (let left = ms; left > 0; left -= LOCK_RENEW_MS) {
      clock.advance(Math.min(LOCK_RENEW_MS, left));
      if (alive) fire();
    }
  };
  return { clock, store, heartbeat, pass, active };
}

describe('the run lock heartbeat', () => {
  it('keeps the TTL short and renews at least three times per TTL', () => {
    expect(LOCK_TTL_MS).toBeLessThanOrEqual(2 * 60_000);
    expect(LOCK_RENEW_MS * 3).toBeLessThanOrEqual(LOCK_TTL_MS);
  });

  it('given a holder killed on pod A (no more renewals, no release), when pod B tries before the TTL, then it is refused; at the TTL, it takes over', () => {
    const { store, pass } = holderOnPodA();
    pass(LOCK_RENEW_MS, true);
    // SIGKILL: the timer dies with the process and nothing is released.
    pass(LOCK_TTL_MS - 1, false);
    expect(store.acquireLock(POD_B, LOCK_TTL_MS)).toMatchObject({ ok: false, heldBy: POD_A });
    pass(1, false);
    expect(store.acquireLock(POD_B, LOCK_TTL_MS)).toMatchObject({ ok: true, tookOverFrom: { holder: POD_A } });
  });

  it('given a live holder whose timer renews, when many TTLs pass without a checkpoint, then another host is refused all along', () => {
    const { store, pass } = holderOnPodA();
    for (let ttl = 0; ttl < 20; ttl++) {
      pass(LOCK_TTL_MS, true);
      expect(store.acquireLock(POD_B, LOCK_TTL_MS)).toMatchObject({ ok: false, heldBy: POD_A });
    }
  });

  it('given a stopped heartbeat, when time passes, then the timer is gone and the lock is no longer renewed', () => {
    const { store, heartbeat, pass, active } = holderOnPodA();
    heartbeat.stop();
    expect(active()).toBe(0);
    pass(LOCK_TTL_MS, true);
    expect(store.acquireLock(POD_B, LOCK_TTL_MS).ok).toBe(true);
  });

  it('given a timer that renewed lately, when a checkpoint comes, then it writes nothing; once a period has passed without it, the checkpoint renews', () => {
    const { clock, store, heartbeat } = holderOnPodA();
    const refresh = jest.spyOn(store, 'refreshLock');
    clock.advance(LOCK_RENEW_MS - 1);
    heartbeat.atCheckpoint();
    expect(refresh).not.toHaveBeenCalled();
    clock.advance(1);
    heartbeat.atCheckpoint();
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('given a renewal that fails on the timer (the state file turned read-only), then it is logged and the next checkpoint tries again and stops the run', () => {
    const errors: string[] = [];
    const logger: Logger = { ...silentLogger, error: (message: string) => void errors.push(message) };
    const { store, heartbeat, pass } = holderOnPodA(logger);
    const refresh = jest.spyOn(store, 'refreshLock').mockImplementation(() => {
      throw new Error('attempt to write a readonly database');
    });
    pass(LOCK_RENEW_MS, true);
    expect(errors).toEqual([expect.stringContaining('could not be renewed')]);
    expect(() => heartbeat.atCheckpoint()).toThrow('readonly');
    // A failure that passed (a busy file) does not stop the run: the checkpoint's own renewal succeeds.
    refresh.mockRestore();
    expect(() => heartbeat.atCheckpoint()).not.toThrow();
  });

  it('given a holder that paused longer than the TTL and was taken over, when its timer fires, then the next checkpoint stops it with STATE_LOCK_LOST', () => {
    const { store, heartbeat, pass } = holderOnPodA();
    pass(LOCK_TTL_MS, false);
    store.acquireLock(POD_B, LOCK_TTL_MS);
    pass(LOCK_RENEW_MS, true);
    expect(() => heartbeat.atCheckpoint()).toThrow(expect.objectContaining({ code: StateErrorCode.lockLost }));
  });
});

describe('a run and its heartbeat', () => {
  it('given a run that ends, then its heartbeat is stopped and the lock released', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    const { timers, active } = manualTimers();
    let during = 0;
    const read = org.readIncremental.bind(org);
    jest.spyOn(org, 'readIncremental').mockImplementation((request) => {
      during = Math.max(during, active());
      return read(request);
    });
    await run(org, state, clock, 'r1', 'pod-a:1:r1', { timers });
    expect(during).toBe(1);
    expect(active()).toBe(0);
    expect(state.acquireLock('pod-b:1:r2', LOCK_TTL_MS).ok).toBe(true);
  });
});
