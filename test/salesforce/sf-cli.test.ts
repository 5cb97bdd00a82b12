/**
 * The sfCli method against a real @salesforce/core auth store, kept in a temporary home
 * directory (toolchain.md §7.10–11: sfdx-core writes ~/.sfdx and ~/.sf, and only a homedir spy
 * taken before it loads redirects it).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nock from 'nock';
import { setDefaults } from '@jsforce/jsforce-node/lib/request';
import type { SalesforceSession } from '../../src/salesforce/session';
import { openSalesforceSession } from '../../src/salesforce/session';
import { API, INSTANCE, LIMIT_HEADER, failureOf, instantTiming, salesforceSettings } from './support';
import { useNock } from './use-nock';

useNock();

const home = mkdtempSync(path.join(os.tmpdir(), 'coach-sf-home-'));
const USERNAME = 'integration@dealer.example';
const STORED_TOKEN = '00D000000000001AAA!AQ.sf-cli-token';

/** What sfdx-core asks when it stores an access-token login (toolchain.md §2 A). */
function serveSfdxLoginChecks(): void {
  nock(INSTANCE)
    .get(/.*/)
    .times(10)
    .reply((uri) => {
      if (uri.startsWith('/services/oauth2/userinfo')) {
        return [
          200,
          { user_id: '005000000000001AAA', organization_id: '00D000000000001AAA', preferred_username: USERNAME },
        ];
      }
      if (uri.includes('/sobjects/User/')) return [200, { Username: USERNAME }];
      // Any error on the ScratchOrgInfo probe just means "not a Dev Hub".
      return [404, [{ errorCode: 'NOT_FOUND', message: 'not here' }]];
    });
}
const savedEnv = { ...process.env };

beforeAll(async () => {
  jest.spyOn(os, 'homedir').mockReturnValue(home);
  Object.assign(process.env, {
    SF_DISABLE_LOG_FILE: 'true',
    SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
    SF_DISABLE_DNS_CHECK: 'true',
  });
  // A fresh ~/.sfdx without alias.json trips sfdx-core under jest (its ENOENT check uses instanceof Error).
  mkdirSync(path.join(home, '.sfdx'), { recursive: true });
  writeFileSync(path.join(home, '.sfdx', 'alias.json'), JSON.stringify({ orgs: {} }));
  // Same trap when the org's auth file is first written: it must exist to be saved.
  writeFileSync(path.join(home, '.sfdx', `${USERNAME}.json`), '{}');
  // sfdx-core's Dev Hub probe (`//services/data/v51.0/query?q=…ScratchOrgInfo…`, double slash)
  // does not match nock, and jsforce's built-in retry would spend 15 s on it. Only this test
  // file's module registry is affected; the adapter itself turns the retry off per request.
  setDefaults({ retry: { maxRetries: 0 }, followRedirect: true });
  const { AuthInfo, StateAggregator } = await import('@salesforce/core');
  serveSfdxLoginChecks();
  const authInfo = await AuthInfo.create({
    accessTokenOptions: { accessToken: STORED_TOKEN, instanceUrl: INSTANCE, loginUrl: INSTANCE },
  });
  await authInfo.save();
  await (await StateAggregator.getInstance()).aliases.setAndSave('dealer-sandbox', USERNAME);
  nock.cleanAll();
});

afterAll(() => {
  process.env = savedEnv;
  jest.restoreAllMocks();
  rmSync(home, { recursive: true, force: true });
});

function openWithTargetOrg(targetOrg: string): Promise<SalesforceSession> {
  return openSalesforceSession(
    { salesforce: salesforceSettings({ method: 'sfCli', targetOrg }), maxApiUsage: 0.8 },
    { env: {}, timing: instantTiming() },
  );
}

describe('an org authorised in the sf CLI', () => {
  it('given an alias, then the stored token and instance are used with the configured API version', async () => {
    nock(INSTANCE, { reqheaders: { authorization: `Bearer ${STORED_TOKEN}` } })
      .get(API)
      .reply(200, {}, LIMIT_HEADER);

    const session = await openWithTargetOrg('dealer-sandbox');
    const usage = await session.preflight();

    expect(session.method).toBe('sfCli');
    expect(session.instanceUrl).toBe(INSTANCE);
    expect(session.apiVersion).toBe('62.0');
    expect(usage).toEqual({ used: 10, limit: 15000 });
  });

  it('given an alias nobody authorised, then it says how to authorise it', async () => {
    const error = await failureOf(openWithTargetOrg('no-such-org'));

    expect(error).toMatchObject({ code: 'SF_TARGET_ORG_UNKNOWN', exitCode: 2 });
    expect((error.actions as string[]).join(' ')).toContain('sf org login web --alias no-such-org');
  });
});
