import { Connection } from '@jsforce/jsforce-node';
import type { Record as SfRecord } from '@jsforce/jsforce-node';
import type { RunningSandbox } from '../../../src/sandbox/server';
import { loadTasks } from '../support/records';
import { API_VERSION, connect, startTestSandbox } from '../support/sandbox-fixture';

describe('jsforce against the sandbox', () => {
  let sandbox: RunningSandbox;
  let conn: Connection;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    conn = connect(sandbox);
  });
  afterAll(() => sandbox.close());

  describe('queries', () => {
    beforeAll(() => loadTasks(sandbox, 2500));

    it('given autoFetch with an explicit maxFetch, then jsforce follows locators and stops at maxFetch', async () => {
      sandbox.usage.resetCounters();
      const result = await conn.query<SfRecord>('SELECT Id, Subject FROM Task', {
        autoFetch: true,
        maxFetch: 2300,
        headers: { 'Sforce-Query-Options': 'batchSize=1000' },
      });
      expect(result.records).toHaveLength(2300);
      expect(result.totalSize).toBe(2500);
      expect(sandbox.usage.counters().byKind).toEqual({ query: 1, queryMore: 2 });
    });

    it('given a first page, then queryMore with its nextRecordsUrl returns the rest', async () => {
      const first = await conn.query<SfRecord>('SELECT Id FROM Task ORDER BY Id');
      expect([first.done, first.records.length]).toEqual([false, 2000]);
      const rest = await conn.queryMore<SfRecord>(first.nextRecordsUrl ?? '');
      expect([rest.done, rest.records.length]).toEqual([true, 500]);
      expect(new Set([...first.records, ...rest.records].map((r) => r.Id)).size).toBe(2500);
    });

    it('given scanAll, then jsforce uses queryAll and sees deleted rows', async () => {
      const [id] = loadTasks(sandbox, 1);
      await conn.sobject('Task').destroy(id ?? '');
      const live = await conn.query<SfRecord>(`SELECT Id FROM Task WHERE Id = '${id}'`);
      const all = await conn.query<SfRecord>(`SELECT Id, IsDeleted FROM Task WHERE Id = '${id}'`, { scanAll: true });
      expect([live.totalSize, all.records[0]?.IsDeleted]).toEqual([0, true]);
    });
  });

  it('given single-record CRUD, then create, retrieve, update and destroy round-trip', async () => {
    const lead = conn.sobject('Lead');
    const created = await lead.create({ FirstName: 'Dana', LastName: 'Reyes', Company: 'Walk-in' });
    expect(created.success).toBe(true);
    const id = created.id ?? '';
    expect(await lead.retrieve(id)).toMatchObject({ Id: id, Name: 'Dana Reyes', Status: 'Open - Not Contacted' });
    await lead.update({ Id: id, Status: 'Working - Contacted' });
    expect((await lead.retrieve(id)).Status).toBe('Working - Contacted');
    expect(await lead.destroy(id)).toEqual({ id, success: true, errors: [] });
    await expect(lead.retrieve(id)).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
  });

  it('given array retrieve, find() without a field list, updated() and deleted(), then jsforce gets the shapes it expects', async () => {
    const lead = conn.sobject('Lead');
    const created = await lead.create([
      { LastName: 'One', Company: 'x' },
      { LastName: 'Two', Company: 'x' },
    ]);
    const ids = created.map((r) => r.id ?? '');
    expect((await lead.retrieve(ids)).map((r) => r?.LastName)).toEqual(['One', 'Two']);
    const found = await lead.find({ LastName: 'Two' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ LastName: 'Two', Status: 'Open - Not Contacted', IsConverted: false });
    await lead.destroy(ids[0] ?? '');
    const window = [new Date('2026-11-20T15:00:00Z'), new Date('2026-11-20T16:00:00Z')] as const;
    expect((await lead.updated(...window)).ids).toContain(ids[1]);
    expect((await lead.deleted(...window)).deletedRecords.map((d) => d.id)).toContain(ids[0]);
  });

  it('given 450 records and allowRecursive, then jsforce sends three collections of at most 200', async () => {
    sandbox.usage.resetCounters();
    const records = Array.from({ length: 450 }, (_, i) => ({ Subject: `Follow up ${i}`, Type: 'Follow-Up' }));
    const results = await conn.sobject('Task').create(records, { allowRecursive: true });
    expect(results).toHaveLength(450);
    expect(results.every((r) => r.success)).toBe(true);
    expect(sandbox.usage.counters().byKind).toEqual({ collections: 3 });
    const updated = await conn.sobject('Task').update(
      results.map((r) => ({ Id: r.id ?? '', Status: 'Completed' })),
      { allowRecursive: true },
    );
    expect(updated.every((r) => r.success)).toBe(true);
  });

  it('given upserts by external id, then the first creates and the second updates, singly and in collections', async () => {
    const flags = conn.sobject('Coaching_Flag__c');
    const single1 = await flags.upsert({ Flag_Key__c: 'v1:set:1', Summary__c: 'first' }, 'Flag_Key__c');
    const single2 = await flags.upsert({ Flag_Key__c: 'v1:set:1', Summary__c: 'second' }, 'Flag_Key__c');
    expect([single1.created, single2.created, single2.id]).toEqual([true, false, single1.id]);
    const many = await flags.upsert(
      [
        { Flag_Key__c: 'v1:set:1', Summary__c: 'third' },
        { Flag_Key__c: 'v1:set:2', Summary__c: 'new' },
      ],
      'Flag_Key__c',
      { allOrNone: false },
    );
    expect(many.map((r) => [r.success, r.created])).toEqual([
      [true, false],
      [true, true],
    ]);
    const rows = await conn.query<SfRecord>(
      'SELECT Flag_Key__c, Summary__c FROM Coaching_Flag__c ORDER BY Flag_Key__c',
    );
    expect(rows.records.map((r) => r.Summary__c)).toEqual(['third', 'new']);
  });

  it('given bulk2.query, then the job completes and every row arrives as CSV strings', async () => {
    conn.bulk2.pollInterval = 20;
    const records: SfRecord[] = [];
    const stream = await conn.bulk2.query("SELECT Id, Subject, Owner.Name FROM Task WHERE Subject LIKE 'Task 1%'");
    for await (const record of stream) records.push(record as SfRecord);
    expect(records).toHaveLength(1111);
    expect(records[0]).toMatchObject({ 'Owner.Name': 'Integration User' });
  });

  it('given limits(), then DailyApiRequests reflects the calls made', async () => {
    const limits = await conn.limits();
    expect(limits.DailyApiRequests?.Max).toBe(100_000);
    expect(limits.DailyApiRequests?.Remaining).toBe(100_000 - sandbox.usage.used);
    expect(conn.limitInfo.apiUsage?.used).toBe(sandbox.usage.used);
  });

  it('given describe, then the custom object shows its metadata-defined fields', async () => {
    const describe = await conn.sobject('Coaching_Flag__c').describe();
    expect(describe.fields.find((f) => f.name === 'Flag_Key__c')).toMatchObject({
      externalId: true,
      unique: true,
      type: 'string',
    });
  });

  it('given an expired token and a client-credentials refreshFn, then jsforce refreshes once and the replay succeeds', async () => {
    const refreshed: string[] = [];
    const stale = new Connection({
      instanceUrl: sandbox.url,
      version: API_VERSION,
      accessToken: '00DSB0000000001!AQexpired',
      oauth2: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, loginUrl: sandbox.url },
      refreshFn: (c, callback) => {
        c.oauth2.requestToken({ grant_type: 'client_credentials' }).then(
          (token) => callback(null, token.access_token, token),
          (error: Error) => callback(error),
        );
      },
    });
    stale.on('refresh', (token: string) => refreshed.push(token));
    const result = await stale.query('SELECT COUNT() FROM Lead');
    expect(result.done).toBe(true);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).toMatch(/^00D\w{12}!AQ/);
  });

  it('given the username-password flow, then jsforce logs in by OAuth2 and gets the instance and user', async () => {
    const login = new Connection({
      loginUrl: sandbox.url,
      version: API_VERSION,
      oauth2: { clientId: sandbox.clientId, clientSecret: sandbox.clientSecret, loginUrl: sandbox.url },
    });
    const user = await login.login('integration@execution-coach.sandbox', sandbox.userPassword);
    expect([login.instanceUrl, user.id, user.organizationId]).toEqual([
      sandbox.url,
      sandbox.org.integrationUserId,
      sandbox.org.orgId,
    ]);
    expect((await login.identity()).username).toBe('integration@execution-coach.sandbox');
  });
});
