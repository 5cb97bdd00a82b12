import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/program';
import packageJson from '../../package.json';
import { capture } from './capture';

describe('the execution-coach command line', () => {
  it('given --version, then it prints the package version and exits 0', async () => {
    const ctx = capture();
    const code = await runCli(['--version'], ctx);
    expect(code).toBe(0);
    expect(ctx.stdout().trim()).toBe(packageJson.version);
  });

  it('given --help, then it lists the commands and exits 0', async () => {
    const ctx = capture();
    expect(await runCli(['--help'], ctx)).toBe(0);
    expect(ctx.stdout()).toContain('validate');
  });

  it('given an unknown command, then it exits 2 with a hint', async () => {
    const ctx = capture();
    expect(await runCli(['frobnicate'], ctx)).toBe(2);
    expect(ctx.stderr()).toContain("unknown command 'frobnicate'");
  });
});

describe('report on a state file that does not exist', () => {
  it('given a mistyped --state, when report runs, then it exits 1 naming the path and creates no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ec-report-'));
    const missing = join(dir, 'missing.db');
    const ctx = capture();
    const code = await runCli(['report', '--config', 'config/dealership.yaml', '--state', missing], ctx);
    expect(code).toBe(1);
    expect(ctx.stderr()).toContain(`There is no state file at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });
});

describe('sync --wait-for-lock', () => {
  it.each(['soon', '-5', '1.5', ''])(
    'given --wait-for-lock "%s", when sync runs, then it exits 2 with USAGE_BAD_LOCK_WAIT before reading anything',
    async (value) => {
      const ctx = capture();
      const code = await runCli(['sync', '--config', 'config/dealership.yaml', '--wait-for-lock', value], ctx);
      expect(code).toBe(2);
      expect(ctx.stderr()).toContain('USAGE_BAD_LOCK_WAIT');
    },
  );
});
