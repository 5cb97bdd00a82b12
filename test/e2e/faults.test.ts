/**
 * The connector against an org that misbehaves the ways real orgs do (ARCHITECTURE.md §7): sessions that
 * expire mid-pagination, 503 bursts, row locks on some items, short and random pages, latency,
 * the daily API limit reached mid-run, and requests that stall. Each story runs the real CLI
 * over HTTP against the seeded sandbox and ends with the org holding exactly what one
 * uninterrupted run leaves in an identical org: nothing missing, nothing twice.
 */
import { DEFAULT_ENV_NAMES } from '../../src/salesforce/credentials';
import type { RetryEvent } from '../../src/salesforce/retry';
import { openSalesforceSession } from '../../src/salesforce/session';
import { openStateStore } from '../../src/state/state-store';
import {
  afterCalls,
  callsOfKind,
  configWith,
  duplicateKeys,
  onCall,
  productCount,
  readsOf,
  type Reference,
  SMALL_PAGE,
  syncWith,
  uninterruptedRun,
} from './fault-support';
import { type DemoOrg, productRecords, runAt, startDemoOrg } from './support';

/** Exit code of "try later" (ARCHITECTURE.md §8). */
const TRY_LATER = 75;

/** The warnings the CLI logs before each retry of a request. */
function retriesLogged(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line.includes('retrying a Salesforce request'));
}

