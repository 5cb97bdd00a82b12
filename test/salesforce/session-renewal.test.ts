import type { Connection } from '@jsforce/jsforce-node';
import { CoachError } from '../../src/lib/errors';
import { SessionRenewal, loginFailure } from '../../src/salesforce/session-renewal';

/** Calls jsforce's side of refreshFn and returns what it was called back with. */
function refresh(renewal: SessionRenewal): Promise<{ error: Error | null | undefined; token: string | undefined }> {
  return new Promise((resolve) => {
    renewal.refreshFn({} as Connection, (error, token) => resolve({ error, token }));
  });
}

function renewalWith(grant: () => Promise<string>): SessionRenewal {
  return new SessionRenewal(grant, (error) => new CoachError({ code: 'SF_AUTH_FAILED', message: String(error) }), [
    'log in again',
  ]);
}

describe('renewing an expired session', () => {
  it('given one expiry, then the grant runs and jsforce gets the new token', async () => {
    const renewal = renewalWith(() => Promise.resolve('fresh-token'));

    await expect(refresh(renewal)).resolves.toEqual({ error: null, token: 'fresh-token' });
    expect(renewal.failure()).toBeNull();
  });

  it('given a second expiry with no success in between, then it refuses with SF_SESSION_EXPIRED and remembers why', async () => {
    let grants = 0;
    const renewal = renewalWith(() => Promise.resolve(`token-${++grants}`));
    await refresh(renewal);

    const second = await refresh(renewal);

    expect(second.error).toMatchObject({ code: 'SF_SESSION_EXPIRED', actions: ['log in again'] });
    expect(renewal.failure()).toBe(second.error);
    expect(grants).toBe(1);
  });

  it('given a success between two expiries, then both are renewed (a long run outlives several tokens)', async () => {
    const renewal = renewalWith(() => Promise.resolve('token'));
    await refresh(renewal);
    renewal.noteSuccess();

    await expect(refresh(renewal)).resolves.toEqual({ error: null, token: 'token' });
  });

  it('given the grant itself fails, then the failure is the described login error', async () => {
    const renewal = renewalWith(() => Promise.reject(new Error('invalid_grant')));

    const { error } = await refresh(renewal);

    expect(error).toMatchObject({ code: 'SF_AUTH_FAILED' });
    expect(renewal.failure()).toBe(error);
  });
});

describe('login failures', () => {
  it('given a login host that resets the connection, then it is a transient SF_UNAVAILABLE (exit 75)', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

    expect(loginFailure(reset, 'jwt', 'https://login.salesforce.com', [])).toMatchObject({
      code: 'SF_UNAVAILABLE',
      exitCode: 75,
    });
  });

  it.each(['ECONNREFUSED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'DEPTH_ZERO_SELF_SIGNED_CERT'])(
    'given %s at the login URL, then it is a config error naming the URL (exit 2)',
    (code) => {
      const failed = Object.assign(new Error(code), { code });

      expect(loginFailure(failed, 'jwt', 'https://acme.my.salesforce.com:8443', [])).toMatchObject({
        code: 'SF_AUTH_INVALID',
        exitCode: 2,
        actions: ['Check the login URL: https://acme.my.salesforce.com:8443.'],
      });
    },
  );

  it('given a host that does not resolve, then it is a config error naming the URL (exit 2)', () => {
    const unknown = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });

    expect(loginFailure(unknown, 'clientCredentials', 'https://acme.my.salesforce.co', [])).toMatchObject({
      code: 'SF_AUTH_INVALID',
      exitCode: 2,
      actions: ['Check the login URL: https://acme.my.salesforce.co.'],
    });
  });

  it('given client credentials refused at login.salesforce.com, then the hint says to use the My Domain URL', () => {
    const refused = Object.assign(new Error('request not supported on this domain'), { name: 'invalid_request' });

    const error = loginFailure(refused, 'clientCredentials', 'https://login.salesforce.com', []);

    expect(error.actions).toContain(
      "Log in at the org's My Domain URL (https://<domain>.my.salesforce.com); login.salesforce.com refuses this flow.",
    );
  });

  it('given client credentials refused at a My Domain URL, then no hint blames login.salesforce.com', () => {
    const refused = Object.assign(new Error('invalid client credentials'), { name: 'invalid_client' });

    const error = loginFailure(refused, 'clientCredentials', 'https://acme.my.salesforce.com', []);

    expect(error.code).toBe('SF_AUTH_FAILED');
    expect(error.actions.join(' ')).not.toContain('refuses this flow');
  });
});
