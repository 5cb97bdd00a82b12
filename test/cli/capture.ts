/** A CLI context for tests: no environment, not a terminal, keeping what the command writes to stdout and stderr. */
import type { CliContext } from '../../src/cli/context';

export type CapturedCli = CliContext & { stdout: () => string; stderr: () => string };

export function capture(cwd = process.cwd()): CapturedCli {
  let out = '';
  let err = '';
  return {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    env: {},
    cwd,
    isTTY: false,
    stdout: () => out,
    stderr: () => err,
  };
}
