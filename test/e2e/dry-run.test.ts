import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { CONFIG, cli, type DemoOrg, productRecords, runAt, startDemoOrg } from './support';

const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('sync --dry-run and preview mode', () => {
  let org: DemoOrg;
  beforeAll(async () => {
    org = await startDemoOrg();
  });
  afterAll(() => org.close());

  it('given a fresh state, when sync runs with --dry-run, then it prints the plan and neither the org nor the state file changes', async () => {
    const run = await cli(
      ['sync', '--config', CONFIG, '--state', org.statePath, '--dry-run', '--now', runAt(0), '--log-level', 'warn'],
      org.env,
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Would write: \d+ to create/);
    expect(run.stdout).toContain('create Coaching_Flag__c v1:appointment_set_rate:');
    expect(run.stdout).toContain('Dry run: neither the org nor the state was changed.');
    expect(productRecords(org)).toEqual([]);
    expect(existsSync(org.statePath)).toBe(false);
  });

  it('given a state from an earlier run, when sync runs with --dry-run, then the state file is byte for byte the same', async () => {
    const preview = `${org.statePath}.existing`;
    await cli(['sync', '--config', CONFIG, '--state', preview, '--now', runAt(1), '--log-level', 'warn'], org.env);
    const before = digest(preview);
    const run = await cli(
      ['sync', '--config', CONFIG, '--state', preview, '--dry-run', '--now', runAt(2), '--log-level', 'warn'],
      org.env,
    );
    expect(run.code).toBe(0);
    expect(digest(preview)).toBe(before);
    expect(productRecords(org)).toEqual([]);
  });

  it('given the config in preview mode, when sync runs without --live, then it stores what it read but sends nothing', async () => {
    const run = await cli(
      ['sync', '--config', CONFIG, '--state', `${org.statePath}.preview`, '--now', runAt(2), '--log-level', 'warn'],
      org.env,
    );

    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Nothing was sent: writeBack.mode is preview.');
    expect(productRecords(org)).toEqual([]);
    expect(existsSync(`${org.statePath}.preview`)).toBe(true);
    const report = await cli(
      ['report', '--config', CONFIG, '--state', `${org.statePath}.preview`, '--now', runAt(2)],
      org.env,
    );
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('[Skill, High, focus] Appointment set rate');
  });

  it('given --live and --dry-run together, then it is a usage error (exit 2) and nothing runs', async () => {
    const run = await cli(['sync', '--config', CONFIG, '--state', org.statePath, '--dry-run', '--live'], org.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('USAGE_CONFLICT');
  });
});
