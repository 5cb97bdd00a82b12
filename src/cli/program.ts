import { Command, CommanderError } from 'commander';
import { CoachError, ExitCode, isCoachError } from '../lib/errors';
import { fromCore } from '../sync/core-errors';
import type { CliContext } from './context';
import { registerAnalyze } from './commands/analyze';
import { registerDemo } from './commands/demo';
import { reportError } from './context';
import { registerHistory } from './commands/history';
import { registerPlan } from './commands/plan';
import { registerPreview } from './commands/preview';
import { registerReport } from './commands/report';
import { registerSandbox } from './commands/sandbox';
import { registerSchema } from './commands/schema';
import { registerServe } from './commands/serve';
import { registerSync } from './commands/sync';
import { registerValidate } from './commands/validate';

// Read at run time so the version printed is the one in package.json, not a copy.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../../package.json') as { version: string };

/** Each command lives in its own module under ./commands and registers itself here. */
const COMMANDS: ReadonlyArray<(program: Command, ctx: CliContext) => void> = [
  registerValidate,
  registerSync,
  registerServe,
  registerPreview,
  registerPlan,
  registerReport,
  registerHistory,
  registerAnalyze,
  registerSchema,
  registerSandbox,
  registerDemo,
];

export function buildProgram(ctx: CliContext): Command {
  const program = new Command();
  program
    .name('execution-coach')
    .description(
      "Measures each salesperson's steps to the sale in Salesforce, diagnoses the weak step and writes coaching back into the CRM.",
    )
    .version(version, '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: ctx.out, writeErr: ctx.err })
    .exitOverride();
  for (const register of COMMANDS) register(program, ctx);
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: ctx.out, writeErr: ctx.err });
    command.showHelpAfterError('(run with --help for usage)');
  }
  return program;
}

/** Runs the CLI and returns the exit code; never calls process.exit itself. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv, { from: 'user' });
    // A command that did not succeed throws a CoachError carrying its exit code.
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through exitOverride with exit code 0.
      if (error.exitCode === 0) return ExitCode.ok;
      return ExitCode.usage;
    }
    // Commands that call the core directly (report, plan) meet its errors here.
    const known = fromCore(error);
    if (isCoachError(known)) {
      reportError(ctx, known);
      return known.exitCode;
    }
    const unexpected = new CoachError({
      code: 'UNEXPECTED',
      message: error instanceof Error ? error.message : String(error),
      actions: ['This is a bug: please report it with the command you ran.'],
      cause: error,
    });
    reportError(ctx, unexpected);
    return ExitCode.failure;
  }
}
