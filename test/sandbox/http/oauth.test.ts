import { type KeyObject, generateKeyPairSync, sign } from 'node:crypto';
import type { RunningSandbox } from '../../../src/sandbox/server';
import { api, startTestSandbox } from '../support/sandbox-fixture';

function tokenRequest(sandbox: RunningSandbox, form: Record<string, string>): Promise<Response> {
  return fetch(`${sandbox.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

function jwt(claims: Record<string, unknown>, key: KeyObject): string {
  const part = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256' })}.${part(claims)}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
}

describe('OAuth on the sandbox origin', () => {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const otherKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox({
      jwtPublicKey: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
  });
  afterAll(() => sandbox.close());

  it('given client credentials, then the token response has the shape of a real one and the token works', async () => {
    const res = await tokenRequest(sandbox, {
      grant_type: 'client_credentials',
      client_id: sandbox.clientId,
      client_secret: sandbox.clientSecret,
    });
    const token = (await res.json()) as Record<string, string>;
    expect(res.status).toBe(200);
    expect(Object.keys(token).sort()).toEqual([
      'access_token',
      'id',
      'instance_url',
      'issued_at',
      'scope',
      'signature',
      'token_type',
    ]);
    expect(token.access_token).toMatch(/^00D\w{12}!AQ[A-Za-z0-9]+$/);
    expect(token.id).toBe(`${sandbox.url}/id/${sandbox.org.orgId}/${sandbox.org.integrationUserId}`);
    expect([token.instance_url, token.token_type]).toEqual([sandbox.url, 'Bearer']);
    expect(token.issued_at).toBe(String(Date.parse('2026-11-20T15:04:05.000Z')));
    expect((await api(sandbox, '/limits', {}, token.access_token)).status).toBe(200);
  });

  it.each([
    [
      'an unknown client id',
      { client_id: 'nope', client_secret: 'test-secret' },
      'invalid_client_id',
      'client identifier invalid',
    ],
    [
      'a wrong secret',
      { client_id: 'test-client', client_secret: 'wrong' },
      'invalid_client',
      'invalid client credentials',
    ],
  ])('given %s, then 400 with the OAuth error body', async (_case, form, error, description) => {
    const res = await tokenRequest(sandbox, { grant_type: 'client_credentials', ...form });
    expect([res.status, await res.json()]).toEqual([400, { error, error_description: description }]);
  });

  it('given an unsupported grant, then unsupported_grant_type', async () => {
    expect(await (await tokenRequest(sandbox, { grant_type: 'authorization_code', code: 'x' })).json()).toEqual({
      error: 'unsupported_grant_type',
      error_description: 'grant type not supported',
    });
  });

  it('given the password grant, then a wrong password is an authentication failure', async () => {
    const form = {
      grant_type: 'password',
      client_id: sandbox.clientId,
      client_secret: sandbox.clientSecret,
      username: 'integration@execution-coach.sandbox',
    };
    expect((await tokenRequest(sandbox, { ...form, password: sandbox.userPassword })).status).toBe(200);
    expect(await (await tokenRequest(sandbox, { ...form, password: 'guess' })).json()).toEqual({
      error: 'invalid_grant',
      error_description: 'authentication failure',
    });
  });

  it('given the refresh token grant, then a new access token is issued and no refresh token', async () => {
    const res = await tokenRequest(sandbox, {
      grant_type: 'refresh_token',
      refresh_token: sandbox.refreshToken,
      client_id: sandbox.clientId,
    });
    const token = (await res.json()) as Record<string, string>;
    expect([res.status, token.refresh_token]).toEqual([200, undefined]);
    expect(token.access_token).not.toBe(sandbox.accessToken);
  });

  describe('the JWT bearer grant with a configured certificate', () => {
    const grant = (assertion: string) =>
      tokenRequest(sandbox, { grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion });
    const claims = () => ({
      iss: sandbox.clientId,
      sub: 'integration@execution-coach.sandbox',
      aud: sandbox.url,
      exp: Date.now() + 300,
    });

    it('given an assertion signed by the app key with aud = the sandbox and exp in milliseconds (as sfdx-core sends), then it is accepted', async () => {
      expect((await grant(jwt(claims(), keys.privateKey))).status).toBe(200);
    });

    it('given an assertion signed by another key, then invalid_grant', async () => {
      expect(await (await grant(jwt(claims(), otherKeys.privateKey))).json()).toEqual({
        error: 'invalid_grant',
        error_description: 'invalid assertion',
      });
    });

    it('given another audience, then the audience is invalid', async () => {
      const res = await grant(jwt({ ...claims(), aud: 'https://example.com' }, keys.privateKey));
      expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'audience is invalid' });
    });

    it('given an expired assertion, then invalid_grant', async () => {
      const res = await grant(
        jwt({ ...claims(), exp: Math.floor(Date.parse('2026-11-20T15:00:00Z') / 1000) }, keys.privateKey),
      );
      expect(((await res.json()) as { error: string }).error).toBe('invalid_grant');
    });
  });

  it('given the identity URL with oauth_token in the query string, then it describes the user', async () => {
    const res = await fetch(
      `${sandbox.url}/id/${sandbox.org.orgId}/${sandbox.org.integrationUserId}?format=json&oauth_token=${sandbox.accessToken}`,
    );
    expect(await res.json()).toMatchObject({
      user_id: sandbox.org.integrationUserId,
      organization_id: sandbox.org.orgId,
      username: 'integration@execution-coach.sandbox',
      urls: { rest: `${sandbox.url}/services/data/v{version}/` },
    });
  });

  it('given a revoked token, then the API refuses it', async () => {
    const token = (
      (await (
        await tokenRequest(sandbox, {
          grant_type: 'client_credentials',
          client_id: sandbox.clientId,
          client_secret: sandbox.clientSecret,
        })
      ).json()) as { access_token: string }
    ).access_token;
    const revoke = await fetch(`${sandbox.url}/services/oauth2/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${token}`,
    });
    expect(revoke.status).toBe(200);
    expect((await api(sandbox, '/limits', {}, token)).status).toBe(401);
  });
});
