import type { Command } from 'commander';
import type { CliContext } from '../context';

/** Placeholder: the `sandbox` command is being built (see the issue that owns it). */
export function registerSandbox(program: Command, _ctx: CliContext): void {
  program.command('sandbox').description('(not yet available)');
}
