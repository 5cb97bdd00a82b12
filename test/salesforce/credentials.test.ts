import type { Environment } from '../../src/salesforce/credentials';
import { redact, resolveCredentials } from '../../src/salesforce/credentials';
import { salesforceSettings } from './support';

const tokenEnv: Environment = {
  SF_INSTANCE_URL: 'https://acme.my.salesforce.com/',
  SF_ACCESS_TOKEN: '00Dxx!secret-token',
};

describe('choosing and resolving the login', () => {
  it('given no method and token variables, then it uses the access token with the URL reduced to its origin', () => {
    expect(resolveCredentials(salesforceSettings(), tokenEnv)).toEqual({
      method: 'accessToken',
      instanceUrl: 'https://acme.my.salesforce.com',
      accessToken: '00Dxx!secret-token',
    });
  });

  it('given no method and a client id and secret, then it uses client credentials, the env login URL overriding the config', () => {
    const settings = { ...salesforceSettings(), loginUrl: 'https://test.salesforce.com' };
    const env = { SF_CLIENT_ID: 'id', SF_CLIENT_SECRET: 'secret', SF_LOGIN_URL: 'https://acme.my.salesforce.com' };

    expect(resolveCredentials(settings, env)).toEqual({
      method: 'clientCredentials',
      loginUrl: 'https://acme.my.salesforce.com',
      clientId: 'id',
      clientSecret: 'secret',
    });
  });

  it('given no method and a client id, username and key file, then it uses JWT with the config login URL', () => {
    const settings = { ...salesforceSettings(), loginUrl: 'https://login.salesforce.com' };
    const env = { SF_CLIENT_ID: 'id', SF_USERNAME: 'bot@dealer.example', SF_JWT_KEY_FILE: '/keys/server.key' };

    expect(resolveCredentials(settings, env)).toEqual({
      method: 'jwt',
      loginUrl: 'https://login.salesforce.com',
      clientId: 'id',
      username: 'bot@dealer.example',
      keyFile: '/keys/server.key',
    });
  });

  it('given a target org, then it uses the sf CLI whatever the environment holds', () => {
    expect(resolveCredentials(salesforceSettings({ targetOrg: 'dealer-prod' }), tokenEnv)).toEqual({
      method: 'sfCli',
      targetOrg: 'dealer-prod',
    });
  });

  it('given renamed variables in the config, then those names are read', () => {
    const settings = salesforceSettings({
      env: { ...salesforceSettings().auth.env, instanceUrl: 'DEALER_SF_URL', accessToken: 'DEALER_SF_TOKEN' },
    });

    expect(
      resolveCredentials(settings, { DEALER_SF_URL: 'https://x.my.salesforce.com', DEALER_SF_TOKEN: 't' }),
    ).toMatchObject({ method: 'accessToken' });
  });

  it('given the clientCredentials method without secret and login URL, then SF_AUTH_MISSING (exit 2) names exactly those', () => {
    const call = (): unknown =>
      resolveCredentials(salesforceSettings({ method: 'clientCredentials' }), { SF_CLIENT_ID: 'id' });

    expect(call).toThrow(expect.objectContaining({ code: 'SF_AUTH_MISSING', exitCode: 2 }));
    expect(call).toThrow(/SF_LOGIN_URL \(or salesforce.loginUrl in the config\) and SF_CLIENT_SECRET/);
  });

  it('given blank variables, then they count as missing', () => {
    expect(() =>
      resolveCredentials(salesforceSettings({ method: 'accessToken' }), {
        SF_INSTANCE_URL: 'https://x.my.salesforce.com',
        SF_ACCESS_TOKEN: '  ',
      }),
    ).toThrow(/needs SF_ACCESS_TOKEN, which is not set/);
  });

  it('given nothing at all, then the error lists every way to log in', () => {
    expect(() => resolveCredentials(salesforceSettings(), {})).toThrow(
      expect.objectContaining({
        code: 'SF_AUTH_MISSING',
        actions: expect.arrayContaining([expect.stringContaining('--target-org')]) as unknown,
      }),
    );
  });

  it('given an instance URL that is not a URL, then SF_AUTH_INVALID names the variable, not the token', () => {
    const call = (): unknown =>
      resolveCredentials(salesforceSettings(), {
        SF_INSTANCE_URL: 'acme.my.salesforce.com',
        SF_ACCESS_TOKEN: 'tok-123',
      });

    expect(call).toThrow(expect.objectContaining({ code: 'SF_AUTH_INVALID', exitCode: 2 }));
    expect(call).toThrow(/SF_INSTANCE_URL/);
    expect(call).not.toThrow(/tok-123/);
  });

  it('given a secret inside a text, then redact removes every occurrence', () => {
    expect(redact('a s3cr3t b s3cr3t', ['s3cr3t', ''])).toBe('a [redacted] b [redacted]');
  });
});
