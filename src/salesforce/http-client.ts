/**
 * Every HTTP request the adapter sends to the org goes through here: jsforce's HttpApi (bearer
 * token, session refresh and replay, error parsing) with jsforce's own retry turned off, and
 * around it this adapter's retry policy, call counting and API-usage reading.
 *
 * Why HttpApi and not `conn.request()`: conn.request() returns only the body, and the adapter
 * needs the status (jsforce's errors do not carry it, yet the error policy keys on it) and the
 * headers (Sforce-Limit-Info, Bulk's Sforce-Locator, Retry-After). conn.request() is itself a
 * thin wrapper that builds the same HttpApi.
 */
import type { Connection, HttpRequest, HttpRequestOptions, HttpResponse } from '@jsforce/jsforce-node';
import { HttpApi } from '@jsforce/jsforce-node/lib/http-api';
import { CoachError } from '../lib/errors';
import type { ApiBudget, CallKind } from './api-budget';
import { classifyFailure, SalesforceRequestError } from './error-policy';
import type { ObservedResponse } from './request-error';
import { describeFailure } from './request-error';
import type { BackoffSettings, RetryDecision, RetryEvent, RetryTiming } from './retry';
import { DEFAULT_BACKOFF, withRetry } from './retry';

/**
 * Turns jsforce's built-in retry off for one request. `maxRetries: 0` alone is not enough:
 * jsforce retries a 420 up to twice regardless of maxRetries; an empty `methods` list is
 * checked first and stops every retry (read in lib/request.js of @jsforce/jsforce-node 3.10.16).
 * The module-level `setDefaults()` of lib/request is not used: it replaces jsforce's defaults
 * wholesale (dropping followRedirect and the proxy settings) for every connection in the process.
 */
export const JSFORCE_RETRY_OFF: NonNullable<HttpRequestOptions['retry']> = { maxRetries: 0, methods: [] };

/** Salesforce ends any API call after 10 minutes; waiting longer than that only hangs a run. */
export const REQUEST_TIMEOUT_MS = 11 * 60_000;

export interface SalesforceRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Under the versioned base (`/sobjects/Task/describe`) or the instance (`/services/data/v62.0/query/…`). */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Readonly<Record<string, string>>;
  /** `text` returns the body unparsed (Bulk API CSV); default parses by content type. */
  responseType?: 'text';
}

export interface SalesforceResponse<T> {
  status: number;
  headers: Readonly<Record<string, string | undefined>>;
  body: T;
}

/** What the client needs to know about re-authentication (see connect.ts). */
export interface SessionState {
  /** Called after every successful response: a later expiry may be re-authenticated again. */
  noteSuccess(): void;
  /** Why re-authentication failed, once it has. */
  failure(): CoachError | null;
}

export interface SalesforceHttpOptions {
  connection: Connection;
  budget: ApiBudget;
  session: SessionState;
  timing: RetryTiming;
  backoff?: BackoffSettings;
  /** How long a request may go unanswered before it is abandoned (and retried); REQUEST_TIMEOUT_MS by default. */
  requestTimeoutMs?: number;
  onRetry?: (event: RetryEvent) => void;
}

export class SalesforceHttp {
  private closed = false;

  constructor(private readonly options: SalesforceHttpOptions) {}

  /** After this every request fails with SF_SESSION_CLOSED: a closed session sends nothing. */
  close(): void {
    this.closed = true;
  }

  get apiVersion(): string {
    return this.options.connection.version;
  }

  get instanceUrl(): string {
    return this.options.connection.instanceUrl;
  }

  /** Sends one request, retrying per the error policy; throws SalesforceRequestError or CoachError. */
  async send<T>(kind: CallKind, request: SalesforceRequest): Promise<SalesforceResponse<T>> {
    if (this.closed)
      throw new CoachError({
        code: 'SF_SESSION_CLOSED',
        message: 'The Salesforce session was closed; open a new one.',
      });
    return withRetry(
      (attempt) => this.sendOnce<T>(kind, request, attempt),
      decideRetry,
      this.options.timing,
      this.options.backoff ?? DEFAULT_BACKOFF,
      this.options.onRetry,
    );
  }

  private url(path: string): string {
    if (!path.startsWith('/')) throw new Error(`Request paths are relative to the org; got ${path}`);
    const instance = this.options.connection.instanceUrl;
    return path.startsWith('/services/')
      ? `${instance}${path}`
      : `${instance}/services/data/v${this.apiVersion}${path}`;
  }

  private async sendOnce<T>(
    kind: CallKind,
    request: SalesforceRequest,
    attempt: number,
  ): Promise<SalesforceResponse<T>> {
    const { connection, budget, session } = this.options;
    const api = new HttpApi(connection, {
      retry: JSFORCE_RETRY_OFF,
      timeout: this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
      ...(request.responseType === 'text' ? { responseType: 'text/plain' } : {}),
    });
    // The last response of this request (jsforce replays it after a re-auth, so there may be two).
    const seen: { response: ObservedResponse | null } = { response: null };
    api.on('request', () => {
      seen.response = null;
      budget.count(kind);
    });
    api.on('response', (response: HttpResponse) => {
      seen.response = { statusCode: response.statusCode, headers: response.headers };
      budget.observe(response.headers['sforce-limit-info']);
    });
    const httpRequest: HttpRequest = {
      method: request.method,
      url: this.url(request.path),
      headers: {
        ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...request.headers,
      },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
    };
    try {
      const body = await api.request<T>(httpRequest);
      session.noteSuccess();
      return { status: seen.response?.statusCode ?? 200, headers: seen.response?.headers ?? {}, body };
    } catch (error) {
      const { response } = seen;
      // jsforce reports a failed refresh as a plain Error after the 401; the session knows why.
      const authFailure = session.failure();
      if (authFailure !== null && response?.statusCode === 401) throw authFailure;
      const failure = describeFailure(error, response);
      throw new SalesforceRequestError(failure, classifyFailure(failure), attempt, error);
    }
  }
}

/** Whether a failed request (a SalesforceRequestError) is worth another attempt, per the error policy. */
export function decideRetry(error: unknown, attempt: number): RetryDecision {
  if (!(error instanceof SalesforceRequestError)) return { retry: false };
  const { classification, failure } = error;
  const retryable = classification.action === 'retry' || classification.action === 'retryItem';
  if (!retryable || (classification.maxRetries !== undefined && attempt > classification.maxRetries))
    return { retry: false };
  return failure.retryAfterMs === null ? { retry: true } : { retry: true, minDelayMs: failure.retryAfterMs };
}
