import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { holderCheck, lockHolder, openStateStore, processExists, StateErrorCode } from '../../src/state/state-store';
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
    expect(store.acquireLock('host-b:200:run-2', TTL)).toEqual({
      ok: false,
      heldBy: 'host-a:100:run-1',
      since: T0,
      expiresAt: T0 + TTL,
    });
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
    expect(store.acquireLock('next', TTL)).toEqual({ ok: true, tookOverFrom: { holder: 'killed', since: T0 } });
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
    expect(() => store.refreshLock('slow')).toThrow(
      expect.objectContaining({ code: StateErrorCode.lockLost, data: { holder: 'slow', heldBy: 'fast' } }),
    );
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

  it('given a host, pid and run id, when a holder string is made, then it names all three', () => {
    expect(lockHolder('run-7', 'worker-3', 4242)).toBe('worker-3:4242:run-7');
    expect(lockHolder('run-7')).toContain(`:${process.pid}:run-7`);
  });

  describe('a holder on this machine whose process is gone', () => {
    /** The pid of a process that has run and exited (and been reaped). */
    const deadPid = (): number => {
      const child = spawnSync(process.execPath, ['-e', '0']);
      if (child.pid === undefined) throw new Error('no child process');
      return child.pid;
    };

    it('given a lock left by a killed process of this host, when the next run acquires it, then it takes it over at once', () => {
      const clock = manualClock();
      const store = memoryStore(clock.now);
      const killed = lockHolder('run-1', hostname(), deadPid());
      store.acquireLock(killed, TTL);
      clock.advance(MINUTE);
      expect(store.acquireLock(lockHolder('run-2'), TTL)).toEqual({
        ok: true,
        tookOverFrom: { holder: killed, since: T0 },
      });
    });

    it('given a lock held by a live process of this host, when another run acquires it, then it is refused', () => {
      const store = memoryStore();
      const live = lockHolder('run-1', hostname(), process.ppid);
      store.acquireLock(live, TTL);
      expect(store.acquireLock(lockHolder('run-2'), TTL)).toMatchObject({ ok: false, heldBy: live });
    });

    it('given a lock held on another host, when acquired before its TTL, then it is refused whatever that pid is here', () => {
      const store = openStateStore(':memory:', {
        now: () => T0,
        holderMayBeAlive: holderCheck('this-host', () => false),
      });
      store.acquireLock('other-host:1234:run-1', TTL);
      expect(store.acquireLock('this-host:99:run-2', TTL)).toMatchObject({
        ok: false,
        heldBy: 'other-host:1234:run-1',
      });
    });

    it('given holder strings, when checked, then only this host with a pid that does not exist counts as gone', () => {
      const exists = (pid: number): boolean => pid === 7;
      const check = holderCheck('web:1', exists);
      expect(check('web:1:7:run-a')).toBe(true);
      expect(check('web:1:8:run-a')).toBe(false);
      expect(check('web:2:8:run-a')).toBe(true);
      expect(check('not a holder')).toBe(true);
    });

    it('given pids, when asked whether they exist, then this process does and an exited child does not', () => {
      expect(processExists(process.pid)).toBe(true);
      expect(processExists(deadPid())).toBe(false);
    });
  });
});
