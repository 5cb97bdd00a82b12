import type { Command } from 'commander';
import { renderConfigJsonSchema } from '../../config';
import type { CliContext } from '../context';

export function registerSchema(program: Command, ctx: CliContext): void {
  program
    .command('schema')
    .description('Print the JSON Schema of the config file (for editors and CI checks).')
    .action(() => ctx.out(renderConfigJsonSchema()));
}
