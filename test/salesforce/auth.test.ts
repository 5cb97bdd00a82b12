import { generateKeyPairSync, verify } from 'node:crypto';
import nock from 'nock';
import type { IncrementalReadRequest } from '../../src/sync/ports';
import type { AuthMethod } from '../../src/salesforce/credentials';
import type { SalesforceSession } from '../../src/salesforce/session';
import { openSalesforceSession } from '../../src/salesforce/session';
import {
  API,
  INSTANCE,
  LIMIT_HEADER,
  LOGIN,
  collect,
  failureOf,
  instantTiming,
  openTokenSession,
  queryResult,
  salesforceSettings,
  taskRecords,
} from './support';
import { useNock } from './use-nock';

useNock();

const NOW = Date.UTC(2026, 10, 26, 9, 30, 0);
const CLIENT_ID = '3MVG9-consumer-key';
const CLIENT_SECRET = 'super-secret-consumer-secret-4242';
const USERNAME = 'integration@dealer.example';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

const READ: IncrementalReadRequest = {
  object: 'Task',
  fields: ['OwnerId'],
  since: Date.UTC(2026, 10, 25),
  backfillFrom: Date.UTC(2026, 7, 28),
  until: NOW,
  pageSize: 2000,
  bulkThreshold: 100_000,
};

function tokenResponse(accessToken: string): Record<string, string> {
  return {
    access_token: accessToken,
    instance_url: INSTANCE,
    id: `${LOGIN}/id/00D000000000001AAA/005000000000001AAA`,
    token_type: 'Bearer',
    issued_at: String(NOW),
  };
}

type TokenRequest = Record<string, string>;

/** The token endpoint: answers each grant with the next token and records the form it got. */
function tokenEndpoint(tokens: readonly string[]): TokenRequest[] {
  const seen: TokenRequest[] = [];
  nock(LOGIN)
    .post('/services/oauth2/token')
    .times(tokens.length)
    .reply((_uri, body) => {
      // nock hands a form-encoded body over as the raw string.
      seen.push(Object.fromEntries(new URLSearchParams(body as string)));
      return [200, tokenResponse(tokens[seen.length - 1] ?? 'none')];
    });
  return seen;
}

