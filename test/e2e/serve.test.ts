/**
 * `serve` end to end against the sandbox org: several dealership configs scheduled in one process (here every
 * second), a config with a problem reported and skipped (or, with --strict, nothing started), and a stop on SIGTERM
 * that stops the running syncs at their next checkpoint and exits 0 (a stop mid-run: serve-stop.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/program';
import { everySecond, runsIn, until } from './serve-support';
import { cli, CONFIG, type DemoOrg, startCli, startDemoOrg } from './support';

const finishedRuns = (statePath: string): string[] =>
  runsIn(statePath)
    .filter((run) => run.finishedAt !== null)
    .map((run) => run.result);

const TOKEN = 'e2e-token-that-never-appears-in-output';

describe('end to end: serve', () => {
  let org: DemoOrg;
  let north: string;
  let south: string;
  let broken: string;
  beforeAll(async () => {
    org = await startDemoOrg();
    north = everySecond(org, 'north');
    south = everySecond(org, 'south');
    broken = path.join(org.dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(north, 'utf8').replace('windowDays: 30', 'windowDays: thirty'));
  });
  afterAll(() => org.close());

  it('given two configs and a broken one, when serve runs until told to stop, then both dealerships sync on schedule, a run starts by hand behind the token read from its file, the broken one is reported and skipped, and it stops cleanly', async () => {
    // The token as a mounted Secret holds it: a file, ending in a newline.
    const tokenFile = path.join(org.dir, 'api-token');
    writeFileSync(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
    let stop: (signal: string) => void = () => undefined;
    const shutdown = new Promise<string>((resolve) => (stop = resolve));
    let stdout = '';
    let stderr = '';
    const serving = runCli(
      ['serve', '--config', north, south, broken, '--max-concurrent', '1', '--port', '0', '--log-level', 'warn'],
      {
        out: (text) => void (stdout += text),
        err: (text) => void (stderr += text),
        env: { ...org.env, EXECUTION_COACH_API_TOKEN_FILE: tokenFile },
        cwd: path.dirname(CONFIG),
        isTTY: false,
        shutdown,
      },
    );
    const states = ['north', 'south'].map((name) => path.join(org.dir, `${name}.db`));
    await until(() => states.every((state) => finishedRuns(state).length >= 2));
    // Over a real socket, while it serves: alive, ready, its metrics and both dealerships' runs; no token, no runs.
    const base = /on (http:\/\/127\.0\.0\.1:\d+):/.exec(stdout)?.[1] ?? 'no address printed';
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // Both served dealerships are ready; the broken config, which nobody syncs, keeps the process from being so.
    const readiness = await fetch(`${base}/readyz`);
    expect([readiness.status, await readiness.json()]).toEqual([
      503,
      {
        status: 'not ready',
        orgs: [
          { org: north, problem: null },
          { org: south, problem: null },
          { org: broken, problem: 'not served: CONFIG_INVALID' },
        ],
      },
    ]);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/execution_coach_runs_total\{org="[^"]*north\.yaml",result="ok"\} [1-9]/);
    const runs = (await (await fetch(`${base}/runs`)).json()) as Array<{ org: string; runs: unknown[] }>;
    expect(runs.map((entry) => [path.basename(entry.org), entry.runs.length >= 2])).toEqual([
      ['north.yaml', true],
      ['south.yaml', true],
    ]);
    // A run started by hand: refused without the token; with it, 202 and the run's id (409 while north is busy).
    const post = (auth?: string) =>
      fetch(`${base}/runs`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
        body: JSON.stringify({ org: north }),
      });
    expect((await post()).status).toBe(401);
    let runId = '';
    await until(
      () => runId !== '',
      20_000,
      async () => {
        const response = await post(`Bearer ${TOKEN}`);
        if (response.status === 202) runId = ((await response.json()) as { runId: string }).runId;
        else expect(response.status).toBe(409);
      },
    );
    let result = '';
    await until(
      () => result === 'ok',
      20_000,
      async () => {
        const response = await fetch(`${base}/runs/${runId}`);
        if (response.status === 200) result = ((await response.json()) as { run: { result: string } }).run.result;
      },
    );
    expect(stdout + stderr).not.toContain(TOKEN);
    stop('SIGTERM');
    expect(await serving).toBe(0);

    expect(stdout).toMatch(
      /^Serving 2 dealerships, at most 1 runs at once, on http:\/\/127\.0\.0\.1:\d+:\n {2}.*north\.yaml: "\* \* \* \* \* \*" \(America\/Chicago\)\n/,
    );
    expect(stdout).toMatch(/SIGTERM: no new runs; [01] running stop at their next checkpoint\./);
    expect(stdout.trimEnd().endsWith('Stopped.')).toBe(true);
    expect(stderr).toContain(`Skipping ${broken}, which cannot be served:\nerror [CONFIG_INVALID]`);
    for (const state of states) {
      const results = finishedRuns(state);
      expect(results.filter((result) => result === 'ok').length).toBeGreaterThanOrEqual(2);
      expect(results.filter((result) => result !== 'ok' && result !== 'stopped')).toEqual([]);
    }
  }, 60_000);

  it('given the API token both as a variable and as a file, when serve starts, then it exits 2 naming both and schedules nothing', async () => {
    const tokenFile = path.join(org.dir, 'both-token');
    writeFileSync(tokenFile, 'from-the-file');
    const env = {
      ...org.env,
      EXECUTION_COACH_API_TOKEN: 'from-the-variable',
      EXECUTION_COACH_API_TOKEN_FILE: tokenFile,
    };

    const run = await cli(['serve', '--config', north, '--port', '0', '--log-level', 'warn'], env);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'error [USAGE_SERVE]: EXECUTION_COACH_API_TOKEN and EXECUTION_COACH_API_TOKEN_FILE are both set',
    );
    expect(run.stdout).not.toContain('Serving');
    expect(run.stdout + run.stderr).not.toMatch(/from-the-(file|variable)/);
  });

  it('given --strict and a broken config, when serve starts, then it exits 2 and schedules nothing', async () => {
    const run = await cli(['serve', '--strict', '--config', north, broken, '--log-level', 'warn'], org.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('CONFIG_INVALID');
    expect(run.stdout).not.toContain('Serving');
  });

  it('given serve running as a process, when it gets SIGTERM, then the run in progress stops at a checkpoint and it exits 0', async () => {
    const state = path.join(org.dir, 'solo.db');
    const solo = everySecond(org, 'solo');
    // Error level: a tick every second skips while a run goes on, a warning expected here.
    const child = startCli(['serve', '--config', solo, '--port', '0', '--log-level', 'error'], org.env);
    await until(() => finishedRuns(state).length >= 1);
    process.kill(child.pid, 'SIGTERM');
    const ended = await child.done;
    expect({ code: ended.code, stderr: ended.stderr }).toEqual({ code: 0, stderr: '' });
    expect(ended.stdout).toContain('SIGTERM: no new runs');
    expect(ended.stdout.trimEnd().endsWith('Stopped.')).toBe(true);
    const results = finishedRuns(state);
    expect(results.at(-1)).toBe('ok');
    expect(results.filter((result) => result !== 'ok' && result !== 'stopped')).toEqual([]);
  }, 60_000);
});
