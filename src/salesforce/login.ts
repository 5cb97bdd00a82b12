/**
 * The token endpoint, treated like any other request. jsforce's OAuth2 sends a grant through a
 * plain Transport: it waits up to jsforce's 30-minute default for an answer, never retries a
 * POST, and throws an error without the HTTP status (a 503 with Salesforce's JSON error array
 * even becomes an Error named "undefined"). So a login that met a 503 burst failed the run as
 * "Salesforce refused the login", and one whose connection hung held the run for half an hour.
 *
 * Here the transport bounds the wait and remembers the answer's status and headers, and each
 * grant goes through the adapter's error policy and backoff: transient failures (5xx, 429,
 * socket errors, no answer in time) are retried; a refusal (bad secret, unknown user) is not.
 */
import type { HttpRequest, HttpRequestOptions, HttpResponse } from '@jsforce/jsforce-node';
import { Transport } from '@jsforce/jsforce-node/lib/transport';
import { classifyLoginFailure, SalesforceRequestError } from './error-policy';
import { decideRetry, JSFORCE_RETRY_OFF } from './http-client';
import { describeFailure, type ObservedResponse } from './request-error';
import { DEFAULT_BACKOFF, type RetryEvent, type RetryTiming, withRetry } from './retry';

/** A token endpoint answers in a second or two; one silent for this long will not answer. */
export const LOGIN_TIMEOUT_MS = 60_000;

/** jsforce's transport with a timeout, without jsforce's retry, keeping the last answer seen. */
export class LoginTransport extends Transport {
  private answer: ObservedResponse | null = null;

  constructor(private readonly timeoutMs: number = LOGIN_TIMEOUT_MS) {
    super();
  }

  /** Status and headers of the last answer; null when the last request got none. */
  get lastAnswer(): ObservedResponse | null {
    return this.answer;
  }

  override httpRequest(request: HttpRequest, options: HttpRequestOptions = {}): ReturnType<Transport['httpRequest']> {
    this.answer = null;
    const pending = super.httpRequest(request, { ...options, timeout: this.timeoutMs, retry: JSFORCE_RETRY_OFF });
    // Registered before jsforce awaits the answer, so the status is known by the time it throws.
    pending.then(
      (response: HttpResponse) => {
        this.answer = { statusCode: response.statusCode, headers: response.headers };
      },
      () => undefined,
    );
    return pending;
  }
}

/**
 * Runs a grant (`connection.authorize` or `oauth2.requestToken`) sent through `transport`,
 * retrying transient failures with backoff. Failures are thrown as SalesforceRequestErrors
 * (the original error as their cause), for `loginFailure` to describe.
 */
export function withLoginRetry<T>(
  grant: () => Promise<T>,
  transport: LoginTransport,
  timing: RetryTiming,
  onRetry?: (event: RetryEvent) => void,
): Promise<T> {
  return withRetry(
    async (attempt) => {
      try {
        return await grant();
      } catch (error) {
        const failure = describeFailure(error, transport.lastAnswer);
        throw new SalesforceRequestError(failure, classifyLoginFailure(failure), attempt, error);
      }
    },
    decideRetry,
    timing,
    DEFAULT_BACKOFF,
    onRetry,
  );
}
