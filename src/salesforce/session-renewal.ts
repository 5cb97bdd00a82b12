/**
 * Re-authentication when a session expires mid-run. jsforce does the mechanics: on a 401 it
 * calls the connection's `refreshFn`, shares one refresh among concurrent requests, and replays
 * the request with the new token (also a `nextRecordsUrl` page, which is just another request).
 * What jsforce does not do is stop: if the renewed token is refused too it refreshes again on
 * every replay, forever. The guard here allows one renewal until a request succeeds again, then
 * fails with SF_SESSION_EXPIRED; a run that lasts past several token lifetimes still renews each
 * time.
 */
import type { Connection, Schema } from '@jsforce/jsforce-node';
import type { SessionRefreshFunc } from '@jsforce/jsforce-node/lib/session-refresh-delegate';
import { CoachError, ExitCode } from '../lib/errors';
import type { SessionState } from './http-client';
import type { AuthMethod } from './credentials';
import { redact } from './credentials';
import { classifyLoginFailure, SalesforceRequestError } from './error-policy';
import { describeFailure, summariseFailure } from './request-error';

/** Renewals allowed between two successful requests. */
export const MAX_RENEWALS_WITHOUT_SUCCESS = 1;

/** Obtains a new access token (re-runs the grant). */
export type Grant = () => Promise<string>;

export class SessionRenewal implements SessionState {
  private renewalsSinceSuccess = 0;
  private lastFailure: CoachError | null = null;

  constructor(
    private readonly grant: Grant,
    private readonly describeGrantFailure: (error: unknown) => CoachError,
    private readonly expiredActions: readonly string[],
  ) {}

  /** The function to pass as jsforce's `refreshFn`. */
  readonly refreshFn: SessionRefreshFunc<Schema> = (_conn: Connection, callback) => {
    this.renew().then(
      (token) => void callback(null, token),
      (error: unknown) => void callback(error instanceof Error ? error : new Error(String(error))),
    );
  };

  noteSuccess(): void {
    this.renewalsSinceSuccess = 0;
    this.lastFailure = null;
  }

  failure(): CoachError | null {
    return this.lastFailure;
  }

  private async renew(): Promise<string> {
    if (this.renewalsSinceSuccess >= MAX_RENEWALS_WITHOUT_SUCCESS) {
      this.lastFailure = new CoachError({
        code: 'SF_SESSION_EXPIRED',
        message: 'Salesforce refused the session again right after the connector logged in anew.',
        actions: this.expiredActions,
      });
      throw this.lastFailure;
    }
    this.renewalsSinceSuccess += 1;
    try {
      return await this.grant();
    } catch (error) {
      this.lastFailure = this.describeGrantFailure(error);
      throw this.lastFailure;
    }
  }
}

/** For sessions that cannot be renewed (a bare access token): a 401 simply ends the run. */
export const NO_RENEWAL: SessionState = {
  noteSuccess: () => undefined,
  failure: () => null,
};

/**
 * A failed login (first one or renewal) as a CoachError. OAuth errors carry `error` as the
 * Error's name and `error_description` as its message (jsforce oauth2.ts); neither holds a
 * secret, but the text is scrubbed of the run's secrets anyway before it can reach a log.
 */
export function loginFailure(
  error: unknown,
  method: AuthMethod,
  loginUrl: string,
  secrets: readonly string[],
): CoachError {
  // Logins sent through withLoginRetry arrive classified, with the answer's status.
  const failure = error instanceof SalesforceRequestError ? error.failure : describeFailure(error, null);
  const original = error instanceof SalesforceRequestError && error.cause !== undefined ? error.cause : error;
  const attempts =
    error instanceof SalesforceRequestError ? ` after ${error.attempts} attempt${error.attempts === 1 ? '' : 's'}` : '';
  const transient = classifyLoginFailure(failure).action === 'retry';
  if (failure.transportCode !== null) {
    return new CoachError({
      code: transient ? 'SF_UNAVAILABLE' : 'SF_AUTH_INVALID',
      message: `Could not reach ${loginUrl} to log in (${failure.transportCode}${attempts}).`,
      actions: transient ? ['Run again later; checkpoints are kept.'] : [`Check the login URL: ${loginUrl}.`],
      exitCode: transient ? ExitCode.tryLater : ExitCode.usage,
      retryable: transient,
    });
  }
  if (transient) {
    return new CoachError({
      code: 'SF_UNAVAILABLE',
      message: `The login service at ${loginUrl} is unavailable: it answered ${summariseFailure(failure)}${attempts}.`,
      actions: ['Run again later; checkpoints are kept. Check https://status.salesforce.com if it persists.'],
      exitCode: ExitCode.tryLater,
      retryable: true,
    });
  }
  // jsforce names its OAuth errors after the body's `error`; a body without one leaves no name.
  const name =
    original instanceof Error && original.name
      ? original.name
      : failure.status === null
        ? 'error'
        : `HTTP ${failure.status}`;
  const description = original instanceof Error ? original.message : String(original);
  return new CoachError({
    code: 'SF_AUTH_FAILED',
    message: redact(
      `Salesforce refused the ${method} login at ${loginUrl}: ${name}${description ? `: ${description}` : ''}`,
      secrets,
    ),
    actions: loginActions(method, loginUrl),
  });
}

/** Salesforce's shared login hosts: the client credentials flow needs the org's own My Domain host instead. */
const SHARED_LOGIN_HOSTS = new Set(['login.salesforce.com', 'test.salesforce.com']);

/** What to check after a refused login; the My Domain advice only when a shared login host was used. */
function loginActions(method: AuthMethod, loginUrl: string): readonly string[] {
  const actions = LOGIN_ACTIONS[method];
  const host = URL.canParse(loginUrl) ? new URL(loginUrl).hostname : '';
  if (method !== 'clientCredentials' || !SHARED_LOGIN_HOSTS.has(host)) return actions;
  return [
    ...actions,
    `Log in at the org's My Domain URL (https://<domain>.my.salesforce.com); ${host} refuses this flow.`,
  ];
}

const LOGIN_ACTIONS: Readonly<Record<AuthMethod, readonly string[]>> = {
  accessToken: ['Get a new access token and set it in the environment.'],
  clientCredentials: [
    'Check the consumer key and secret of the connected app, and that the client credentials flow is enabled with a "Run As" user.',
  ],
  jwt: [
    'Check the consumer key, the username, and that the certificate of the private key is uploaded to the connected app.',
    'Make sure the integration user is pre-authorised for the app (profile or permission set under "Manage policies").',
  ],
  sfCli: ['Log in to the org again with `sf org login web --alias ALIAS` and re-run.'],
};
