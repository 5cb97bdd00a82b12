import type { RunningSandbox } from '../../../src/sandbox/server';
import { api, soql, startTestSandbox } from '../support/sandbox-fixture';

const JSON_TYPE = 'application/json;charset=UTF-8';

describe('REST framing: statuses, headers and error bodies', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());

  it('given GET /services/data without a session, then every version 31.0–67.0 is listed two-digit', async () => {
    const res = await fetch(`${sandbox.url}/services/data`);
    const versions = (await res.json()) as Array<{ version: string; url: string; label: string }>;
    expect([res.status, res.headers.get('content-type')]).toEqual([200, JSON_TYPE]);
    expect(versions).toHaveLength(37);
    expect(versions.every((v) => /^\d{2}\.0$/.test(v.version) && v.url === `/services/data/v${v.version}`)).toBe(true);
    expect(versions.find((v) => v.version === '62.0')?.label).toBe("Winter '25");
  });

  it.each([
    ['no Authorization header', undefined],
    ['an unknown token', 'Bearer 00DSB0000000001!AQnope'],
  ])('given %s, then 401 INVALID_SESSION_ID with WWW-Authenticate: Token', async (_case, header) => {
    const res = await fetch(`${sandbox.url}/services/data/v62.0/limits`, {
      headers: header ? { authorization: header } : {},
    });
    expect([res.status, res.headers.get('www-authenticate'), res.headers.get('content-type')]).toEqual([
      401,
      'Token',
      JSON_TYPE,
    ]);
    expect(await res.json()).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
  });

  it('given successive calls, then Sforce-Limit-Info counts each one', async () => {
    const first = (await api(sandbox, '/limits')).headers.get('sforce-limit-info');
    const second = (await api(sandbox, '/limits')).headers.get('sforce-limit-info');
    const used = (header: string | null): number => Number(/api-usage=(\d+)\/100000/.exec(header ?? '')?.[1]);
    expect(used(second)).toBe(used(first) + 1);
  });

  it.each(['v30.0', 'v68.0', 'v62.1', 'latest'])(
    'given the unsupported version %s, then 404 NOT_FOUND',
    async (version) => {
      const res = await fetch(`${sandbox.url}/services/data/${version}/limits`, {
        headers: { authorization: `Bearer ${sandbox.accessToken}` },
      });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual([{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
    },
  );

  it('given a query on an unknown column, then 400 with the INVALID_FIELD element and its excerpt', async () => {
    const res = await api(sandbox, soql('SELECT Shoe__c FROM Lead'));
    const body = (await res.json()) as Array<{ errorCode: string; message: string }>;
    expect(res.status).toBe(400);
    expect(body).toHaveLength(1);
    expect(body[0]?.errorCode).toBe('INVALID_FIELD');
    expect(body[0]?.message).toMatch(
      /^\nSELECT Shoe__c FROM Lead\n {7}\^\nERROR at Row:1:Column:8\nNo such column 'Shoe__c' on entity 'Lead'\./,
    );
  });

  it('given COUNT(), then totalSize carries the count and records is an empty array', async () => {
    expect(await (await api(sandbox, soql('SELECT COUNT() FROM Organization'))).json()).toEqual({
      totalSize: 1,
      done: true,
      records: [],
    });
  });

  it('given single-record writes, then 201 with a save result, then 204 without a body', async () => {
    const created = await api(sandbox, '/sobjects/Lead', {
      method: 'POST',
      body: JSON.stringify({ LastName: 'Ng', Company: 'x' }),
    });
    const saved = (await created.json()) as { id: string; success: boolean; errors: unknown[] };
    expect([created.status, saved.success, saved.errors]).toEqual([201, true, []]);
    const patched = await api(sandbox, `/sobjects/Lead/${saved.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ Rating: 'Hot' }),
    });
    expect([patched.status, await patched.text()]).toEqual([204, '']);
    const record = await (await api(sandbox, `/sobjects/Lead/${saved.id}?fields=Name,Rating`)).json();
    expect(record).toEqual({
      attributes: { type: 'Lead', url: `/services/data/v62.0/sobjects/Lead/${saved.id}` },
      Name: 'Ng',
      Rating: 'Hot',
    });
  });

  it('given a create with a bad field, then 400 and the error array', async () => {
    const res = await api(sandbox, '/sobjects/Lead', {
      method: 'POST',
      body: JSON.stringify({ LastName: 'x', Company: 'y', Status: 'Lost' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual([
      {
        message: 'Lead Status: bad value for restricted picklist field: Lost',
        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        fields: ['Status'],
      },
    ]);
  });

  it('given a malformed JSON body, then 400 JSON_PARSER_ERROR', async () => {
    const res = await api(sandbox, '/sobjects/Lead', { method: 'POST', body: '{"LastName":' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Array<{ errorCode: string }>)[0]?.errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('given upserts by external id, then 201 created, 200 updated, 204 on old versions, 300 on several matches', async () => {
    const put = (value: string, body: unknown, version = '62.0', type = 'Coaching_Flag__c', field = 'Flag_Key__c') =>
      fetch(`${sandbox.url}/services/data/v${version}/sobjects/${type}/${field}/${value}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${sandbox.accessToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const created = await put('k-300', { Summary__c: 'a' });
    const createdBody = (await created.json()) as { id: string; created: boolean };
    expect([created.status, createdBody.created]).toEqual([201, true]);
    const updated = await put('k-300', { Summary__c: 'b' });
    expect([updated.status, await updated.json()]).toEqual([
      200,
      { id: createdBody.id, success: true, errors: [], created: false },
    ]);
    expect((await put('k-300', { Summary__c: 'c' }, '45.0')).status).toBe(204);
    for (const subject of ['x', 'y']) {
      await api(sandbox, '/sobjects/Task', {
        method: 'POST',
        body: JSON.stringify({ Subject: subject, Coaching_Key__c: 'shared' }),
      });
    }
    const several = await put('shared', { Subject: 'z' }, '62.0', 'Task', 'Coaching_Key__c');
    const urls = (await several.json()) as string[];
    expect(several.status).toBe(300);
    expect(urls).toHaveLength(2);
    expect(urls.every((u) => u.startsWith('/services/data/v62.0/sobjects/Task/00T'))).toBe(true);
  });

  it('given an unknown resource or object, then 404 NOT_FOUND', async () => {
    expect((await api(sandbox, '/sobjects/Dealer/describe')).status).toBe(404);
    expect((await api(sandbox, '/nothing/here')).status).toBe(404);
  });

  it('given the calls @salesforce/core makes while creating an AuthInfo, then each answers as a real org does', async () => {
    const auth = { authorization: `Bearer ${sandbox.accessToken}` };
    const userinfo = (await (
      await fetch(`${sandbox.url}/services/oauth2/userinfo`, { headers: auth })
    ).json()) as Record<string, string>;
    expect(userinfo).toMatchObject({
      user_id: sandbox.org.integrationUserId,
      organization_id: sandbox.org.orgId,
      preferred_username: 'integration@execution-coach.sandbox',
    });
    const user = await fetch(`${sandbox.url}/services/data/v51.0/sobjects/User/${userinfo.user_id}`, { headers: auth });
    expect(((await user.json()) as Record<string, string>).Username).toBe('integration@execution-coach.sandbox');
    // 8.31.3 sends this one with a double slash; a 4xx only means "not a Dev Hub".
    const devHub = await fetch(
      `${sandbox.url}//services/data/v51.0/query?q=${encodeURIComponent('SELECT Id FROM ScratchOrgInfo limit 1')}`,
      { headers: auth },
    );
    expect([devHub.status, ((await devHub.json()) as Array<{ errorCode: string }>)[0]?.errorCode]).toEqual([
      400,
      'INVALID_TYPE',
    ]);
    const org = await api(
      sandbox,
      soql(
        'SELECT Name, InstanceName, IsSandbox, TrialExpirationDate, NamespacePrefix, OrganizationType FROM Organization',
      ),
    );
    expect(((await org.json()) as { records: unknown[] }).records[0]).toMatchObject({
      IsSandbox: true,
      OrganizationType: 'Enterprise Edition',
      NamespacePrefix: null,
    });
  });

  it('given getUpdated and getDeleted, then ids in the window come back with a minute-aligned latestDateCovered', async () => {
    const created = (await (
      await api(sandbox, '/sobjects/Lead', { method: 'POST', body: JSON.stringify({ LastName: 'Tmp', Company: 'x' }) })
    ).json()) as { id: string };
    await api(sandbox, `/sobjects/Lead/${created.id}`, { method: 'DELETE' });
    const range = `?start=${encodeURIComponent('2026-11-20T15:00:00+00:00')}&end=${encodeURIComponent('2026-11-20T15:30:30+00:00')}`;
    const updated = (await (await api(sandbox, `/sobjects/Lead/updated/${range}`)).json()) as {
      ids: string[];
      latestDateCovered: string;
    };
    const deleted = (await (await api(sandbox, `/sobjects/Lead/deleted/${range}`)).json()) as {
      deletedRecords: Array<{ id: string }>;
    };
    expect(updated.latestDateCovered).toBe('2026-11-20T15:30:00.000+0000');
    expect(updated.ids).not.toContain(created.id);
    expect(deleted.deletedRecords.map((d) => d.id)).toContain(created.id);
  });
});
