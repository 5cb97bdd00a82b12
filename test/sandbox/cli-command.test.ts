import { Connection } from '@jsforce/jsforce-node';
import { sandboxOptionsFrom } from '../../src/cli/commands/sandbox';
import { runCli } from '../../src/cli/program';
import { capture } from '../cli/capture';

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('execution-coach sandbox', () => {
  it('given --no-seed on port 0, then it prints how to connect, serves until SIGINT, and exits 0', async () => {
    const ctx = capture();
    const running = runCli(['sandbox', '--port', '0', '--no-seed', '--now', '2026-11-20T15:00:00Z'], ctx);
    await waitFor(() => ctx.stdout().includes('Press Ctrl+C'));
    const url = /running at (\S+)/.exec(ctx.stdout())?.[1] ?? '';
    const token = /access token +(\S+)/.exec(ctx.stdout())?.[1] ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(ctx.stdout()).toMatch(/client id +\S+\n {2}client secret +\S+/);
    const conn = new Connection({ instanceUrl: url, accessToken: token, version: '62.0' });
    expect((await conn.query('SELECT Id FROM Organization')).totalSize).toBe(1);
    process.emit('SIGINT');
    expect(await running).toBe(0);
    expect(ctx.stdout()).toContain('Stopping the sandbox');
  });

  it('given flags, then they map onto sandbox options (latency, faults, seed)', () => {
    expect(
      sandboxOptionsFrom({ port: 0, seed: 9, reps: 4, fault: ['unavailable=2'], latencyMs: 30, apiLimit: 500 }),
    ).toEqual({
      port: 0,
      apiLimit: 500,
      seed: { seed: 9, reps: 4, days: undefined, scale: undefined },
      faults: { unavailableRequests: 2, latencyMinMs: 30, latencyMaxMs: 30 },
    });
  });

  it('given an unknown fault, then it exits 2 and lists the known ones', async () => {
    const ctx = capture();
    expect(await runCli(['sandbox', '--port', '0', '--no-seed', '--fault', 'meteor=1'], ctx)).toBe(2);
    expect(ctx.stderr()).toContain('error [SANDBOX_BAD_FAULT]');
    expect(ctx.stderr()).toContain('expire-session-after=N');
  });
});
