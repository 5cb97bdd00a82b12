import { Connection } from '@jsforce/jsforce-node';
import { setDefaults } from '@jsforce/jsforce-node/lib/request';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../../src/sandbox/server';

/**
 * Builders for sandbox tests: a sandbox on an ephemeral loopback port with a frozen clock, and
 * clients pointed at it the way the connector will be.
 */

export const API_VERSION = '62.0';
/** A fixed instant so dates in tests are stable. */
export const TEST_NOW = '2026-11-20T15:04:05.000Z';

// jsforce retries 5xx and network errors 5 times with backoff from 500 ms; keep tests quick.
setDefaults({ retry: { maxRetries: 2, minTimeout: 10, timeoutFactor: 1 } });

export function sandboxOptions(overrides: SandboxOptions = {}): SandboxOptions {
  return {
    port: 0,
    now: TEST_NOW,
    freezeClock: true,
    timeZone: 'America/Chicago',
    clientId: 'test-client',
    clientSecret: 'test-secret',
    ...overrides,
  };
}

export function startTestSandbox(overrides: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox(sandboxOptions(overrides));
}

/** A jsforce connection holding the sandbox's ready-made access token. */
export function connect(sandbox: RunningSandbox, accessToken = sandbox.accessToken): Connection {
  return new Connection({ instanceUrl: sandbox.url, loginUrl: sandbox.url, accessToken, version: API_VERSION });
}

/** Raw HTTP to the REST API with the sandbox's token. */
export function api(
  sandbox: RunningSandbox,
  path: string,
  init: RequestInit = {},
  token = sandbox.accessToken,
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization') && token) headers.set('authorization', `Bearer ${token}`);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetch(`${sandbox.url}/services/data/v${API_VERSION}${path}`, { ...init, headers });
}

/** Raw HTTP to the /__sandbox admin endpoints. */
export function admin(sandbox: RunningSandbox, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${sandbox.adminToken}`);
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return fetch(`${sandbox.url}/__sandbox${path}`, { ...init, headers });
}

export function soql(text: string): string {
  return `/query?q=${encodeURIComponent(text)}`;
}
