/**
 * Every command against the README's exit-code table: each command is driven into each code it can reach without a
 * broken org (a permission missing is the error policy's own test), and the code it exits with must be one the
 * README's row for that command promises for that outcome.
 */
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { type AddressInfo, createServer } from 'node:net';
import path from 'node:path';
import { runCli } from '../../src/cli/program';
import { holdStateFiles } from '../../src/cli/serve-lock';
import { silentLogger } from '../../src/lib/logger';
import type { CliContext } from '../../src/cli/context';
import { closedPort } from '../salesforce/support';
import { CONFIG, ROOT, cli, type CliRun, type DemoOrg, runAt, startDemoOrg } from './support';

type Code = 0 | 1 | 2 | 75;

/** The README's "By command" table: command → the codes its row does not mark "–". */
function readmeTable(): Map<string, Set<Code>> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const rows = new Map<string, Set<Code>>();
  const header = readme.indexOf('| command | 0 | 1 | 2 | 75 |');
  for (const line of readme.slice(header).split('\n').slice(2)) {
    if (!line.startsWith('| `')) break;
    const [name, ...cells] = line
      .split('|')
      .slice(1, 6)
      .map((cell) => cell.trim());
    const codes = ([0, 1, 2, 75] as const).filter((_, i) => cells[i] !== '–');
    rows.set((name ?? '').replace(/`/g, ''), new Set(codes));
  }
  return rows;
}

const table = readmeTable();
let org: DemoOrg;
let refused: Record<string, string>;
let synced: string;
let unreadable: string;
const MISSING_CONFIG = ['--config', 'config/no-such-file.yaml'];

/** Runs a command in this process with a context of its own (e.g. a shutdown already asked for). */
async function capture(run: (ctx: CliContext) => Promise<number>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await run({
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    env: {},
    cwd: ROOT,
    isTTY: false,
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  org = await startDemoOrg();
  refused = { ...org.env, SF_LOGIN_URL: `http://127.0.0.1:${await closedPort()}` };
  synced = path.join(org.dir, 'synced.db');
  expect((await cli(['sync', '--config', CONFIG, '--state', synced, '--now', runAt(0)], org.env)).code).toBe(0);
  unreadable = path.join(org.dir, 'unreadable.db');
  writeFileSync(unreadable, 'not a database, only text');
});

afterAll(() => org.close());

/** Runs a command and checks its code against what the test expects and what the README's row allows. */
async function expectExit(command: string, code: Code, run: () => Promise<CliRun>): Promise<CliRun> {
  const result = await run();
  expect({ command, code: result.code, stderr: result.stderr.slice(0, 400) }).toMatchObject({ command, code });
  expect([...(table.get(command) ?? [])]).toContain(code);
  return result;
}

describe('exit codes, command by command, as the README states them', () => {
  it('given the README, then it has a row for every command the CLI has', async () => {
    const help = await cli(['--help'], {});
    const commands = [...help.stdout.matchAll(/^ {2}([a-z]+)\b/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThanOrEqual(8);
    expect([...table.keys()].sort()).toEqual([...commands].sort());
  });

  it('given validate: a valid config 0, a broken one 2, a refused login 2, an org over its API limit 75', async () => {
    await expectExit('validate', 0, () => cli(['validate', '--config', CONFIG], {}));
    await expectExit('validate', 0, () => cli(['validate', '--org', '--config', CONFIG], org.env));
    await expectExit('validate', 2, () => cli(['validate', '--config', 'test/config/fixtures/bad.yaml'], {}));
    await expectExit('validate', 2, () => cli(['validate', '--org', '--config', CONFIG], refused));
    org.sandbox.faults.configure({ dailyApiLimit: 1 });
    try {
      await expectExit('validate', 75, () => cli(['validate', '--org', '--config', CONFIG], org.env));
    } finally {
      org.sandbox.faults.configure({ dailyApiLimit: null });
    }
  });

  it('given preview: the org 0, a missing config 2, a refused login 2, an org over its API limit 75', async () => {
    await expectExit('preview', 0, () => cli(['preview', '--config', CONFIG, '--now', runAt(1)], org.env));
    await expectExit('preview', 2, () => cli(['preview', ...MISSING_CONFIG], org.env));
    await expectExit('preview', 2, () => cli(['preview', '--config', CONFIG], refused));
    org.sandbox.faults.configure({ dailyApiLimit: 1 });
    try {
      await expectExit('preview', 75, () => cli(['preview', '--config', CONFIG, '--now', runAt(1)], org.env));
    } finally {
      org.sandbox.faults.configure({ dailyApiLimit: null });
    }
  });

  it('given sync: a dry run 0, an unreadable state 1, a refused login 2, an org over its API limit 75', async () => {
    const state = path.join(org.dir, 'sync.db');
    const sync = (extra: string[], env = org.env) =>
      cli(['sync', '--config', CONFIG, '--now', runAt(2), ...extra], env);
    await expectExit('sync', 0, () => sync(['--dry-run', '--state', state]));
    await expectExit('sync', 1, () => sync(['--state', unreadable]));
    await expectExit('sync', 2, () => sync(['--state', state], refused));
    org.sandbox.faults.configure({ dailyApiLimit: 1 });
    try {
      await expectExit('sync', 75, () => sync(['--state', state]));
    } finally {
      org.sandbox.faults.configure({ dailyApiLimit: null });
    }
  });

  it.each(['report', 'plan', 'analyze'])(
    'given %s: a synced state 0, a state file with no sync or unreadable 1, a missing config 2',
    async (command) => {
      await expectExit(command, 0, () => cli([command, '--config', CONFIG, '--state', synced, '--now', runAt(1)], {}));
      await expectExit(command, 1, () =>
        cli([command, '--config', CONFIG, '--state', path.join(org.dir, 'never-synced.db')], {}),
      );
      await expectExit(command, 1, () => cli([command, '--config', CONFIG, '--state', unreadable], {}));
      await expectExit(command, 2, () => cli([command, ...MISSING_CONFIG, '--state', synced], {}));
    },
  );

  it('given report --html: a file it can write 0, a folder that does not exist 2', async () => {
    const html = (file: string) =>
      cli(['report', '--config', CONFIG, '--state', synced, '--now', runAt(1), '--html', file], {});
    const written = await expectExit('report', 0, () => html(path.join(org.dir, 'scorecard.html')));
    expect(written.stdout).toBe(`Wrote the scorecard page to ${path.join(org.dir, 'scorecard.html')}.\n`);
    const refusedPath = await expectExit('report', 2, () =>
      html(path.join(org.dir, 'no-such-folder', 'scorecard.html')),
    );
    expect(refusedPath.stderr).toContain('error [USAGE_HTML_PATH]');
  });

  it('given history: a synced state 0, a state file with no sync or unreadable 1, a missing config or a bad --limit 2', async () => {
    const ran = await expectExit('history', 0, () => cli(['history', '--config', CONFIG, '--state', synced], {}));
    expect(ran.stdout).toMatch(/^Last \d+ runs?, newest first/);
    await expectExit('history', 1, () =>
      cli(['history', '--config', CONFIG, '--state', path.join(org.dir, 'never-synced.db')], {}),
    );
    await expectExit('history', 1, () => cli(['history', '--config', CONFIG, '--state', unreadable], {}));
    await expectExit('history', 2, () => cli(['history', ...MISSING_CONFIG, '--state', synced], {}));
    await expectExit('history', 2, () => cli(['history', '--config', CONFIG, '--state', synced, '--limit', '0'], {}));
  });

  it('given serve: stopped at once 0, a missing config or folder, a bad --max-concurrent or a port taken 2, another serve on its state 75 (its runs: test/e2e/serve.test.ts)', async () => {
    const stopped = (args: readonly string[]) =>
      capture((ctx) => runCli(args, { ...ctx, env: org.env, shutdown: Promise.resolve('SIGTERM') }));
    await expectExit('serve', 0, () => stopped(['serve', '--config', CONFIG, '--port', '0', '--log-level', 'warn']));
    await expectExit('serve', 2, () => stopped(['serve', ...MISSING_CONFIG]));
    await expectExit('serve', 2, () => stopped(['serve', '--config', CONFIG, '--max-concurrent', '0']));
    await expectExit('serve', 2, () => stopped(['serve', '--config', CONFIG, '--port', 'eighty']));
    await expectExit('serve', 2, () => stopped(['serve', '--config-dir', path.join(org.dir, 'no-such-folder')]));
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    try {
      const port = String((taken.address() as AddressInfo).port);
      const busy = await expectExit('serve', 2, () => stopped(['serve', '--config', CONFIG, '--port', port]));
      expect(busy.stderr).toContain(`Cannot listen on 127.0.0.1:${port}`);
    } finally {
      taken.close();
    }
    const own = path.join(org.dir, 'served.yaml');
    const served = path.join(org.dir, 'served.db');
    writeFileSync(
      own,
      readFileSync(CONFIG, 'utf8').replace(/path: \.\.\/\.state\/execution-coach\.db/, `path: ${served}`),
    );
    const other = holdStateFiles([served], silentLogger, 'another-host:4242:serve');
    try {
      const refused = await expectExit('serve', 75, () => stopped(['serve', '--config', own, '--port', '0']));
      expect(refused.stderr).toContain('error [SERVE_LOCKED]: Another serve (another-host:4242:serve)');
    } finally {
      other.release();
    }
  });

  it('given demo: a small dealership 0 (from a folder with no config of its own: the packaged one), a missing config 2 (with --days too, before the sandbox starts), days that are no whole number 2', async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'execution-coach-demo-cwd-'));
    try {
      const args = ['demo', '--reps', '4', '--log-level', 'error'];
      const demo = await expectExit('demo', 0, () => capture((ctx) => runCli(args, { ...ctx, cwd: elsewhere })));
      expect(demo.stdout).toContain('The sandbox is stopped now.');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
    await expectExit('demo', 2, () => cli(['demo', ...MISSING_CONFIG], {}));
    const missing = await expectExit('demo', 2, () => cli(['demo', '--days', '30', ...MISSING_CONFIG], {}));
    expect(missing.stderr).toContain('CONFIG_NOT_FOUND');
    expect(missing.stdout).not.toContain('Sandbox org at');
    const days = await expectExit('demo', 2, () => cli(['demo', '--days', 'x'], {}));
    expect(days.stderr).toContain('--days must be a whole number ≥ 1.');
  });

  it('given demo --days 120 --state F, then its first sync read all 120 days, so analyze on F sees more than the 90 the config reads', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'execution-coach-demo-days-'));
    try {
      const state = path.join(dir, 'demo.db');
      await expectExit('demo', 0, () =>
        cli(['demo', '--reps', '4', '--days', '120', '--state', state, '--log-level', 'error'], {}),
      );
      const analysis = await cli(['analyze', '--config', CONFIG, '--state', state, '--json'], {});
      const weeks = (JSON.parse(analysis.stdout) as { history: { weeks: number } }).history.weeks;
      expect(weeks).toBeGreaterThanOrEqual(17);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('given sandbox: an unknown fault 2 (its 0, after Ctrl+C, is test/sandbox/cli-command.test.ts)', async () => {
    await expectExit('sandbox', 2, () => cli(['sandbox', '--port', '0', '--no-seed', '--fault', 'meteor=1'], {}));
  });

  it('given schema: printed 0, an unknown option 2', async () => {
    await expectExit('schema', 0, () => cli(['schema'], {}));
    await expectExit('schema', 2, () => cli(['schema', '--colour'], {}));
  });
});
