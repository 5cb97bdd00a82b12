import type { Command } from 'commander';
import type { CliContext } from '../context';

/** Placeholder: the `validate` command is being built (see the issue that owns it). */
export function registerValidate(program: Command, _ctx: CliContext): void {
  program.command('validate').description('(not yet available)');
}