describe('end to end: faults the org injects, and the run still ends as an uninterrupted one', () => {
  let reference: Reference;
  let org: DemoOrg | null = null;

  beforeAll(async () => {
    reference = await uninterruptedRun();
  });
  afterEach(async () => {
    await org?.close();
    org = null;
  });

  /** A freshly seeded org (closed after the test) and its small-page config. */
  async function seededOrg(
    options: Parameters<typeof startDemoOrg>[0] = {},
  ): Promise<{ org: DemoOrg; config: string }> {
    org = await startDemoOrg(options);
    return { org, config: configWith(org, { pageSize: SMALL_PAGE }) };
  }

  it('given the reference run, then it wrote flags and tasks once each (the yardstick the stories compare with)', () => {
    expect(reference.records.length).toBeGreaterThan(20);
    expect(new Set(reference.records).size).toBe(reference.records.length);
    expect(reference.calls.collections).toBeGreaterThanOrEqual(2);
  });

  it('given sessions that expire after 40 calls, when sync pages through 200-record pages, then it logs in again (client credentials), carries on mid-pagination and reads every record once', async () => {
    const { org, config } = await seededOrg({ faults: { expireSessionAfterCalls: 40 } });
    const logins = jest.spyOn(org.sandbox.sessions, 'issue');

    const run = await syncWith(org, config, 0);

    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(org.sandbox.faults.settings().expireSessionAfterCalls).toBeNull();
    expect(logins).toHaveBeenCalledTimes(2);
    expect(readsOf(run.report!)).toEqual(reference.reads);
    expect(productRecords(org)).toEqual(reference.records);
  });

  it('given a burst of four 503s in the middle of the reads, when sync runs, then each failed request is retried with backoff and the run succeeds', async () => {
    const { org, config } = await seededOrg();
    afterCalls(org, 30, () => org.sandbox.faults.configure({ unavailableRequests: 4 }));

    const run = await syncWith(org, config, 0);

    expect(run.code).toBe(0);
    expect(org.sandbox.faults.settings().unavailableRequests).toBe(0);
    expect(retriesLogged(run.stderr)).toHaveLength(4);
    expect(readsOf(run.report!)).toEqual(reference.reads);
    expect(productRecords(org)).toEqual(reference.records);
  });

  it('given a burst of two 503s as the run logs in, when sync starts, then the login is retried and the run succeeds', async () => {
    const { org, config } = await seededOrg({ faults: { unavailableRequests: 2 } });

    const run = await syncWith(org, config, 0);

    expect(run.code).toBe(0);
    expect(retriesLogged(run.stderr)).toHaveLength(2);
    expect(productRecords(org)).toEqual(reference.records);
  });

  it('given a burst of 503s on the writes, when sync runs, then the refused collection is sent again and nothing is written twice', async () => {
    const { org, config } = await seededOrg();
    let collections = 0;
    // The first collection call is being served: the next two requests (the next collection and
    // its first retry) get 503.
    onCall(org, (kind) => {
      if (kind === 'collections' && ++collections === 1) org.sandbox.faults.configure({ unavailableRequests: 2 });
    });

    const run = await syncWith(org, config, 0);

    expect(run.code).toBe(0);
    expect(retriesLogged(run.stderr)).toHaveLength(2);
    expect(run.report?.writes).toMatchObject({ created: reference.records.length, failed: 0 });
    expect(duplicateKeys(org)).toEqual([]);
    expect(productRecords(org)).toEqual(reference.records);
  });

  it('given UNABLE_TO_LOCK_ROW on 20% of collection items, when sync writes, then only those items are sent again until they pass: nothing missing, nothing twice', async () => {
    const { org, config } = await seededOrg({ faults: { lockRowShare: 0.2, seed: 3 } });

    const run = await syncWith(org, config, 0);

    expect(run.code).toBe(0);
    expect(callsOfKind(org, 'collections')).toBeGreaterThan(reference.calls.collections ?? 0);
    expect(run.report?.writes).toMatchObject({ created: reference.records.length, failed: 0 });
    expect(duplicateKeys(org)).toEqual([]);
    expect(productRecords(org)).toEqual(reference.records);
  });

  it('given pages of random sizes between 200 and 2000 whatever is asked, when sync reads, then every record is read exactly once', async () => {
    org = await startDemoOrg({ faults: { randomPageSizes: true, seed: 3 } });
    const config = configWith(org, { pageSize: 2000 });
    const pageSize = jest.spyOn(org.sandbox.faults, 'pageSize');

    const run = await syncWith(org, config, 0);

    expect(run.code).toBe(0);
    const sizes = pageSize.mock.results.map((result) => result.value as number);
    expect(Math.min(...sizes)).toBeLessThan(1000);
    expect(new Set(sizes).size).toBeGreaterThan(5);
    expect(readsOf(run.report!)).toEqual(reference.reads);
    expect(productRecords(org)).toEqual(reference.records);
  });

  it('given 1–10 ms of latency on every request, when sync runs, then the result is the same', async () => {
    const { org, config } = await seededOrg({ faults: { latencyMinMs: 1, latencyMaxMs: 10 } });
    const latency = jest.spyOn(org.sandbox.faults, 'latencyMs');

    const run = await syncWith(org, config, 0);

    expect(run.code).toBe(0);
    expect(latency.mock.results.filter((result) => (result.value as number) > 0).length).toBeGreaterThan(50);
    expect(productRecords(org)).toEqual(reference.records);
  });

  describe('the daily API limit reached mid-run', () => {
    /** The results of the runs in the state file, oldest first. */
    function runResults(statePath: string): string[] {
      const state = openStateStore(statePath);
      try {
        return state
          .listRuns(10)
          .map((run) => run.result)
          .reverse();
      } finally {
        state.close();
      }
    }

    it('given an allowance of 60 calls, when the run passes sync.maxApiUsage (80%) while reading, then it stops cleanly with exit 75, and the next run (limit lifted) finishes the job', async () => {
      const { org, config } = await seededOrg({ faults: { dailyApiLimit: 60 } });

      const stopped = await syncWith(org, config, 0);

      expect(stopped.code).toBe(TRY_LATER);
      expect(stopped.stderr).toMatch(/SF_API_BUDGET.*daily API requests.*stopping cleanly; checkpoints are kept/);
      expect(stopped.stderr).toContain('Run again later');
      expect(org.sandbox.usage.used).toBeLessThanOrEqual(60);
      expect(productCount(org)).toBe(0);

      org.sandbox.faults.configure({ dailyApiLimit: null });
      const next = await syncWith(org, config, 1);

      expect(next.code).toBe(0);
      // It continued from the checkpoints the stopped run kept instead of starting over.
      expect(next.report?.reads.some((read) => read.incremental && read.object !== 'User' && read.records > 0)).toBe(
        true,
      );
      expect(runResults(org.statePath)).toEqual(['stopped_api_limit', 'ok']);
      expect(productRecords(org)).toEqual(reference.records);
    });

    it('given a run allowed to use the whole allowance, when the org answers 403 REQUEST_LIMIT_EXCEEDED mid-read, then sync exits 75 saying so, and the next run finishes the job', async () => {
      org = await startDemoOrg({ faults: { dailyApiLimit: 50 } });
      const config = configWith(org, { pageSize: SMALL_PAGE, maxApiUsage: 1 });

      const stopped = await syncWith(org, config, 0);

      expect(stopped.code).toBe(TRY_LATER);
      expect(stopped.stderr).toMatch(/SF_API_LIMIT.*403 REQUEST_LIMIT_EXCEEDED.*daily API request limit is reached/);
      expect(productCount(org)).toBe(0);

      org.sandbox.faults.configure({ dailyApiLimit: null });
      const next = await syncWith(org, config, 1);

      expect(next.code).toBe(0);
      expect(runResults(org.statePath)).toEqual(['stopped_api_limit', 'ok']);
      expect(productRecords(org)).toEqual(reference.records);
    });

    it('given an allowance that runs out on the last collection call, when the writes are refused half-way, then sync exits 75 with some records written, and the next run writes the rest once', async () => {
      // The reference run's last call is its last collection; this org refuses exactly that one.
      org = await startDemoOrg({ faults: { dailyApiLimit: reference.total - 1 } });
      const config = configWith(org, { pageSize: SMALL_PAGE, maxApiUsage: 1 });

      const stopped = await syncWith(org, config, 0);

      expect(stopped.code).toBe(TRY_LATER);
      expect(stopped.stderr).toMatch(
        /SF_API_LIMIT\]: Writing Task failed: Salesforce answered HTTP 403 REQUEST_LIMIT_EXCEEDED/,
      );
      const written = productCount(org);
      expect(written).toBeGreaterThan(0);
      expect(written).toBeLessThan(reference.records.length);

      org.sandbox.faults.configure({ dailyApiLimit: null });
      const next = await syncWith(org, config, 1);

      expect(next.code).toBe(0);
      expect(next.report?.writes?.created).toBe(reference.records.length - written);
      expect(duplicateKeys(org)).toEqual([]);
      expect(productRecords(org)).toEqual(reference.records);
    });
  });

  it('given a request that stalls until the org drops its connection, when sync runs, then that request is retried and the run succeeds', async () => {
    const { org, config } = await seededOrg();
    afterCalls(org, 30, () => org.sandbox.faults.configure({ stallRequests: 1, stallMs: 200 }));

    const run = await syncWith(org, config, 0);

    expect(run.code).toBe(0);
    expect(org.sandbox.faults.settings().stallRequests).toBe(0);
    expect(retriesLogged(run.stderr)).toHaveLength(1);
    expect(productRecords(org)).toEqual(reference.records);
  });

  it('given the login request stalls until the org drops its connection, when sync starts, then the login is retried and the run succeeds', async () => {
    const { org, config } = await seededOrg({ faults: { stallRequests: 1, stallMs: 200 } });

    const run = await syncWith(org, config, 0);

    expect(run.code).toBe(0);
    expect(retriesLogged(run.stderr)).toHaveLength(1);
    expect(productRecords(org)).toEqual(reference.records);
  });

  describe('a request the org never answers nor drops (the session below the CLI, its timeout shortened)', () => {
    it('given a stalled query page, when the request timeout passes, then the request is abandoned and retried, and the read completes with every record once', async () => {
      org = await startDemoOrg();
      const retries: RetryEvent[] = [];
      const session = await openSalesforceSession(
        { salesforce: { apiVersion: '62.0', auth: { env: DEFAULT_ENV_NAMES } }, maxApiUsage: 0.8 },
        { env: org.env, timeouts: { requestMs: 300 }, onRetry: (event) => retries.push(event) },
      );
      try {
        afterCalls(org, 2, () => org?.sandbox.faults.configure({ stallRequests: 1, stallMs: null }));
        const ids: string[] = [];
        const read = session.reader.readIncremental({
          object: 'Lead',
          fields: ['Status'],
          since: null,
          backfillFrom: 0,
          until: Date.parse(runAt(0)),
          pageSize: SMALL_PAGE,
          bulkThreshold: 1_000_000,
        });
        for await (const page of read) ids.push(...page.records.map((record) => String(record.Id)));

        expect(retries).toHaveLength(1);
        expect(String(retries[0]?.error)).toContain('REQUEST_TIMEOUT');
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(org.sandbox.seeded?.records.Lead);
      } finally {
        await session.close();
      }
    });
  });
});
