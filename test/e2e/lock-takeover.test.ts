/**
 * A Kubernetes Job's retry after its pod was killed (issue 13): `sync` killed with SIGKILL mid-read leaves its run
 * lock behind, renewed no more. The retry pod has another hostname, so only the lock's TTL tells it the holder is
 * gone: without waiting it exits 75; with --wait-for-lock it takes the lock over once the TTL has run out and finishes
 * the job. The killed run's lock is relabelled as pod A's, with its last renewal made TTL − 5 s ago, so that the
 * test waits 5 s rather than the whole 90 s TTL.
 */
import Database from 'better-sqlite3';
import { afterCalls, alignClock, configWith, SMALL_PAGE, syncArgs, syncWith } from './fault-support';
import { cli, startCli, startDemoOrg } from './support';

const POD_A = 'execution-coach-sync-28977420-abcde:1:run-killed';
const LEFT_MS = 5_000;

describe('end to end: a sync killed on one pod, retried on another', () => {
  it('given a sync killed while reading, when a sync from another host waits for the lock, then it takes over once the lock expires and completes', async () => {
    const org = await startDemoOrg({ faults: { latencyMinMs: 5, latencyMaxMs: 20 } });
    try {
      const config = configWith(org, { pageSize: SMALL_PAGE });
      alignClock(org, 0);
      const child = startCli(syncArgs(org, config, 0), org.env);
      const stop = afterCalls(org, 15, () => child.kill());
      const killed = await child.done;
      stop();
      expect(killed.signal).toBe('SIGKILL');

      const db = new Database(org.statePath);
      try {
        const lock = db.prepare("SELECT holder FROM run_lock WHERE scope = 'sync'").get() as { holder: string };
        expect(lock.holder).toContain(`:${child.pid}:`);
        db.prepare("UPDATE run_lock SET holder = ?, expires_at = ? WHERE scope = 'sync'").run(
          POD_A,
          Date.now() + LEFT_MS,
        );
      } finally {
        db.close();
      }

      alignClock(org, 1);
      const refused = await cli(syncArgs(org, config, 1), org.env);
      expect(refused.code).toBe(75);
      expect(refused.stderr).toContain(POD_A);

      const started = Date.now();
      const retry = await cli([...syncArgs(org, config, 1), '--wait-for-lock', '20'], org.env);
      expect({ code: retry.code, stderr: retry.stderr }).toEqual({
        code: 0,
        stderr: expect.stringContaining('earlier runs did not finish; this run completes their work'),
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(LEFT_MS - 2_000);

      // The retry finished the job: the next run finds nothing to write.
      const again = await syncWith(org, config, 2);
      expect(again.code).toBe(0);
      expect(again.report?.writes ?? { created: 0, updated: 0 }).toMatchObject({ created: 0, updated: 0 });
    } finally {
      await org.close();
    }
  }, 30_000);
});
