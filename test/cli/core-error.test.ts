import type { Command } from 'commander';
import { runCli } from '../../src/cli/program';
import type { CliContext } from '../../src/cli/context';

// `schema` stands in for a command that calls the core directly (report, plan) and meets a
// CoreError: the core's rules are reached only with a model the config loader would refuse.
jest.mock('../../src/cli/commands/schema', () => {
  const { CoreError } = jest.requireActual<typeof import('../../src/core')>('../../src/core');
  return {
    registerSchema: (program: Command) =>
      program.command('schema').action(() => {
        throw new CoreError('INVALID_TIME_ZONE', '"Mars/Olympus" is not an IANA time zone this runtime knows.');
      }),
  };
});

function capture(): CliContext & { stderr: () => string } {
  let err = '';
  return {
    out: () => undefined,
    err: (t) => void (err += t),
    env: {},
    cwd: process.cwd(),
    isTTY: false,
    stderr: () => err,
  };
}

describe('a core error reaching the command line', () => {
  it('given a CoreError with a known code, then the CLI prints its code and actions and exits 2', async () => {
    const ctx = capture();

    const code = await runCli(['schema'], ctx);

    expect(code).toBe(2);
    expect(ctx.stderr()).toContain('error [INVALID_TIME_ZONE]: "Mars/Olympus" is not an IANA time zone');
    expect(ctx.stderr()).toContain('→ Set dealership.timeZone');
    expect(ctx.stderr()).not.toContain('This is a bug');
  });
});
