/**
 * Logs in with resolved credentials and returns a jsforce Connection pinned to the configured
 * API version (jsforce defaults to 50.0), with the session renewal that fits the method:
 * - accessToken: none; a 401 ends the run with SF_SESSION_EXPIRED.
 * - clientCredentials / jwt: the grant is re-run once through jsforce's refreshFn.
 * - sfCli: @salesforce/core reads the org's stored auth (alias → username → AuthInfo) and its
 *   own refreshFn renews it (refresh token or JWT), under the same once-only guard.
 */
import { Connection } from '@jsforce/jsforce-node';
import { CoachError, ExitCode } from '../lib/errors';
import type { SessionState } from './http-client';
import type { Credentials, SalesforceEnvNames } from './credentials';
import { secretsOf, sessionActions } from './credentials';
import { JWT_BEARER_GRANT, parsePrivateKey, signJwtAssertion } from './jwt';
import { LoginTransport, withLoginRetry } from './login';
import type { RetryEvent, RetryTiming } from './retry';
import { loginFailure, NO_RENEWAL, SessionRenewal } from './session-renewal';

type SalesforceCore = typeof import('@salesforce/core');

export interface ConnectDeps {
  now(): number;
  readFile(path: string): Promise<string>;
  /**
   * Loads @salesforce/core, only for the sfCli method: it is heavy and touches ~/.sfdx and ~/.sf
   * when loaded, which the other methods have no reason to do.
   */
  loadSalesforceCore(): Promise<SalesforceCore>;
  /** Backoff between login attempts that failed transiently. */
  timing: RetryTiming;
  /** How long a token request may go unanswered (LOGIN_TIMEOUT_MS by default). */
  loginTimeoutMs?: number;
  onRetry?: (event: RetryEvent) => void;
}

export interface ConnectedOrg {
  connection: Connection;
  session: SessionState;
}

const CLIENT_CREDENTIALS_GRANT = 'client_credentials';

export async function connect(
  credentials: Credentials,
  apiVersion: string,
  envNames: SalesforceEnvNames,
  deps: ConnectDeps,
): Promise<ConnectedOrg> {
  switch (credentials.method) {
    case 'accessToken':
      return {
        connection: new Connection({
          instanceUrl: credentials.instanceUrl,
          accessToken: credentials.accessToken,
          version: apiVersion,
        }),
        session: NO_RENEWAL,
      };
    case 'clientCredentials':
      return connectWithGrant(credentials, apiVersion, envNames, deps, () => ({
        grant_type: CLIENT_CREDENTIALS_GRANT,
      }));
    case 'jwt': {
      const key = parsePrivateKey(
        await readKeyFile(credentials.keyFile, envNames.jwtKeyFile, deps),
        envNames.jwtKeyFile,
      );
      const claims = { clientId: credentials.clientId, username: credentials.username, audience: credentials.loginUrl };
      // A fresh assertion per grant: each one expires three minutes after it is signed.
      return connectWithGrant(credentials, apiVersion, envNames, deps, () => ({
        grant_type: JWT_BEARER_GRANT,
        assertion: signJwtAssertion(claims, key, deps.now()),
      }));
    }
    case 'sfCli':
      return connectWithSfCli(credentials.targetOrg, apiVersion, envNames, deps);
  }
}

async function readKeyFile(path: string, variable: string, deps: ConnectDeps): Promise<string> {
  try {
    return await deps.readFile(path);
  } catch {
    throw new CoachError({
      code: 'SF_AUTH_INVALID',
      message: `The private key file named by ${variable} (${path}) cannot be read.`,
      actions: [`Set ${variable} to the path of the private key that signs the JWT.`],
      exitCode: ExitCode.usage,
    });
  }
}

type GrantParams = { grant_type: string } & Record<string, string>;

