import type { RunningSandbox } from '../../../src/sandbox/server';
import { loadTasks } from '../support/records';
import { api, startTestSandbox } from '../support/sandbox-fixture';

interface JobInfo {
  id: string;
  state: string;
  object: string;
  apiVersion: number;
  numberRecordsProcessed?: number;
}

describe('Bulk API 2.0 query jobs over HTTP', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    loadTasks(sandbox, 25);
  });
  afterAll(() => sandbox.close());

  const createJob = async (query: string, extra: Record<string, unknown> = {}): Promise<Response> =>
    api(sandbox, '/jobs/query', { method: 'POST', body: JSON.stringify({ operation: 'query', query, ...extra }) });

  it('given a job, then it is UploadComplete when created and JobComplete at the first poll', async () => {
    const created = (await (await createJob('SELECT Id FROM Task')).json()) as JobInfo;
    expect(created).toMatchObject({ state: 'UploadComplete', object: 'Task', apiVersion: 62 });
    const polled = (await (await api(sandbox, `/jobs/query/${created.id}`)).json()) as JobInfo;
    expect(polled).toMatchObject({ state: 'JobComplete', numberRecordsProcessed: 25 });
  });

  it('given maxRecords, then results come in CSV pages with Sforce-Locator and the literal null on the last', async () => {
    const job = (await (
      await createJob("SELECT Id, Subject, Owner.Name FROM Task WHERE Subject LIKE 'Task 1%' ORDER BY Subject")
    ).json()) as JobInfo;
    const first = await api(sandbox, `/jobs/query/${job.id}/results?maxRecords=4`);
    const locator = first.headers.get('sforce-locator') ?? '';
    expect([first.headers.get('content-type'), first.headers.get('sforce-numberofrecords')]).toEqual(['text/csv', '4']);
    const lines = (await first.text()).split('\n');
    expect(lines[0]).toBe('"Id","Subject","Owner.Name"');
    expect(lines.slice(1, 5).map((l) => l.replace(/^"00T\w{15}",/, ''))).toEqual(
      ['Task 1', 'Task 10', 'Task 11', 'Task 12'].map((t) => `"${t}","Integration User"`),
    );
    expect(lines.slice(5)).toEqual(['']);
    const last = await api(sandbox, `/jobs/query/${job.id}/results?locator=${locator}&maxRecords=100`);
    expect([last.headers.get('sforce-numberofrecords'), last.headers.get('sforce-locator')]).toEqual(['7', 'null']);
  });

  it('given a datetime column, then CSV writes it with Z as Bulk API does (REST JSON writes +0000)', async () => {
    const job = (await (await createJob('SELECT SystemModstamp FROM Task LIMIT 1')).json()) as JobInfo;
    const csv = await (await api(sandbox, `/jobs/query/${job.id}/results`)).text();
    expect(csv).toMatch(/^"SystemModstamp"\n"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z"\n$/);
  });

  it('given an aggregate query, then the job is refused', async () => {
    const res = await createJob('SELECT COUNT(Id) FROM Task');
    expect(res.status).toBe(400);
    expect(((await res.json()) as Array<{ errorCode: string }>)[0]?.errorCode).toBe('INVALIDJOB');
  });

  it('given an abort, then the job is Aborted, and DELETE removes it in any state', async () => {
    const job = (await (await createJob('SELECT Id FROM Task')).json()) as JobInfo;
    const aborted = await api(sandbox, `/jobs/query/${job.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ state: 'Aborted' }),
    });
    expect(((await aborted.json()) as JobInfo).state).toBe('Aborted');
    expect((await api(sandbox, `/jobs/query/${job.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(sandbox, `/jobs/query/${job.id}`)).status).toBe(404);
  });
});
