import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { RunningSandbox } from '../../../src/sandbox/server';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * @salesforce/core writes auth files and logs under the home directory: point it at a temp
 * directory before the library loads (toolchain.md §7.10–11), and pre-create alias.json.
 */
const home = mkdtempSync(join(os.tmpdir(), 'sfcore-home-'));
mkdirSync(join(home, '.sfdx'), { recursive: true });
writeFileSync(join(home, '.sfdx', 'alias.json'), JSON.stringify({ orgs: {} }));
const homedir = jest.spyOn(os, 'homedir').mockReturnValue(home);
process.env.SF_DISABLE_LOG_FILE = 'true';
process.env.SF_USE_GENERIC_UNIX_KEYCHAIN = 'true';
process.env.SFDX_IGNORE_API_VERSION_CACHE = 'true';
// MyDomainResolver retries DNS lookups of the instance host for minutes; loopback needs none.
process.env.SF_DISABLE_DNS_CHECK = 'true';

describe('@salesforce/core against the sandbox', () => {
  let sandbox: RunningSandbox;
  let core: typeof import('@salesforce/core');
  beforeAll(async () => {
    core = await import('@salesforce/core');
    sandbox = await startTestSandbox();
  });
  afterAll(async () => {
    await sandbox.close();
    // `os` is shared by the test files of a worker: give it its home directory back.
    homedir.mockRestore();
    rmSync(home, { recursive: true, force: true });
  });

  it('given an access token used as the username, then Connection.create queries the sandbox', async () => {
    const token = sandbox.accessToken;
    const authInfo = await core.AuthInfo.create({
      username: token,
      accessTokenOptions: { accessToken: token, instanceUrl: sandbox.url, loginUrl: sandbox.url },
    });
    const conn = await core.Connection.create({ authInfo, connectionOptions: { version: '62.0' } });
    const result = await conn.query<{ Id: string; Name: string }>('SELECT Id, Name FROM Organization');
    expect(result.records).toEqual([
      expect.objectContaining({ Id: sandbox.org.orgId, Name: 'Execution Coach Sandbox' }),
    ]);
  });

  it('given no API version, then Connection.create asks /services/data and uses the latest two-digit version', async () => {
    const token = sandbox.accessToken;
    const authInfo = await core.AuthInfo.create({
      username: token,
      accessTokenOptions: { accessToken: token, instanceUrl: sandbox.url, loginUrl: sandbox.url },
    });
    const conn = await core.Connection.create({ authInfo });
    expect(conn.getApiVersion()).toBe('67.0');
    expect((await conn.query('SELECT COUNT() FROM Lead')).totalSize).toBe(0);
  });
});
