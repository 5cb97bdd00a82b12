import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSandbox } from '../../../src/sandbox/server';
import { admin, api, soql, startTestSandbox } from '../support/sandbox-fixture';

const json = async <T>(res: Promise<Response>): Promise<T> => (await (await res).json()) as T;

describe('the /__sandbox admin endpoints', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  // Moving the clock days ahead ends sessions (2 h inactivity), so each test takes a fresh one.
  let token: string;
  beforeEach(() => {
    token = sandbox.sessions.issue(sandbox.org.integrationUserId).accessToken;
  });

  const leadCount = async (): Promise<number> =>
    (await json<{ totalSize: number }>(api(sandbox, soql('SELECT COUNT() FROM Lead'), {}, token))).totalSize;
  const createLead = (name: string) =>
    api(sandbox, '/sobjects/Lead', { method: 'POST', body: JSON.stringify({ LastName: name, Company: 'x' }) }, token);

  it.each([
    ['no token', {}],
    ['the API access token', { authorization: 'Bearer not-the-admin-token' }],
  ])('given %s, then the admin endpoints refuse with 401', async (_case, headers) => {
    const res = await fetch(`${sandbox.url}/__sandbox/status`, { headers });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: string }).error).toBe('unauthorized');
  });

  it('given a snapshot, a reset and a restore, then the data comes back as it was', async () => {
    await createLead('Kept');
    const snapshot = await json<unknown>(admin(sandbox, '/snapshot'));
    await admin(sandbox, '/reset', { method: 'POST' });
    expect(await leadCount()).toBe(0);
    await admin(sandbox, '/restore', { method: 'POST', body: JSON.stringify(snapshot) });
    expect(
      await json<{ records: Array<{ LastName: string }> }>(api(sandbox, soql('SELECT LastName FROM Lead'), {}, token)),
    ).toMatchObject({ records: [{ LastName: 'Kept' }] });
  });

  it('given the clock is set, then writes are stamped with the new time', async () => {
    const clock = await json<{ now: string }>(
      admin(sandbox, '/clock', { method: 'POST', body: JSON.stringify({ now: '2027-01-05T10:00:00Z' }) }),
    );
    expect(clock.now).toBe('2027-01-05T10:00:00.000+0000');
    token = sandbox.sessions.issue(sandbox.org.integrationUserId).accessToken;
    const { id } = await json<{ id: string }>(createLead('Later'));
    expect((await json<{ CreatedDate: string }>(api(sandbox, `/sobjects/Lead/${id}`, {}, token))).CreatedDate).toBe(
      '2027-01-05T10:00:00.000+0000',
    );
  });

  it('given API calls, then the counters report them per kind, and can be cleared', async () => {
    await admin(sandbox, '/api-calls', { method: 'DELETE' });
    await api(sandbox, soql('SELECT Id FROM Lead'), {}, token);
    await api(sandbox, '/sobjects/Lead/describe', {}, token);
    expect(await json<{ total: number; byKind: Record<string, number> }>(admin(sandbox, '/api-calls'))).toMatchObject({
      total: 2,
      byKind: { query: 1, describe: 1 },
    });
  });

  it('given records posted as history, then they are loaded with the system fields given', async () => {
    const id = sandbox.store.newId('Lead');
    const res = await admin(sandbox, '/records/Lead', {
      method: 'POST',
      body: JSON.stringify([
        {
          Id: id,
          LastName: 'Old',
          Company: 'x',
          CreatedDate: '2026-01-01T00:00:00.000+0000',
          SystemModstamp: '2026-01-02T00:00:00.000+0000',
        },
      ]),
    });
    expect(await res.json()).toEqual({ loaded: 1 });
    expect(await json<{ SystemModstamp: string }>(api(sandbox, `/sobjects/Lead/${id}`, {}, token))).toMatchObject({
      SystemModstamp: '2026-01-02T00:00:00.000+0000',
    });
    expect(
      (await admin(sandbox, '/records/Lead', { method: 'POST', body: JSON.stringify([{ Id: id, Shoe__c: 1 }]) }))
        .status,
    ).toBe(400);
  });

  it('given bad records asked for before any seed, then 400 says to seed first', async () => {
    const res = await admin(sandbox, '/bad-records', { method: 'POST' });
    expect([res.status, ((await res.json()) as { message: string }).message]).toEqual([
      400,
      'the org holds no demo dealership: seed it first',
    ]);
  });

  it('given bad fault settings, then 400 says what is wrong', async () => {
    const res = await admin(sandbox, '/faults', { method: 'POST', body: JSON.stringify({ lockRowShare: 3 }) });
    expect([res.status, ((await res.json()) as { message: string }).message]).toEqual([
      400,
      "fault 'lockRowShare' is a share between 0 and 1",
    ]);
  });

  it('given seed, then the org holds the demo dealership and the profiles are reported', async () => {
    const seeded = await json<{ summary: { profiles: Array<{ profile: string }> }; records: Record<string, number> }>(
      admin(sandbox, '/seed', { method: 'POST', body: JSON.stringify({ seed: 7, reps: 8, days: 30 }) }),
    );
    expect(seeded.summary.profiles.map((p) => p.profile)).toEqual(expect.arrayContaining(['rarely_sets', 'bdc']));
    expect(seeded.records.Task).toBeGreaterThan(500);
  });

  it('given bad records on the seeded dealership, then each kind answers its Ids and the org repeats rows across pages', async () => {
    const before = sandbox.store.counts().Task ?? 0;
    const answer = await json<{ dataset: { kinds: Record<string, string[]> }; records: Record<string, number> }>(
      admin(sandbox, '/bad-records', { method: 'POST' }),
    );
    const kinds = Object.entries(answer.dataset.kinds).filter(([kind]) => kind !== 'repeatedAcrossPages');
    expect(kinds.length).toBeGreaterThanOrEqual(10);
    expect(kinds.filter(([, ids]) => ids.length < 3)).toEqual([]);
    expect(answer.records.Task).toBeGreaterThan(before);
    expect(sandbox.faults.settings().repeatRowAcrossPages).toBe(true);
    sandbox.faults.clear();
  });

  it('given seed options the generator refuses, then 400 and the org is left empty but whole', async () => {
    const res = await admin(sandbox, '/seed', { method: 'POST', body: JSON.stringify({ days: -1 }) });
    expect(res.status).toBe(400);
    expect(
      (await json<{ totalSize: number }>(api(sandbox, soql('SELECT COUNT() FROM Organization'), {}, token))).totalSize,
    ).toBe(1);
  });

  it('given expired sessions, then the old token is refused', async () => {
    await admin(sandbox, '/sessions/expire', { method: 'POST' });
    expect((await api(sandbox, '/limits', {}, token)).status).toBe(401);
  });
  it.each([
    ['POST', '/reset', undefined],
    ['POST', '/seed', { reps: 2 }],
    ['POST', '/restore', { records: {} }],
    ['POST', '/records/Lead', [{ LastName: 'Intruder', Company: 'x' }]],
    ['POST', '/faults', { unavailableRequests: 5 }],
    ['DELETE', '/api-calls', undefined],
    ['POST', '/clock', { now: '2030-01-01T00:00:00Z' }],
    ['POST', '/sessions/expire', undefined],
  ])(
    'given a wrong admin token, when %s %s is sent, then 401 and the org is left as it was',
    async (method, path, body) => {
      await createLead('Before');
      const before = { leads: await leadCount(), now: sandbox.clock.now(), faults: sandbox.faults.settings() };

      const res = await fetch(`${sandbox.url}/__sandbox${path}`, {
        method,
        headers: { authorization: `Bearer ${sandbox.adminToken}x`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

      expect(res.status).toBe(401);
      const clockMoved = Math.abs(sandbox.clock.now() - before.now) > 60_000;
      expect({ leads: await leadCount(), clockMoved, faults: sandbox.faults.settings() }).toEqual({
        leads: before.leads,
        clockMoved: false,
        faults: before.faults,
      });
    },
  );
});

describe('a data file', () => {
  it('given --data, then the org is saved on close and loaded by the next start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-data-'));
    const dataFile = join(dir, 'org.json');
    try {
      const first = await startTestSandbox({ dataFile });
      await api(first, '/sobjects/Lead', {
        method: 'POST',
        body: JSON.stringify({ LastName: 'Persisted', Company: 'x' }),
      });
      await first.close();
      expect(existsSync(dataFile)).toBe(true);
      const second = await startTestSandbox({ dataFile });
      const found = (await (await api(second, soql('SELECT LastName FROM Lead'))).json()) as {
        records: Array<{ LastName: string }>;
      };
      await second.close();
      expect(found.records.map((r) => r.LastName)).toEqual(['Persisted']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
