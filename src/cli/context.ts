/**
 * What a command needs from the outside world, passed in rather than reached for, so that
 * tests run commands in-process with captured output and a fixed environment.
 */
import type { CoachError } from '../lib/errors';
import { redactorFor } from './secrets';

export interface CliContext {
  /** Writes to standard output (no newline added). */
  out: (text: string) => void;
  /** Writes to standard error (no newline added). */
  err: (text: string) => void;
  /** The environment (secrets are read from here and nowhere else). */
  env: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Whether stdout is a terminal (readable logs) or not (JSON logs). */
  isTTY: boolean;
  /** Standard error when it is a terminal: a long read draws its progress bars there. Absent: log lines instead. */
  terminal?: NodeJS.WritableStream;
  /**
   * Resolves with a signal's name when the process is asked to stop (SIGTERM, SIGINT): long-running commands
   * (`serve`) wait on it. Tests pass their own; without one such a command listens to the process's signals.
   */
  shutdown?: Promise<string>;
}

/**
 * Prints an error the way every command does: what happened, then what to do. Redacted here too, since an org's
 * answer in the message may quote a secret; the secrets of a config's renamed variables are taken out where the
 * config is known (`runAgainstOrg`, `orgCheck`), before the error gets here.
 */
export function reportError(ctx: Pick<CliContext, 'err' | 'env'>, error: CoachError): void {
  const redactor = redactorFor(ctx.env);
  ctx.err(`error [${error.code}]: ${redactor.text(error.message)}\n`);
  for (const action of error.actions) ctx.err(`  → ${redactor.text(action)}\n`);
}

/** A promise of the first SIGTERM or SIGINT the process receives. */
export function processShutdown(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      resolve(signal);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

export function processContext(): CliContext {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    ...(process.stderr.isTTY ? { terminal: process.stderr } : {}),
  };
}