async function connectWithGrant(
  credentials: Extract<Credentials, { method: 'clientCredentials' | 'jwt' }>,
  apiVersion: string,
  envNames: SalesforceEnvNames,
  deps: ConnectDeps,
  params: () => GrantParams,
): Promise<ConnectedOrg> {
  const secrets = secretsOf(credentials);
  const oauth2 =
    credentials.method === 'clientCredentials'
      ? { loginUrl: credentials.loginUrl, clientId: credentials.clientId, clientSecret: credentials.clientSecret }
      : // No clientId: jsforce would add client_id to the JWT grant, which the flow does not take.
        { loginUrl: credentials.loginUrl };
  const transport = new LoginTransport(deps.loginTimeoutMs);
  const withRetries = <T>(grant: () => Promise<T>): Promise<T> =>
    withLoginRetry(grant, transport, deps.timing, deps.onRetry);
  const renewal: SessionRenewal = new SessionRenewal(
    async () => (await withRetries(() => connection.oauth2.requestToken(params()))).access_token,
    (error) => loginFailure(error, credentials.method, credentials.loginUrl, secrets),
    sessionActions(credentials.method, envNames),
  );
  const connection: Connection = new Connection({
    loginUrl: credentials.loginUrl,
    oauth2,
    version: apiVersion,
    refreshFn: renewal.refreshFn,
  });
  connection.oauth2._transport = transport;
  try {
    await withRetries(() => connection.authorize(params()));
  } catch (error) {
    throw loginFailure(error, credentials.method, credentials.loginUrl, secrets);
  }
  return { connection, session: renewal };
}

/** sfdx-core's errors have stable names; this one means the alias or username is not authorised. */
const UNKNOWN_ORG_ERRORS = new Set(['NamedOrgNotFoundError', 'NoAuthInfoFound']);

async function connectWithSfCli(
  targetOrg: string,
  apiVersion: string,
  envNames: SalesforceEnvNames,
  deps: ConnectDeps,
): Promise<ConnectedOrg> {
  const core = await deps.loadSalesforceCore();
  let options: ReturnType<InstanceType<SalesforceCore['AuthInfo']>['getConnectionOptions']>;
  try {
    const aliases = (await core.StateAggregator.getInstance()).aliases;
    const authInfo = await core.AuthInfo.create({ username: aliases.resolveUsername(targetOrg) });
    options = authInfo.getConnectionOptions();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    throw new CoachError({
      code: UNKNOWN_ORG_ERRORS.has(name) ? 'SF_TARGET_ORG_UNKNOWN' : 'SF_AUTH_FAILED',
      message: `Could not use the sf CLI org "${targetOrg}": ${error instanceof Error ? error.message : String(error)}`,
      actions: [`Authorise it first: \`sf org login web --alias ${targetOrg}\`, then check it with \`sf org list\`.`],
      exitCode: UNKNOWN_ORG_ERRORS.has(name) ? ExitCode.usage : ExitCode.failure,
      cause: error,
    });
  }
  if (options.instanceUrl === undefined || options.accessToken === undefined) {
    // jsforce would otherwise fall back to https://login.salesforce.com: never guess an org.
    throw new CoachError({
      code: 'SF_AUTH_FAILED',
      message: `The sf CLI has no instance URL or access token stored for "${targetOrg}".`,
      actions: [`Authorise it again: \`sf org login web --alias ${targetOrg}\`.`],
    });
  }
  const base = { instanceUrl: options.instanceUrl, accessToken: options.accessToken, version: apiVersion };
  const sfRefresh = options.refreshFn;
  if (sfRefresh === undefined) return { connection: new Connection(base), session: NO_RENEWAL };
  const renewal: SessionRenewal = new SessionRenewal(
    () =>
      new Promise<string>((resolve, reject) => {
        // sfdx-core's refreshFn is bound to its AuthInfo and ignores the connection argument.
        void sfRefresh(connection as never, (error, accessToken) => {
          if (error) reject(error);
          else if (accessToken === undefined) reject(new Error('the sf CLI returned no access token'));
          else resolve(accessToken);
          return Promise.resolve();
        });
      }),
    (error) => loginFailure(error, 'sfCli', options.instanceUrl ?? targetOrg, []),
    sessionActions('sfCli', envNames),
  );
  const connection: Connection = new Connection({ ...base, refreshFn: renewal.refreshFn });
  return { connection, session: renewal };
}
