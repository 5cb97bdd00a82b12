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
import type { SalesforceHttp } from './http-client';

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
  pollIntervalMs?: number;
  pollTimeoutMs?: number;
}

const JOB_ID = /^[A-Za-z0-9]{15,18}$/;
/** Salesforce's "no more pages" value of Sforce-Locator: the string `null`, not an absent header. */
const LAST_PAGE_LOCATOR = 'null';

function jobField(body: unknown, key: string): string | null {
  const value = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : null;
}

export class BulkQueryClient {
  constructor(
    private readonly http: SalesforceHttp,
    private readonly timing: BulkTiming,
  ) {}

  /** Runs `soql` as a Bulk 2.0 query job and yields each result page's CSV text. */
  async *run(soql: string, options: BulkQueryOptions): AsyncGenerator<string> {
    const created = await this.http.send<unknown>('bulk', {
      method: 'POST',
      path: '/jobs/query',
      body: { operation: options.scanAll ? 'queryAll' : 'query', query: soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' },
    });
    const jobId = jobField(created.body, 'id');
    if (jobId === null || !JOB_ID.test(jobId)) throw jobError('SF_BAD_RESPONSE', 'Salesforce created a Bulk query job without a valid id.');
    await this.waitForCompletion(jobId, options);
    let locator: string | null = null;
    do {
      const query: string = locator === null ? '' : `?locator=${encodeURIComponent(locator)}`;
      const page = await this.http.send<string>('bulk', { method: 'GET', path: `/jobs/query/${jobId}/results${query}`, responseType: 'text' });
      yield typeof page.body === 'string' ? page.body : '';
      const next = page.headers['sforce-locator'];
      // jsforce loops forever when the header is missing; here a missing header ends the results.
      locator = next === undefined || next === '' || next === LAST_PAGE_LOCATOR ? null : next;
    } while (locator !== null);
  }

  private async waitForCompletion(jobId: string, options: BulkQueryOptions): Promise<void> {
    const interval = options.pollIntervalMs ?? BULK_POLL_INTERVAL_MS;
    const deadline = this.timing.now() + (options.pollTimeoutMs ?? BULK_POLL_TIMEOUT_MS);
    for (;;) {
      const status = await this.http.send<unknown>('bulk', { method: 'GET', path: `/jobs/query/${jobId}` });
      const state = jobField(status.body, 'state');
      if (state === 'JobComplete') return;
      if (state === 'Failed' || state === 'Aborted') {
        const reason = jobField(status.body, 'errorMessage');
        throw jobError('SF_BULK_JOB_FAILED', `Bulk query job ${jobId} ended ${state}${reason === null ? '' : `: ${reason}`}.`);
      }
      if (this.timing.now() >= deadline) {
        await this.abort(jobId);
        throw new CoachError({
          code: 'SF_BULK_TIMEOUT',
          message: `Bulk query job ${jobId} did not complete within ${Math.round((options.pollTimeoutMs ?? BULK_POLL_TIMEOUT_MS) / 60_000)} minutes.`,
          actions: ['Run again later; nothing of this read was stored, so the backfill restarts.'],
          exitCode: ExitCode.tryLater,
          retryable: true,
        });
      }
      await this.timing.sleep(interval);
    }
  }

  /** Best effort: an abandoned job would only use Salesforce's resources until it expires. */
  private async abort(jobId: string): Promise<void> {
    await this.http.send('bulk', { method: 'PATCH', path: `/jobs/query/${jobId}`, body: { state: 'Aborted' } }).catch(() => undefined);
  }
}

function jobError(code: string, message: string): CoachError {
  return new CoachError({ code, message, actions: ['Run again; if it persists, check the job in Setup > Bulk Data Load Jobs, or raise sync.bulkThreshold to read through the REST API instead.'] });
}
