/**
 * Every listener binds loopback unless told otherwise (issue 13, item 3): the sandbox org (behind `sandbox` and
 * `demo`) and `serve`, each started without a host, are asked where they listen. test/lint/listen-host.test.ts makes
 * sure no other listener hides in the code without naming its host.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Server } from 'node:net';
import path from 'node:path';
import { runCli } from '../../src/cli/program';
import { until } from './serve-support';
import { CONFIG, type DemoOrg, startDemoOrg } from './support';

describe('end to end: where the listeners bind', () => {
  const listening = jest.spyOn(Server.prototype, 'listen');
  const addresses = (): string[] =>
    listening.mock.contexts.map((server) => ((server as Server).address() as AddressInfo | null)?.address ?? 'closed');
  let org: DemoOrg | undefined;
  afterAll(async () => {
    listening.mockRestore();
    await org?.close();
  });

  it('given the sandbox org and serve started without a host, then each listens on 127.0.0.1 only', async () => {
    org = await startDemoOrg();
    expect(addresses()).toEqual(['127.0.0.1']);

    // The reference config, hourly (nothing runs while it is up), its state in the scratch folder.
    const config = path.join(org.dir, 'served.yaml');
    writeFileSync(
      config,
      readFileSync(CONFIG, 'utf8').replace(/path: \.\.\/\.state\/execution-coach\.db/, `path: ${org.statePath}`),
    );
    let printed = '';
    let stop: (signal: string) => void = () => undefined;
    const shutdown = new Promise<string>((resolve) => (stop = resolve));
    const serving = runCli(['serve', '--config', config, '--port', '0', '--log-level', 'warn'], {
      out: (text) => void (printed += text),
      err: (text) => void (printed += text),
      env: org.env,
      cwd: org.dir,
      isTTY: false,
      shutdown,
    });
    await until(() => printed.includes('Serving'));
    const bound = addresses();
    stop('SIGTERM');

    expect(await serving).toBe(0);
    expect(bound).toEqual(['127.0.0.1', '127.0.0.1']);
    expect(printed).toMatch(/on http:\/\/127\.0\.0\.1:\d+:/);
  });
});
