import { runCli } from '../../src/cli/program';
import { renderConfigJsonSchema } from '../../src/config';
import type { CliContext } from '../../src/cli/context';

function capture(): CliContext & { stdout: () => string } {
  let out = '';
  return {
    out: (t) => void (out += t),
    err: () => undefined,
    env: {},
    cwd: process.cwd(),
    isTTY: false,
    stdout: () => out,
  };
}

describe('execution-coach schema', () => {
  it('given no options, then it prints the config JSON Schema and exits 0', async () => {
    const ctx = capture();
    expect(await runCli(['schema'], ctx)).toBe(0);
    expect(ctx.stdout()).toBe(renderConfigJsonSchema());
    const schema = JSON.parse(ctx.stdout());
    expect(schema.title).toBe('Execution Coach configuration');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining([
        'version',
        'dealership',
        'salesforce',
        'team',
        'steps',
        'measures',
        'goals',
        'coaching',
        'writeBack',
        'sync',
        'schedule',
        'state',
      ]),
    );
  });

  it('given --help, then it exits 0 with a description', async () => {
    const ctx = capture();
    expect(await runCli(['schema', '--help'], ctx)).toBe(0);
    expect(ctx.stdout()).toContain('JSON Schema');
  });
});
