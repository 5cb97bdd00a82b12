import { CONFIG, cli, type DemoOrg, runAt, startDemoOrg } from './support';

describe('what a run logs', () => {
  let org: DemoOrg;
  beforeAll(async () => {
    org = await startDemoOrg();
  });
  afterAll(() => org.close());

  it('given debug logging, retries and a session renewal, then every line is JSON with the run id, and no secret or token appears', async () => {
    org.sandbox.faults.configure({ unavailableRequests: 2, expireSessionAfterCalls: 5 });
    const logins = jest.spyOn(org.sandbox.sessions, 'issue');
    const run = await cli(
      ['sync', '--config', CONFIG, '--state', org.statePath, '--live', '--now', runAt(0), '--log-level', 'debug'],
      org.env,
    );
    org.sandbox.faults.clear();

    expect(run.code).toBe(0);
    // The session expired mid-run: the connector logged in again (client credentials).
    expect(logins.mock.calls.length).toBeGreaterThanOrEqual(2);
    logins.mockRestore();
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    const entries = lines.map((line) => JSON.parse(line) as { runId?: string; message: string });
    const runIds = new Set(entries.map((e) => e.runId));
    expect([...runIds]).toEqual([expect.stringMatching(/^run-20261120T180000Z-[0-9a-f]{6}$/)]);
    expect(entries.some((e) => e.message === 'retrying a Salesforce request')).toBe(true);

    const everything = `${run.stdout}\n${run.stderr}`;
    expect(everything).not.toContain(org.sandbox.clientSecret);
    expect(everything).not.toContain(org.sandbox.accessToken);
    // No access token of any session: tokens look like `00D…!…`.
    expect(everything).not.toMatch(/00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]+/);
  });
});
