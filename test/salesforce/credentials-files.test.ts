/**
 * Secrets from files (`<NAME>_FILE`, the convention of Docker and Kubernetes images): a Secret mounted as a read-only
 * volume or a systemd credential gives the path, the connector reads the content; errors name the variable and the
 * path, never the content.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Environment } from '../../src/salesforce/credentials';
import { resolveCredentials } from '../../src/salesforce/credentials';
import { salesforceSettings } from './support';

const SECRET = 'file-client-secret-9f2c';
const TOKEN = '00Dxx!file-access-token';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ec-secret-files-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function givenAFile(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

const clientCredentials = (env: Environment): unknown =>
  resolveCredentials(
    { ...salesforceSettings({ method: 'clientCredentials' }), loginUrl: 'https://acme.my.salesforce.com' },
    { SF_CLIENT_ID: 'id', ...env },
  );

describe('a secret read from the file its _FILE variable names', () => {
  it('given SF_CLIENT_SECRET_FILE naming a file that ends in a newline, when resolved, then the secret is its content without the newline', () => {
    const env = { SF_CLIENT_SECRET_FILE: givenAFile('secret', `${SECRET}\n`) };

    expect(clientCredentials(env)).toMatchObject({ method: 'clientCredentials', clientSecret: SECRET });
  });

  it('given SF_ACCESS_TOKEN_FILE and no method, when resolved, then the access token login is inferred from the file', () => {
    const env = {
      SF_INSTANCE_URL: 'https://acme.my.salesforce.com',
      SF_ACCESS_TOKEN_FILE: givenAFile('token', `${TOKEN}\r\n`),
    };

    expect(resolveCredentials(salesforceSettings(), env)).toEqual({
      method: 'accessToken',
      instanceUrl: 'https://acme.my.salesforce.com',
      accessToken: TOKEN,
    });
  });

  it('given a renamed secret variable, when its _FILE is set, then the file of the renamed name is read', () => {
    const settings = {
      ...salesforceSettings({ method: 'clientCredentials' }),
      auth: {
        method: 'clientCredentials' as const,
        env: { ...salesforceSettings().auth.env, clientSecret: 'FORD_SECRET' },
      },
      loginUrl: 'https://ford.my.salesforce.com',
    };

    expect(
      resolveCredentials(settings, { SF_CLIENT_ID: 'id', FORD_SECRET_FILE: givenAFile('ford', SECRET) }),
    ).toMatchObject({ clientSecret: SECRET });
  });

  it('given both SF_CLIENT_SECRET and SF_CLIENT_SECRET_FILE, when resolved, then a config error (exit 2) names both and neither value', () => {
    const call = (): unknown =>
      clientCredentials({ SF_CLIENT_SECRET: 'env-secret-77', SF_CLIENT_SECRET_FILE: givenAFile('secret', SECRET) });

    expect(call).toThrow(expect.objectContaining({ code: 'SF_AUTH_INVALID', exitCode: 2 }));
    expect(call).toThrow(/SF_CLIENT_SECRET and SF_CLIENT_SECRET_FILE are both set/);
    expect(call).not.toThrow(/env-secret-77|file-client-secret/);
  });

  it('given both for a secret this login does not read, when resolved, then it is still refused', () => {
    const call = (): unknown =>
      clientCredentials({
        SF_CLIENT_SECRET: SECRET,
        SF_ACCESS_TOKEN: TOKEN,
        SF_ACCESS_TOKEN_FILE: givenAFile('token', TOKEN),
      });

    expect(call).toThrow(/SF_ACCESS_TOKEN and SF_ACCESS_TOKEN_FILE are both set/);
  });

  // A directory stands for any file that cannot be read: a mode-000 file is readable by root, as these tests may run.
  it('given a file that cannot be read, when resolved, then the error names the variable and the path, not the content', () => {
    const unreadable = path.join(dir, 'a-directory');
    mkdirSync(unreadable);
    const call = (): unknown => clientCredentials({ SF_CLIENT_SECRET_FILE: unreadable });

    expect(call).toThrow(expect.objectContaining({ code: 'SF_AUTH_INVALID', exitCode: 2 }));
    expect(call).toThrow(`SF_CLIENT_SECRET_FILE names ${unreadable}, which cannot be read (EISDIR)`);
  });

  it('given a path where no file is (a key missing from an optional Secret volume), when required, then SF_AUTH_MISSING names the variable and the path', () => {
    const absent = path.join(dir, 'SF_CLIENT_SECRET');
    const call = (): unknown => clientCredentials({ SF_CLIENT_SECRET_FILE: absent });

    expect(call).toThrow(expect.objectContaining({ code: 'SF_AUTH_MISSING', exitCode: 2 }));
    expect(call).toThrow(`SF_CLIENT_SECRET (SF_CLIENT_SECRET_FILE names ${absent}, which is missing or empty)`);
  });

  it('given an empty file and no method, when inferring, then the file counts as unset like a blank variable', () => {
    const env = {
      SF_INSTANCE_URL: 'https://acme.my.salesforce.com',
      SF_ACCESS_TOKEN_FILE: givenAFile('token', '\n'),
      SF_CLIENT_ID: 'id',
      SF_CLIENT_SECRET_FILE: givenAFile('secret', SECRET),
      SF_LOGIN_URL: 'https://acme.my.salesforce.com',
    };

    expect(resolveCredentials(salesforceSettings(), env)).toMatchObject({ method: 'clientCredentials' });
  });

  it('given the client secret unset, when required, then the hint offers the file variable too', () => {
    expect(() => clientCredentials({})).toThrow(
      expect.objectContaining({
        actions: [
          'Set SF_CLIENT_SECRET in the environment, or SF_CLIENT_SECRET_FILE to the path of a file holding it.',
        ],
      }),
    );
  });
});
