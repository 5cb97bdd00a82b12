/**
 * The login itself meets the same weather as every other request: a 503 burst or a dropped
 * connection at the token endpoint is retried with backoff, a token endpoint that never answers
 * is given up on after the login timeout, and only a real refusal fails at once.
 */
import nock from 'nock';
import { openSalesforceSession, type SalesforceSession } from '../../src/salesforce/session';
import {
  API,
  INSTANCE,
  LIMIT_HEADER,
  LOGIN,
  failureOf,
  instantTiming,
  type InstantTiming,
  salesforceSettings,
} from './support';
import { useNock } from './use-nock';

useNock();

const ENV = { SF_CLIENT_ID: '3MVG9-consumer-key', SF_CLIENT_SECRET: 'consumer-secret-4242' };
const TOKEN_PATH = '/services/oauth2/token';
const TOKEN = {
  access_token: 'token-one',
  instance_url: INSTANCE,
  id: `${LOGIN}/id/00D000000000001AAA/005000000000001AAA`,
  token_type: 'Bearer',
};
const UNAVAILABLE = [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Server temporarily unavailable' }];

function open(timing: InstantTiming, timeouts?: { loginMs: number }): Promise<SalesforceSession> {
  return openSalesforceSession(
    { salesforce: { ...salesforceSettings({ method: 'clientCredentials' }), loginUrl: LOGIN }, maxApiUsage: 0.8 },
    { env: ENV, timing, ...(timeouts ? { timeouts } : {}) },
  );
}

/** The token endpoint answers with `replies` in turn; returns how many grants it got. */
function tokenEndpoint(...replies: Array<[number, unknown]>): { grants: () => number } {
  let grants = 0;
  for (const [status, body] of replies) {
    nock(LOGIN)
      .post(TOKEN_PATH)
      .reply(() => {
        grants += 1;
        return [status, body];
      });
  }
  return { grants: () => grants };
}

describe('logging in when the token endpoint misbehaves', () => {
  it('given two 503s (Salesforce error arrays) and then a token, when a session opens, then it retries with backoff and logs in', async () => {
    const endpoint = tokenEndpoint([503, UNAVAILABLE], [503, UNAVAILABLE], [200, TOKEN]);
    nock(INSTANCE, { reqheaders: { authorization: 'Bearer token-one' } })
      .get(API)
      .reply(200, {}, LIMIT_HEADER);
    const timing = instantTiming();

    const session = await open(timing);
    await session.preflight();

    expect(endpoint.grants()).toBe(3);
    expect(timing.sleeps).toHaveLength(2);
  });

  it('given a dropped connection and then a token, when a session opens, then it retries and logs in', async () => {
    // nock 14 hangs on replyWithError({ code, message }); an Error instance works.
    nock(LOGIN)
      .post(TOKEN_PATH)
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const endpoint = tokenEndpoint([200, TOKEN]);
    const timing = instantTiming();

    await open(timing);

    expect(endpoint.grants()).toBe(1);
    expect(timing.sleeps).toHaveLength(1);
  });

  it('given a token endpoint that does not answer within the login timeout, when a session opens, then the attempt is abandoned and the next one logs in', async () => {
    nock(LOGIN).post(TOKEN_PATH).delay(500).reply(200, TOKEN);
    const endpoint = tokenEndpoint([200, TOKEN]);
    const timing = instantTiming();

    const started = Date.now();
    await open(timing, { loginMs: 50 });

    expect(Date.now() - started).toBeLessThan(400);
    expect(endpoint.grants()).toBe(1);
    expect(timing.sleeps).toHaveLength(1);
  });

  it('given 503 on every attempt, when a session opens, then it gives up with SF_UNAVAILABLE (exit 75, try later) after the retries', async () => {
    const endpoint = tokenEndpoint(...Array.from({ length: 6 }, (): [number, unknown] => [503, UNAVAILABLE]));

    const error = await failureOf(open(instantTiming()));

    expect(error).toMatchObject({ code: 'SF_UNAVAILABLE', exitCode: 75 });
    expect(String(error.message)).toMatch(/login service at .* is unavailable: it answered HTTP 503 after 6 attempts/);
    expect(endpoint.grants()).toBe(6);
  });

  it('given a refusal (400 invalid_client), when a session opens, then it fails at once with SF_AUTH_FAILED', async () => {
    const endpoint = tokenEndpoint(
      [400, { error: 'invalid_client', error_description: 'invalid client credentials' }],
      [200, TOKEN],
    );
    const timing = instantTiming();

    const error = await failureOf(open(timing));

    expect(error).toMatchObject({ code: 'SF_AUTH_FAILED', exitCode: 1 });
    expect(String(error.message)).toContain('invalid_client: invalid client credentials');
    expect(endpoint.grants()).toBe(1);
    expect(timing.sleeps).toEqual([]);
  });

  it('given a refusal whose body has no OAuth error name, then the message names the HTTP status, not "undefined"', async () => {
    tokenEndpoint([401, [{ errorCode: 'INVALID_AUTH', message: 'no' }]]);

    const error = await failureOf(open(instantTiming()));

    expect(error).toMatchObject({ code: 'SF_AUTH_FAILED' });
    expect(String(error.message)).toContain('login at http://127.0.0.1:8011: HTTP 401');
    expect(String(error.message)).not.toContain('undefined');
  });
});