/** A two-page read whose second page first answers 401, as when a token expires mid-pagination. */
function pagesWithExpiryOnSecond(renewedToken: string): { authorizations: string[] } {
  const authorizations: string[] = [];
  const all = taskRecords(4);
  const next = `${API}/query/01gRO0000016PIAYA2-2`;
  nock(INSTANCE)
    .get(`${API}/queryAll`)
    .query(true)
    .reply(function () {
      authorizations.push(String(this.req.headers.authorization));
      return [200, queryResult(all.slice(0, 2), next), LIMIT_HEADER];
    });
  nock(INSTANCE)
    .get(next)
    .times(2)
    .reply(function () {
      const authorization = String(this.req.headers.authorization);
      authorizations.push(authorization);
      return authorization === `Bearer ${renewedToken}`
        ? [200, queryResult(all.slice(2)), LIMIT_HEADER]
        : [
            401,
            [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
            { 'WWW-Authenticate': 'Token' },
          ];
    });
  return { authorizations };
}

async function open(method: AuthMethod, env: Record<string, string>): Promise<SalesforceSession> {
  return openSalesforceSession(
    { salesforce: { ...salesforceSettings({ method }), loginUrl: LOGIN }, maxApiUsage: 0.8 },
    { env, timing: instantTiming(), now: () => NOW, readFile: () => Promise.resolve(PRIVATE_PEM) },
  );
}

const clientCredentialsEnv = { SF_CLIENT_ID: CLIENT_ID, SF_CLIENT_SECRET: CLIENT_SECRET };
const jwtEnv = { SF_CLIENT_ID: CLIENT_ID, SF_USERNAME: USERNAME, SF_JWT_KEY_FILE: '/secrets/server.key' };

describe('OAuth client credentials', () => {
  it('given a client id and secret, then it logs in with the client_credentials grant and uses the instance it returns', async () => {
    const grants = tokenEndpoint(['token-one']);
    nock(INSTANCE, { reqheaders: { authorization: 'Bearer token-one' } })
      .get(API)
      .reply(200, {}, LIMIT_HEADER);

    const session = await open('clientCredentials', clientCredentialsEnv);
    await session.preflight();

    expect(grants).toEqual([{ grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: CLIENT_SECRET }]);
    expect(session.instanceUrl).toBe(INSTANCE);
  });

  it('given the session expires mid-pagination, then it logs in again once and replays the page', async () => {
    const grants = tokenEndpoint(['token-one', 'token-two']);
    const { authorizations } = pagesWithExpiryOnSecond('token-two');
    const session = await open('clientCredentials', clientCredentialsEnv);

    const pages = await collect(session.reader.readIncremental(READ));

    expect(pages.flatMap((p) => p.records.map((r) => r.Id))).toEqual(taskRecords(4).map((r) => r.Id));
    expect(grants).toHaveLength(2);
    expect(authorizations).toEqual(['Bearer token-one', 'Bearer token-one', 'Bearer token-two']);
  });

  it('given the renewed session is refused too, then it stops with SF_SESSION_EXPIRED after one renewal', async () => {
    const grants = tokenEndpoint(['token-one', 'token-two', 'token-three']);
    nock(INSTANCE)
      .get(API)
      .times(3)
      .reply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const session = await open('clientCredentials', clientCredentialsEnv);

    const error = await failureOf(session.preflight());

    expect(error).toMatchObject({ code: 'SF_SESSION_EXPIRED', exitCode: 1 });
    expect(grants).toHaveLength(2);
    expect(session.calls().other).toBe(2);
  });

  it('given a wrong secret, then the login fails with SF_AUTH_FAILED and no secret appears in the error', async () => {
    nock(LOGIN)
      .post('/services/oauth2/token')
      .reply(400, { error: 'invalid_client', error_description: `invalid client credentials ${CLIENT_SECRET}` });

    const error = await failureOf(open('clientCredentials', clientCredentialsEnv));

    expect(error).toMatchObject({ code: 'SF_AUTH_FAILED', exitCode: 1 });
    expect(String(error.message)).toContain('invalid_client');
    expect(JSON.stringify(error)).not.toContain(CLIENT_SECRET);
    expect(String(error.message)).not.toContain(CLIENT_SECRET);
    expect(String(error.stack)).not.toContain(CLIENT_SECRET);
    expect(String((error.cause as Error | undefined)?.message)).not.toContain(CLIENT_SECRET);
  });
});

describe('JWT bearer', () => {
  function decode(assertion: string): { header: unknown; claims: Record<string, unknown>; valid: boolean } {
    const [header = '', payload = '', signature = ''] = assertion.split('.');
    return {
      header: JSON.parse(Buffer.from(header, 'base64url').toString()),
      claims: JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>,
      valid: verify('sha256', Buffer.from(`${header}.${payload}`), publicKey, Buffer.from(signature, 'base64url')),
    };
  }

  it('given a key file, then it sends an RS256 assertion (iss, sub, aud, exp in seconds) that verifies with the public key', async () => {
    const grants = tokenEndpoint(['jwt-token']);
    nock(INSTANCE, { reqheaders: { authorization: 'Bearer jwt-token' } })
      .get(API)
      .reply(200, {}, LIMIT_HEADER);

    const session = await open('jwt', jwtEnv);
    await session.preflight();

    const [grant] = grants;
    expect(grant?.grant_type).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    expect(grant).not.toHaveProperty('client_id');
    const { header, claims, valid } = decode(grant?.assertion ?? '');
    expect(valid).toBe(true);
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(claims).toEqual({ iss: CLIENT_ID, sub: USERNAME, aud: LOGIN, exp: NOW / 1000 + 180 });
  });

  it('given the session expires mid-pagination, then a fresh assertion is signed and the page replayed', async () => {
    const grants = tokenEndpoint(['jwt-one', 'jwt-two']);
    const { authorizations } = pagesWithExpiryOnSecond('jwt-two');
    const session = await open('jwt', jwtEnv);

    const pages = await collect(session.reader.readIncremental(READ));

    expect(pages.map((p) => p.records.length)).toEqual([2, 2]);
    expect(grants.map((g) => decode(g.assertion ?? '').valid)).toEqual([true, true]);
    expect(authorizations.at(-1)).toBe('Bearer jwt-two');
  });

  it('given a key file that is not a private key, then it is a config error naming the variable', async () => {
    const error = await failureOf(
      openSalesforceSession(
        { salesforce: { ...salesforceSettings({ method: 'jwt' }), loginUrl: LOGIN }, maxApiUsage: 0.8 },
        { env: jwtEnv, timing: instantTiming(), readFile: () => Promise.resolve('not a key') },
      ),
    );

    expect(error).toMatchObject({ code: 'SF_AUTH_INVALID', exitCode: 2 });
    expect(String(error.message)).toContain('SF_JWT_KEY_FILE');
    expect(String(error.message)).not.toContain('not a key');
  });

  it('given a key file that cannot be read, then it is a config error naming the variable', async () => {
    const error = await failureOf(
      openSalesforceSession(
        { salesforce: { ...salesforceSettings({ method: 'jwt' }), loginUrl: LOGIN }, maxApiUsage: 0.8 },
        { env: { ...jwtEnv, SF_JWT_KEY_FILE: '/nonexistent/server.key' }, timing: instantTiming() },
      ),
    );

    expect(error).toMatchObject({ code: 'SF_AUTH_INVALID', exitCode: 2 });
  });
});

describe('access token', () => {
  it('given the token expires, then the run ends with SF_SESSION_EXPIRED saying how to get a new one, without the token', async () => {
    nock(INSTANCE)
      .get(API)
      .reply(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const { session } = await openTokenSession();

    const error = await failureOf(session.preflight());

    expect(error).toMatchObject({ code: 'SF_SESSION_EXPIRED', exitCode: 1 });
    expect((error.actions as string[]).join(' ')).toContain('SF_ACCESS_TOKEN');
    expect(JSON.stringify(error)).not.toContain('test-access-token');
    expect(String(error.message)).not.toContain('test-access-token');
  });
});
