/**
 * A Bulk API 2.0 query job: create, poll until complete, then fetch the result pages one at a
 * time by `Sforce-Locator` until Salesforce sends the literal string `null`.
 *
 * Written on the adapter's HTTP client rather than jsforce's `conn.bulk2.query()`, because
 * jsforce's (3.10.16, lib/api/bulk2.js) builds its own HttpApi with no request options, so
 * jsforce's built-in retry cannot be turned off per request and would stack on this adapter's;
 * its requests bypass `conn.request()`, so they are neither counted nor read for
 * Sforce-Limit-Info; it fetches every result page before handing back the first record; and it
 * deletes the job after a polling timeout although it means not to.
 */
import { CoachError, ExitCode } from '../lib/errors';
import type { SalesforceHttp, SalesforceResponse } from './http-client';

/** Time between two status checks of a running job. */
export const BULK_POLL_INTERVAL_MS = 2_000;
/** A backfill job may take long on a big org; beyond this the run stops and can be re-run. */
export const BULK_POLL_TIMEOUT_MS = 30 * 60_000;

export interface BulkTiming {
  sleep(ms: number): Promise<void>;
  now(): number;
}

export interface BulkQueryOptions {
  /** `queryAll`: include deleted and archived rows. */
  scanAll: boolean;
  /** Rows per results page (`maxRecords`), which bounds the CSV held at once; Salesforce picks if absent. */
  maxRecords?: number;
  /** Runs before each results page is requested (the API budget guard). */
  beforePage?: () => void;
  pollIntervalMs?: number;
  pollTimeoutMs?: number;
}

const JOB_ID = /^[A-Za-z0-9]{15,18}$/;
/** Salesforce's "no more pages" value of Sforce-Locator: the string `null`, not an absent header. */
const LAST_PAGE_LOCATOR = 'null';

/** What is known of a created job: whether it has ended (complete, failed or aborted). */
interface JobProgress {
  id: string;
  ended: boolean;
}

function jobField(body: unknown, key: string): string | null {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : null;
}

export class BulkQueryClient {
  constructor(
    private readonly http: SalesforceHttp,
    private readonly timing: BulkTiming,
  ) {}

  /**
   * Runs `soql` as a Bulk 2.0 query job and yields each result page's CSV text. A job that fails,
   * times out, or whose pages are not all read (the consumer stopped, a request failed) is
   * aborted if still running and deleted, so that nothing keeps running for a read given up.
   */
  async *run(soql: string, options: BulkQueryOptions): AsyncGenerator<string> {
    const created = await this.http.send<unknown>('bulk', {
      method: 'POST',
      path: '/jobs/query',
      body: {
        operation: options.scanAll ? 'queryAll' : 'query',
        query: soql,
        contentType: 'CSV',
        columnDelimiter: 'COMMA',
        lineEnding: 'LF',
      },
    });
    const jobId = jobField(created.body, 'id');
    if (jobId === null || !JOB_ID.test(jobId))
      throw jobError('SF_BAD_RESPONSE', 'Salesforce created a Bulk query job without a valid id.');
    const job: JobProgress = { id: jobId, ended: false };
    let allRead = false;
    try {
      await this.waitForCompletion(job, options);
      yield* this.results(jobId, options);
      allRead = true;
    } finally {
      if (!allRead) await this.discard(job);
    }
  }

  private async *results(jobId: string, options: BulkQueryOptions): AsyncGenerator<string> {
    let locator: string | null = null;
    do {
      options.beforePage?.();
      const page: SalesforceResponse<string> = await this.http.send<string>('bulk', {
        method: 'GET',
        path: resultsPath(jobId, locator, options.maxRecords),
        responseType: 'text',
      });
      const next = page.headers['sforce-locator'];
      // jsforce loops forever when the header is missing; here a missing header ends the results.
      locator = next === undefined || next === '' || next === LAST_PAGE_LOCATOR ? null : next;
      yield typeof page.body === 'string' ? page.body : '';
    } while (locator !== null);
  }

  private async waitForCompletion(job: JobProgress, options: BulkQueryOptions): Promise<void> {
    const interval = options.pollIntervalMs ?? BULK_POLL_INTERVAL_MS;
    const deadline = this.timing.now() + (options.pollTimeoutMs ?? BULK_POLL_TIMEOUT_MS);
    for (;;) {
      const status = await this.http.send<unknown>('bulk', { method: 'GET', path: `/jobs/query/${job.id}` });
      const state = jobField(status.body, 'state');
      job.ended = state === 'JobComplete' || state === 'Failed' || state === 'Aborted';
      if (state === 'JobComplete') return;
      if (job.ended) {
        const reason = jobField(status.body, 'errorMessage');
        throw jobError(
          'SF_BULK_JOB_FAILED',
          `Bulk query job ${job.id} ended ${String(state)}${reason === null ? '' : `: ${reason}`}.`,
        );
      }
      if (this.timing.now() >= deadline) {
        throw new CoachError({
          code: 'SF_BULK_TIMEOUT',
          message: `Bulk query job ${job.id} did not complete within ${Math.round((options.pollTimeoutMs ?? BULK_POLL_TIMEOUT_MS) / 60_000)} minutes.`,
          actions: ['Run again later; what was read before this job is kept, and the read goes on from there.'],
          exitCode: ExitCode.tryLater,
          retryable: true,
        });
      }
      await this.timing.sleep(interval);
    }
  }

  /**
   * Best effort, and never the error the run reports: an abandoned job would only use
   * Salesforce's resources until it expires. A running job must be aborted before Salesforce
   * lets it be deleted.
   */
  private async discard(job: JobProgress): Promise<void> {
    const path = `/jobs/query/${job.id}`;
    if (!job.ended)
      await this.http.send('bulk', { method: 'PATCH', path, body: { state: 'Aborted' } }).catch(() => undefined);
    await this.http.send('bulk', { method: 'DELETE', path }).catch(() => undefined);
  }
}

function resultsPath(jobId: string, locator: string | null, maxRecords: number | undefined): string {
  const params = new URLSearchParams();
  if (locator !== null) params.set('locator', locator);
  if (maxRecords !== undefined) params.set('maxRecords', String(maxRecords));
  const query = params.toString();
  return `/jobs/query/${jobId}/results${query === '' ? '' : `?${query}`}`;
}

function jobError(code: string, message: string): CoachError {
  return new CoachError({
    code,
    message,
    actions: [
      'Run again; if it persists, check the job in Setup > Bulk Data Load Jobs, or raise sync.bulkThreshold to read through the REST API instead.',
    ],
  });
}
