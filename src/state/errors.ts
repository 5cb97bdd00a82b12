/**
 * How SQLite failures become CoachErrors. Callers (the orchestrator, the CLI) match on these
 * codes, never on SQLite's messages, and show the actions to a person.
 */
import { CoachError, ExitCode } from '../lib/errors';

export const StateErrorCode = {
  /** The file is not a database, is corrupt, or cannot be opened. */
  unreadable: 'STATE_UNREADABLE',
  /** The file was written by a newer version of the product. */
  tooNew: 'STATE_TOO_NEW',
  /** The file's schema is older than this version's, and a read-only command may not upgrade it. */
  outdated: 'STATE_OUTDATED',
  /** Another process kept the database locked longer than the busy timeout. */
  busy: 'STATE_BUSY',
  /** The disk is full, read-only, or failed. */
  io: 'STATE_IO_FAILED',
  /** The caller passed something the store cannot keep (e.g. a malformed datetime). */
  badInput: 'STATE_BAD_INPUT',
  runExists: 'STATE_RUN_EXISTS',
  runUnknown: 'STATE_RUN_UNKNOWN',
  /** The caller no longer holds the run lock it tried to refresh. */
  lockLost: 'STATE_LOCK_LOST',
  failed: 'STATE_FAILED',
} as const;

/**
 * The error better-sqlite3 throws (`SqliteError`), recognised by its `SQLITE_*` code. Duck-typed:
 * the native addon's errors may come from another realm (jest's VM), where instanceof fails.
 */
function sqliteCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

function matches(code: string, base: string): boolean {
  return code === base || code.startsWith(`${base}_`);
}

export function unreadableError(path: string, cause: unknown): CoachError {
  return new CoachError({
    code: StateErrorCode.unreadable,
    message: `The state file ${path} cannot be read as an Execution Coach database (${describe(cause)}).`,
    actions: [
      `Move ${path} aside (keep it for diagnosis) and run again: the next run re-reads the org and rebuilds the state.`,
      'Check that the path points to a file this user can read and write, not a directory.',
    ],
    exitCode: ExitCode.failure,
    cause,
    data: { path },
  });
}

/**
 * Wraps anything thrown while working on the database. CoachErrors pass through untouched, so
 * a method may throw its own codes from inside a transaction.
 */
export function toStateError(error: unknown, operation: string, path: string): CoachError {
  if (error instanceof CoachError) return error;
  const code = sqliteCode(error) ?? '';
  if (matches(code, 'SQLITE_CORRUPT') || matches(code, 'SQLITE_NOTADB') || matches(code, 'SQLITE_CANTOPEN')) {
    return unreadableError(path, error);
  }
  if (matches(code, 'SQLITE_BUSY') || matches(code, 'SQLITE_LOCKED')) {
    return new CoachError({
      code: StateErrorCode.busy,
      message: `The state file ${path} stayed locked by another process during ${operation}.`,
      actions: ['Wait for the other run to finish, then try again.'],
      exitCode: ExitCode.tryLater,
      retryable: true,
      cause: error,
      data: { path, operation },
    });
  }
  if (
    matches(code, 'SQLITE_FULL') ||
    matches(code, 'SQLITE_IOERR') ||
    matches(code, 'SQLITE_READONLY') ||
    matches(code, 'SQLITE_PERM')
  ) {
    return new CoachError({
      code: StateErrorCode.io,
      message: `Writing the state file ${path} failed during ${operation} (${describe(error)}).`,
      actions: ['Check free disk space and that this user may write the file and its directory.'],
      cause: error,
      data: { path, operation },
    });
  }
  return new CoachError({
    code: StateErrorCode.failed,
    message: `The state store failed during ${operation}: ${describe(error)}.`,
    actions: ['Run again; if it keeps failing, report it with this message.'],
    cause: error,
    data: { path, operation },
  });
}

export function badInput(message: string, data?: unknown): CoachError {
  return new CoachError({
    code: StateErrorCode.badInput,
    message,
    actions: ['This is a bug in the caller of the state store: report it with this message.'],
    data,
  });
}

function describe(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}
