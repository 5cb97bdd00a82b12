import type { Command } from 'commander';
import type { CliContext } from '../context';

/** Placeholder: the `schema` command is being built (see the issue that owns it). */
export function registerSchema(program: Command, _ctx: CliContext): void {
  program.command('schema').description('(not yet available)');
}
