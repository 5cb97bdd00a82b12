import { join } from 'node:path';
import { runCli } from '../../src/cli/program';
import { runValidate, type ConfigCheck } from '../../src/cli/commands/validate';
import { loadConfig } from '../../src/config';
import { isCoachError } from '../../src/lib/errors';
import { capture as captureIn } from './capture';

const ROOT = join(__dirname, '..', '..');
const capture = (cwd = ROOT) => captureIn(cwd);

describe('execution-coach validate', () => {
  it('given no --config, then it checks config/dealership.yaml, exits 0 and prints the one-screen summary', async () => {
    const ctx = capture();
    expect(await runCli(['validate'], ctx)).toBe(0);
    const out = ctx.stdout();
    expect(out).toContain('config/dealership.yaml is valid.');
    expect(out).toContain('Prairie Motors (America/Chicago');
    expect(out).toMatch(/appointment_shown\s+Event\s+Type = Appointment, Appointment_Status__c = Showed/);
    expect(out).toMatch(/contact_rate\s+ratio\s+Skill\s+attempt → contact ≥ 63% \(per customer\)/);
    expect(out).toMatch(/demo_before_sale\s+sequence\s+Knowledge\s+sold after demo, ≤ 10% skipped/);
    expect(out).toContain('Write-back  preview');
    expect(out.split('\n').length).toBeLessThan(40);
    expect(ctx.stderr()).toBe('');
  });

  it('given the bad fixture, then it exits 2 and prints all four problems with their lines and hints', async () => {
    const ctx = capture();
    expect(await runCli(['validate', '--config', 'test/config/fixtures/bad.yaml'], ctx)).toBe(2);
    const err = ctx.stderr();
    expect(err).toContain('error [CONFIG_INVALID]: test/config/fixtures/bad.yaml has 4 problems');
    expect(err).toContain(
      'bad.yaml:6:13 dealership.timeZone: unknown time zone "America/Chicgo" — did you mean "America/Chicago"?',
    );
    expect(err).toContain(
      'bad.yaml:19:9 measures[0].to: unknown step "apointment_set" — did you mean "appointment_set"?',
    );
    expect(err).toContain('bad.yaml:25:3 coaching.windowDay: unknown key "windowDay" — did you mean "windowDays"?');
    expect(err).toMatch(/bad\.yaml:27:9 schedule\.cron: invalid cron expression "61 \* \* \* \*": .* — five fields/);
    expect(ctx.stdout()).toBe('');
  });

  it('given --json and a valid file, then stdout is the summary as JSON', async () => {
    const ctx = capture();
    expect(await runCli(['validate', '--json'], ctx)).toBe(0);
    const result = JSON.parse(ctx.stdout());
    expect(result).toMatchObject({ ok: true, file: 'config/dealership.yaml' });
    expect(result.summary.measures).toHaveLength(13);
  });

  it('given --json and a bad file, then stdout carries the problem list and the exit code is 2', async () => {
    const ctx = capture();
    expect(await runCli(['validate', '--json', '-c', 'test/config/fixtures/bad.yaml'], ctx)).toBe(2);
    const result = JSON.parse(ctx.stdout());
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('CONFIG_INVALID');
    expect(result.error.data.map((problem: { line: number }) => problem.line)).toEqual([6, 19, 25, 27]);
  });

  it('given a file that does not exist, then it exits 2 with CONFIG_NOT_FOUND', async () => {
    const ctx = capture();
    expect(await runCli(['validate', '--config', 'nowhere.yaml'], ctx)).toBe(2);
    expect(ctx.stderr()).toContain('error [CONFIG_NOT_FOUND]: config file not found: nowhere.yaml');
  });

  it('given --help, then it describes the options and exits 0', async () => {
    const ctx = capture();
    expect(await runCli(['validate', '--help'], ctx)).toBe(0);
    expect(ctx.stdout()).toContain('--config <file>');
    expect(ctx.stdout()).toContain('--json');
  });

  it("given a later check (such as --org) that finds problems, then they are reported like the file's own", async () => {
    const ctx = capture();
    const orgCheck: ConfigCheck = (_config, file) =>
      Promise.resolve({
        problems: [
          {
            file,
            line: 104,
            column: 13,
            path: 'steps[4].match.Appointment_Status__c',
            message: 'no such field on Event',
            hint: 'deploy manifests/salesforce',
          },
        ],
        checked: [],
      });
    const run = runValidate({ config: 'config/dealership.yaml' }, ctx, {
      load: (file, cwd) => loadConfig(file, { cwd }),
      checks: [orgCheck],
    });
    const error = await run.catch((e: unknown) => e);
    expect(isCoachError(error) && error.code).toBe('CONFIG_INVALID');
    expect(isCoachError(error) && error.message).toContain(
      'config/dealership.yaml:104:13 steps[4].match.Appointment_Status__c: no such field on Event — deploy manifests/salesforce',
    );
    expect(ctx.stdout()).toBe('');
  });

  it('given --org and --target-org, when the org check finds a problem, then the hint repeats the command as given', async () => {
    const orgCheck: ConfigCheck = (_config, file) =>
      Promise.resolve({
        problems: [{ file, line: 1, column: 1, path: 'steps[0]', message: 'no such object', hint: 'fix it' }],
        checked: [],
      });
    const options = { config: 'config/dealership.yaml', org: true, targetOrg: 'dealer-prod' };
    const error = await runValidate(options, capture(), {
      load: (file, cwd) => loadConfig(file, { cwd }),
      checks: [orgCheck],
    }).catch((e: unknown) => e);
    expect(isCoachError(error) && error.actions[0]).toBe(
      'Fix each problem listed, then check again with ' +
        '`execution-coach validate --config config/dealership.yaml --org --target-org dealer-prod`.',
    );
  });
});
