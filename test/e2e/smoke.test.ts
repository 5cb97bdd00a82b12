import { type DemoOrg, productRecords, startDemoOrg, syncJson } from './support';

describe('end to end: the CLI against the sandbox org over HTTP', () => {
  let org: DemoOrg;
  beforeAll(async () => {
    org = await startDemoOrg();
  });
  afterAll(() => org.close());

  it('given the seeded dealership, when sync runs live, then it exits 0 and the org holds coaching flags and tasks', async () => {
    const run = await syncJson(org, 0);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.report.result).toBe('ok');
    expect(run.report.writes?.created).toBeGreaterThan(0);
    expect(productRecords(org).length).toBe(run.report.writes?.created);
  });

  it('given the next run read back the first run’s writes, when a third run finds nothing changed the same day, then it computes nothing and writes nothing', async () => {
    const second = await syncJson(org, 1);
    expect(second.report.unchangedSince).toBeNull();
    expect(second.report.writes).toMatchObject({ created: 0, updated: 0 });

    const third = await syncJson(org, 2);
    expect(third.code).toBe(0);
    expect(third.report.unchangedSince).toMatch(/^run-/);
    expect(third.report.plan).toBeNull();
    expect(third.report.writes).toBeNull();
  });
});
