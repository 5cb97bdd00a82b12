/**
 * Secrets never leave the process (issue 13, item 3): every command a dealership runs, against an org whose every
 * secret and token carries SENTINEL, at debug level, through a refused login, a session that ends mid-run and one
 * that cannot be renewed, an answer that quotes the token sent, `serve` with its API token. Nothing it prints, and no
 * file it leaves (the state and its journal, a scorecard page), holds the sentinel. `close` of the e2e support checks
 * the same for every other e2e file.
 */
import path from 'node:path';
import { runCli } from '../../src/cli/program';
import { everySecond, runsIn, until } from './serve-support';
import { cli, CONFIG, type DemoOrg, leaksOf, runAt, SENTINEL, startCli, startDemoOrg } from './support';

const API_TOKEN = `api-token-${SENTINEL}`;

/** The arguments of a command on the org's state, at the n-th run's time, logging everything as JSON lines. */
function onState(org: DemoOrg, command: string, n: number, ...extra: string[]): string[] {
  return [command, '--config', CONFIG, '--state', org.statePath, '--now', runAt(n), ...extra];
}

/** `serve` in this process on a config of its own, until one run it was asked for over HTTP has finished. */
async function serveOneRun(org: DemoOrg): Promise<{ code: number; printed: string; refused: number[] }> {
  const config = everySecond(org, 'served', { live: true });
  let stop: (signal: string) => void = () => undefined;
  const shutdown = new Promise<string>((resolve) => (stop = resolve));
  let printed = '';
  const serving = runCli(['serve', '--config', config, '--port', '0', '--log-level', 'debug'], {
    out: (text) => void (printed += text),
    err: (text) => void (printed += text),
    env: { ...org.env, EXECUTION_COACH_API_TOKEN: API_TOKEN },
    cwd: org.dir,
    isTTY: false,
    shutdown,
  });
  await until(() => /on http:\/\/127\.0\.0\.1:\d+:/.test(printed));
  const base = /on (http:\/\/127\.0\.0\.1:\d+):/.exec(printed)?.[1] ?? '';
  const post = (authorization?: string): Promise<Response> =>
    fetch(`${base}/runs`, { method: 'POST', headers: authorization ? { authorization } : {} });
  const refused = [(await post()).status, (await post(`Bearer ${API_TOKEN}x`)).status];
  let asked = false;
  await until(
    () => asked,
    20_000,
    async () => void (asked = (await post(`Bearer ${API_TOKEN}`)).status === 202),
  );
  const state = path.join(org.dir, 'served.db');
  await until(() => runsIn(state).some((run) => run.finishedAt !== null));
  stop('SIGTERM');
  return { code: await serving, printed, refused };
}

describe('end to end: no secret in any output, log or state', () => {
  let org: DemoOrg;
  beforeAll(async () => {
    org = await startDemoOrg();
  });
  afterAll(() => org.close());

  it('given every command, a refused login, sessions ending mid-run, an answer quoting the token and serve, when they run at debug level, then the sentinel of the secrets appears in nothing they print or leave', async () => {
    const debug = ['--log-level', 'debug'];
    // A sync that meets two 503s and a session ending mid-read: it retries and logs in again.
    org.sandbox.faults.configure({ unavailableRequests: 2, expireSessionAfterCalls: 5 });
    expect((await cli(onState(org, 'sync', 0, '--live', ...debug), org.env)).code).toBe(0);
    org.sandbox.faults.clear();
    // An answer that quotes the token the request carried (an echoing gateway): the run fails and says why, in its
    // output, its log and the history it stores.
    org.sandbox.faults.configure({ quoteAuthorizationRequests: 1 });
    const quoted = await cli(onState(org, 'sync', 1, '--live', ...debug), org.env);
    org.sandbox.faults.clear();
    expect(quoted.stderr).toContain('Rejected by the gateway: Bearer [redacted]');

    const reads = [
      onState(org, 'report', 0),
      onState(org, 'report', 0, '--html', path.join(org.dir, 'scorecard.html')),
      onState(org, 'plan', 0, '--json'),
      ['history', '--config', CONFIG, '--state', org.statePath, '--json'],
      ['preview', '--config', CONFIG, '--now', runAt(1), ...debug],
      ['validate', '--org', '--config', CONFIG, ...debug],
    ];
    for (const args of reads) expect((await cli(args, org.env)).code).toBe(0);

    // A login refused: the secret sent is a wrong one, and just as secret.
    const refused = await cli(onState(org, 'sync', 1, '--live', ...debug), {
      ...org.env,
      SF_CLIENT_SECRET: `wrong-${SENTINEL}`,
    });
    expect(refused.stderr).toContain('SF_AUTH_FAILED');
    // A token handed over (no renewal) that the org ends mid-run: the run fails, and says so without the token.
    org.sandbox.faults.configure({ expireSessionAfterCalls: 3 });
    const expired = await cli(onState(org, 'sync', 1, '--live', ...debug), {
      SF_INSTANCE_URL: org.sandbox.url,
      SF_ACCESS_TOKEN: org.sandbox.sessions.issue(org.sandbox.org.integrationUserId).accessToken,
    });
    org.sandbox.faults.clear();
    expect(expired.stderr).toContain('SF_SESSION_EXPIRED');
    // The same refusal from a process of its own, printing through the real stdout and stderr.
    const child = await startCli(onState(org, 'sync', 1, '--live', ...debug), {
      ...org.env,
      SF_CLIENT_SECRET: `wrong-${SENTINEL}`,
    }).done;
    expect(child.stderr).toContain('SF_AUTH_FAILED');

    const served = await serveOneRun(org);
    expect({ code: served.code, refused: served.refused }).toEqual({ code: 0, refused: [401, 401] });

    expect(served.printed).not.toContain(SENTINEL);
    expect(leaksOf(org.dir)).toEqual([]);
  }, 120_000);
});
