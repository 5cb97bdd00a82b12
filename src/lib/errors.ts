/**
 * The one error type of the product. Modelled on @salesforce/core's SfError: a stable `code`
 * that scripts and tests can match on (never the message), `actions` that tell a person how
 * to fix it, and the process exit code the CLI should end with.
 */
import type { Redactor } from './logger';

/** Exit codes of the CLI (ARCHITECTURE.md §8). 75 is sysexits' EX_TEMPFAIL: try again later. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  tryLater: 75,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export interface CoachErrorOptions {
  /** Stable, machine-readable code, e.g. `CONFIG_INVALID`, `API_LIMIT_REACHED`. */
  code: string;
  /** One or more sentences a person reads. */
  message: string;
  /** What to do about it, each a short imperative sentence. */
  actions?: readonly string[];
  /** Process exit code the CLI should use; defaults to 1 (failure). */
  exitCode?: ExitCodeValue;
  /** Whether the same operation may succeed if simply tried again later. */
  retryable?: boolean;
  /** The underlying error, kept for logs. */
  cause?: unknown;
  /** Structured details (e.g. the list of config problems); never secrets. */
  data?: unknown;
}

export class CoachError extends Error {
  readonly code: string;
  readonly actions: readonly string[];
  readonly exitCode: ExitCodeValue;
  readonly retryable: boolean;
  readonly data: unknown;

  constructor(options: CoachErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CoachError';
    this.code = options.code;
    this.actions = options.actions ?? [];
    this.exitCode = options.exitCode ?? ExitCode.failure;
    this.retryable = options.retryable ?? false;
    this.data = options.data;
  }

  /** Plain object for `--json` output and structured logs. */
  toJSON(): { code: string; message: string; actions: readonly string[]; exitCode: number; data?: unknown } {
    return {
      code: this.code,
      message: this.message,
      actions: this.actions,
      exitCode: this.exitCode,
      ...(this.data === undefined ? {} : { data: this.data }),
    };
  }
}

export function isCoachError(error: unknown): error is CoachError {
  return error instanceof CoachError;
}

/** An error as log fields: its code when it has one, and its message (never a stack). */
export function errorFields(error: unknown): { code?: string; error: string } {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return { ...(typeof code === 'string' ? { code } : {}), error: message };
}

/**
 * The error with every secret the redactor knows taken out of what is printed or stored of it: a CoachError's
 * message, actions and data (an org's answer may quote the session token); any other error's message, changed in
 * place so that it keeps its class (the CLI tells a core error from a bug by it).
 */
export function redactError(error: unknown, redactor: Redactor): unknown {
  if (error instanceof CoachError) {
    return new CoachError({
      code: error.code,
      message: redactor.text(error.message),
      actions: error.actions.map((action) => redactor.text(action)),
      exitCode: error.exitCode,
      retryable: error.retryable,
      ...(error.cause === undefined ? {} : { cause: error.cause }),
      ...(error.data === undefined ? {} : { data: redactor.value(error.data) }),
    });
  }
  if (error instanceof Error) error.message = redactor.text(error.message);
  return error;
}
