import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockOwner, openStateStore, StateErrorCode } from '../../src/state/state-store';
import { manualClock, memoryStore, MINUTE, T0 } from './builders';

const TTL = 10 * MINUTE;

describe('the run lock', () => {
  it('given a free lock, when acquired, then it is ours', () => {
    expect(memoryStore().acquireLock('host-a:100:run-1', TTL)).toEqual({ ok: true });
  });

  it('given a lock held by another live run, when acquired, then it is refused with who holds it and since when', () => {
    const clock = manualClock();
    const store = memoryStore(clock.now);
    store.acquireLock('host-a:100:run-1', TTL);
    clock.advance(MINUTE);
    expect(store.acquireLock('host-b:200:run-2', TTL)).toEqual({ ok: false, heldBy: 'host-a:100:run-1', since: T0, expiresAt: T0 + TTL });
  });

  it('given a lock we hold, when acquired again, then it succeeds and keeps its original start', () => {
    const clock = manualClock();
    const store = memoryStore(clock.now);
    store.acquireLock('me', TTL);
    clock.advance(MINUTE);
    expect(store.acquireLock('me', TTL)).toEqual({ ok: true });
    clock.advance(MINUTE);
    expect(store.acquireLock('other', TTL)).toMatchObject({ ok: false, since: T0 });
  });

  it('given a released lock, when another run acquires it, then it succeeds', () => {
    const store = memoryStore();
    store.acquireLock('a', TTL);
    expect(store.releaseLock('a')).toBe(true);
    expect(store.acquireLock('b', TTL)).toEqual({ ok: true });
  });

  it('given a lock held by someone else, when we try to release it, then it stays held', () => {
    const store = memoryStore();
    store.acquireLock('a', TTL);
    expect(store.releaseLock('b')).toBe(false);
    expect(store.acquireLock('b', TTL)).toMatchObject({ ok: false, heldBy: 'a' });
  });

  it('given a holder killed without releasing, when its TTL has passed, then the next run takes the lock over', () => {
    const clock = manualClock();
    const store = memoryStore(clock.now);
    store.acquireLock('killed', TTL);
    clock.advance(TTL - 1);
    expect(store.acquireLock('next', TTL).ok).toBe(false);
    clock.advance(1);
    expect(store.acquireLock('next', TTL)).toEqual({ ok: true, tookOverFrom: { owner: 'killed', since: T0 } });
  });

  it('given a holder that refreshes, when more than one TTL has passed since it started, then it still holds the lock', () => {
    const clock = manualClock();
    const store = memoryStore(clock.now);
    store.acquireLock('busy', TTL);
    for (let i = 0; i < 3; i++) {
      clock.advance(TTL - MINUTE);
      store.refreshLock('busy');
    }
    expect(store.acquireLock('other', TTL)).toMatchObject({ ok: false, heldBy: 'busy', expiresAt: clock.now() + TTL });
  });

  it('given a lock taken over after expiry, when the old holder refreshes, then STATE_LOCK_LOST names the new holder', () => {
    const clock = manualClock();
    const store = memoryStore(clock.now);
    store.acquireLock('slow', TTL);
    clock.advance(TTL);
    store.acquireLock('fast', TTL);
    expect(() => store.refreshLock('slow')).toThrow(expect.objectContaining({ code: StateErrorCode.lockLost, data: { owner: 'slow', heldBy: 'fast' } }));
    expect(store.releaseLock('slow')).toBe(false);
  });

  it('given two processes on one file, when both try to acquire, then only the first gets it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-lock-'));
    try {
      const path = join(dir, 'state.db');
      const first = openStateStore(path, { now: () => T0 });
      const second = openStateStore(path, { now: () => T0 });
      expect(first.acquireLock('p1', TTL).ok).toBe(true);
      expect(second.acquireLock('p2', TTL)).toMatchObject({ ok: false, heldBy: 'p1' });
      first.releaseLock('p1');
      expect(second.acquireLock('p2', TTL).ok).toBe(true);
      first.close();
      second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('given a host, pid and run id, when an owner string is made, then it names all three', () => {
    expect(lockOwner('run-7', 'worker-3', 4242)).toBe('worker-3:4242:run-7');
    expect(lockOwner('run-7')).toContain(`:${process.pid}:run-7`);
  });
});
