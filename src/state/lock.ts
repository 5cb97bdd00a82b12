/**
 * One run at a time per org. The lock is a row, not an OS file lock, so it also works when
 * runs start from different containers sharing the state volume, and it carries who holds it
 * for the "try later" message.
 *
 * A lock expires: a process killed with SIGKILL (OOM killer, `kubectl delete --force`, a
 * node lost) never runs its release, and a lock that only its holder can remove would stop
 * every later run forever. The holder renews it while it works (a heartbeat timer, and the
 * checkpoints between pages and write batches: src/sync/lock-heartbeat.ts), so a lock not renewed
 * for its TTL belongs to a holder that is gone, and the next run takes it over.
 *
 * The TTL is the only evidence about a holder on another machine. A holder on this machine can
 * be asked directly: when its process no longer exists, waiting out the TTL would only block
 * the runs after a crash for nothing, so its lock is taken over at once. This relies on the
 * hostname telling machines apart; containers sharing a state volume have their own hostnames
 * (a pod's name, a container's id) as long as nobody pins them to one value.
 */
import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import { CoachError } from '../lib/errors';
import { StateErrorCode } from './errors';

/**
 * What a lock guards. The state file serves one org: `sync`, one run at a time; `serve`, one serving process at a
 * time (two `serve`s on one state file would each schedule the org, and every other run would be refused the lock).
 */
export type LockScope = 'sync' | 'serve';

export type LockResult =
  | {
      ok: true;
      /** The expired (or dead) holder this acquisition replaced, if any. */ tookOverFrom?: {
        holder: string;
        since: number;
      };
    }
  | { ok: false; heldBy: string; since: number; expiresAt: number };

/** The holder string of this process for a run: host and pid say where to look for it. */
export function lockHolder(runId: string, host: string = hostname(), pid: number = process.pid): string {
  return `${host}:${pid}:${runId}`;
}

/** Whether the holder of a lock may still be running; false only when that is certain. */
export type HolderCheck = (holder: string) => boolean;

/** Whether a process with this id exists on this machine (EPERM: it does, under another user). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const HOLDER_PATTERN = /^(.+):(\d+):([^:]+)$/;

/**
 * A holder is known to be gone only when its holder string names this host and a pid that no
 * longer exists. Anything else (another host, an holder string of another shape) may be alive.
 */
export function holderCheck(host: string = hostname(), exists: (pid: number) => boolean = processExists): HolderCheck {
  return (holder) => {
    const match = HOLDER_PATTERN.exec(holder);
    if (match === null || match[1] !== host) return true;
    return exists(Number(match[2]));
  };
}

interface LockRow {
  holder: string;
  acquired_at: number;
  ttl_ms: number;
  expires_at: number;
}

export class RunLock {
  private readonly select: Database.Statement<[string], LockRow>;
  private readonly put: Database.Statement<[string, string, number, number, number]>;
  private readonly extend: Database.Statement<[number, string, string]>;
  private readonly remove: Database.Statement<[string, string]>;

  constructor(
    db: Database.Database,
    private readonly now: () => number,
    private readonly holderMayBeAlive: HolderCheck = holderCheck(),
  ) {
    this.select = db.prepare<[string], LockRow>(
      'SELECT holder, acquired_at, ttl_ms, expires_at FROM run_lock WHERE scope = ?',
    );
    this.put = db.prepare(
      `INSERT INTO run_lock(scope, holder, acquired_at, ttl_ms, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(scope) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at,
         ttl_ms = excluded.ttl_ms, expires_at = excluded.expires_at`,
    );
    this.extend = db.prepare('UPDATE run_lock SET expires_at = ? + ttl_ms WHERE scope = ? AND holder = ?');
    this.remove = db.prepare('DELETE FROM run_lock WHERE scope = ? AND holder = ?');
  }

  /** Call inside an IMMEDIATE transaction, so that two processes cannot both see it free. */
  acquire(holder: string, ttlMs: number, scope: LockScope = 'sync'): LockResult {
    const now = this.now();
    const held = this.select.get(scope);
    if (held !== undefined && held.holder !== holder && held.expires_at > now && this.holderMayBeAlive(held.holder)) {
      return { ok: false, heldBy: held.holder, since: held.acquired_at, expiresAt: held.expires_at };
    }
    // Re-acquiring one's own lock keeps its original start, so `since` stays truthful.
    const since = held !== undefined && held.holder === holder ? held.acquired_at : now;
    this.put.run(scope, holder, since, ttlMs, now + ttlMs);
    return held !== undefined && held.holder !== holder
      ? { ok: true, tookOverFrom: { holder: held.holder, since: held.acquired_at } }
      : { ok: true };
  }

  /** Extends the holder's lease by its TTL; throws STATE_LOCK_LOST if it no longer holds it. */
  refresh(holder: string, scope: LockScope = 'sync'): void {
    if (this.extend.run(this.now(), scope, holder).changes === 0) {
      const held = this.select.get(scope);
      const lock = scope === 'sync' ? 'run lock' : `${scope} lock`;
      throw new CoachError({
        code: StateErrorCode.lockLost,
        message:
          held === undefined
            ? `The ${lock} held by ${holder} was released or never taken.`
            : `The ${lock} held by ${holder} expired and was taken over by ${held.holder}.`,
        actions: [
          'Stop this run: another run now owns the org. This happens only to a process that could not renew its lock for the whole TTL (suspended, or its state file not writable).',
        ],
        data: { holder, heldBy: held?.holder ?? null },
      });
    }
  }

  /** Releases the lock if `holder` holds it; true if it did. */
  release(holder: string, scope: LockScope = 'sync'): boolean {
    return this.remove.run(scope, holder).changes > 0;
  }
}
