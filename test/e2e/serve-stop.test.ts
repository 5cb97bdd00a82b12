/**
 * `serve` stopped mid-run loses nothing (issue 11): a serve process gets SIGTERM while its sync reads, another while
 * its sync writes; each stops at its next checkpoint and exits 0, and the next start finishes the job, leaving the
 * org exactly as one uninterrupted sync leaves an identical org. A second serve on the same state file is refused
 * while the first serves. The org is seeded at the real time: serve runs on the real clock (it has no --now).
 */
import { afterCalls, callsAnswered, duplicateKeys, onCall, SMALL_PAGE } from './fault-support';
import { everySecond, runsIn, until } from './serve-support';
import { cli, type DemoOrg, productRecords, startCli, startDemoOrg } from './support';

const LATENCY = { latencyMinMs: 5, latencyMaxMs: 20 };
const SEEDED_NOW = new Date().toISOString();

/** The demo config, live, every second, 200-record pages (a read spans many requests), the org's state file. */
const liveEverySecond = (org: DemoOrg): string =>
  everySecond(org, 'live', { live: true, pageSize: SMALL_PAGE, statePath: org.statePath });

/** Each run's result, oldest first. */
const runResults = (statePath: string): string[] =>
  runsIn(statePath)
    .reverse()
    .map((run) => run.result);

// Error level: with a run every second, the skipped ticks while a run goes on are warnings, expected here.
const serveArgs = (config: string): string[] => ['serve', '--config', config, '--port', '0', '--log-level', 'error'];

describe('end to end: serve stopped mid-run', () => {
  it('given serve gets SIGTERM while it reads, then while it writes, then each stops at a checkpoint, and the next start leaves the org as one uninterrupted sync', async () => {
    const reference = await startDemoOrg({ now: SEEDED_NOW, faults: LATENCY });
    let expected: string[];
    try {
      const run = await cli(['sync', '--config', liveEverySecond(reference), '--log-level', 'warn'], reference.env);
      expect(run.code).toBe(0);
      expected = productRecords(reference);
    } finally {
      await reference.close();
    }
    expect(expected.length).toBeGreaterThan(0);

    const org = await startDemoOrg({ now: SEEDED_NOW, faults: LATENCY });
    try {
      const config = liveEverySecond(org);

      // 1. SIGTERM while the first run reads; a second serve meanwhile is refused.
      const reading = startCli(serveArgs(config), org.env);
      await until(() => callsAnswered(org) >= 2);
      const second = await cli(serveArgs(config), org.env);
      expect(second.code).toBe(75);
      expect(second.stderr).toContain('error [SERVE_LOCKED]: Another serve');
      let signalled = 0;
      afterCalls(org, 8, () => {
        signalled = Date.now();
        process.kill(reading.pid, 'SIGTERM');
      });
      const first = await reading.done;
      expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
      expect(first.stdout).toContain('SIGTERM: no new runs; 1 running stop at their next checkpoint.');
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(runResults(org.statePath)).toEqual(['stopped']);
      expect(productRecords(org)).toEqual([]);

      // 2. SIGTERM as the next start's run sends its first collection of writes.
      const writing = startCli(serveArgs(config), org.env);
      let sent = false;
      const off = onCall(org, (kind) => {
        if (kind !== 'collections' || sent) return;
        sent = true;
        process.kill(writing.pid, 'SIGTERM');
      });
      const middle = await writing.done;
      off();
      expect({ code: middle.code, stderr: middle.stderr }).toEqual({ code: 0, stderr: '' });
      expect(runResults(org.statePath)).toEqual(['stopped', 'stopped']);
      const partial = productRecords(org).length;
      expect(partial).toBeGreaterThan(0);
      expect(partial).toBeLessThan(expected.length);

      // 3. The next start finishes the job.
      const finishing = startCli(serveArgs(config), org.env);
      await until(() => runResults(org.statePath).includes('ok'));
      process.kill(finishing.pid, 'SIGTERM');
      expect((await finishing.done).code).toBe(0);
      expect(runResults(org.statePath).slice(0, 3)).toEqual(['stopped', 'stopped', 'ok']);
      expect(duplicateKeys(org)).toEqual([]);
      expect(productRecords(org)).toEqual(expected);
    } finally {
      await org.close();
    }
  }, 120_000);
});
