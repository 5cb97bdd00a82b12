/**
 * How a run ended (ARCHITECTURE.md §8), told by what stopped it rather than by its exit code:
 * exit code 75 means "try later" for a spent API allowance, a Salesforce outage and a busy
 * state file alike, and the run history must tell an operator which of them happened.
 */
import { isCoachError } from '../lib/errors';

export type RunResult =
  /** Everything was read, computed and (when the writer sends) written. */
  | 'ok'
  /** A person has to act: config, credentials, permissions, a record the org refused, or a bug. */
  | 'failed'
  /** The org's API allowance is spent; the next run continues from the checkpoints. */
  | 'stopped_api_limit'
  /** Salesforce did not answer, even after retries; nothing to fix, the next run continues. */
  | 'unavailable'
  /** Another run or process held what this run needed (the run lock, the state file). */
  | 'locked'
  /** The process died mid-run; the next run found it still `running` and closed it. */
  | 'interrupted'
  /** Asked to stop (`serve` got SIGTERM): it stopped at a checkpoint; the next run continues from there. */
  | 'stopped';

/**
 * Every code a run can stop with, and the result it records. Codes thrown before a run starts
 * (CONFIG_*, USAGE_*, SANDBOX_*, REPORT_NO_DATA, a login that fails before the first call)
 * never reach the history; any code missing here is recorded as `failed`.
 */
export const RESULT_BY_CODE: Readonly<Record<string, RunResult>> = {
  SF_API_LIMIT: 'stopped_api_limit',
  // The connector's own ceiling (sync.maxApiUsage) stops the run before the org's does.
  SF_API_BUDGET: 'stopped_api_limit',

  SF_UNAVAILABLE: 'unavailable',
  // A Bulk job Salesforce is still working on: what was read before it is kept.
  SF_BULK_TIMEOUT: 'unavailable',

  // Not recorded in practice: a run refused the lock never starts, since starting would mark
  // the holder's run interrupted. Listed so that the code has its meaning wherever it is read.
  RUN_LOCKED: 'locked',
  // The lock expired under this run and another run took it over: this one stops.
  STATE_LOCK_LOST: 'locked',
  // Another process kept the state file's write lock past the busy timeout.
  STATE_BUSY: 'locked',

  // serve was told to stop (SIGTERM, SIGINT) and the run stopped at its next checkpoint: nothing to fix.
  RUN_STOPPED: 'stopped',

  SF_SESSION_EXPIRED: 'failed',
  SF_AUTH_FAILED: 'failed',
  SF_AUTH_INVALID: 'failed',
  SF_AUTH_MISSING: 'failed',
  SF_TARGET_ORG_UNKNOWN: 'failed',
  SF_PERMISSION: 'failed',
  SF_CONFIG_MISMATCH: 'failed',
  SF_REQUEST_FAILED: 'failed',
  SF_BAD_RESPONSE: 'failed',
  SF_BAD_DATETIME: 'failed',
  SF_BAD_PAGE_SIZE: 'failed',
  SF_SESSION_CLOSED: 'failed',
  // A job that ended Failed or Aborted is Salesforce's verdict, not a wait: someone should look.
  SF_BULK_JOB_FAILED: 'failed',
  SOQL_INVALID_IDENTIFIER: 'failed',
  SOQL_INVALID_VALUE: 'failed',
  STATE_UNREADABLE: 'failed',
  STATE_TOO_NEW: 'failed',
  // Thrown only by a read-only open (report, history), never by a run, which migrates: listed for completeness.
  STATE_OUTDATED: 'failed',
  STATE_IO_FAILED: 'failed',
  STATE_BAD_INPUT: 'failed',
  STATE_RUN_EXISTS: 'failed',
  STATE_RUN_UNKNOWN: 'failed',
  STATE_FAILED: 'failed',
  // The core's codes (see core-errors.ts): the config or an invariant, never worth a retry.
  INVALID_TIME_ZONE: 'failed',
  INVALID_DATE: 'failed',
  INVALID_TIME: 'failed',
  TOO_MANY_STEPS: 'failed',
  DUPLICATE_KEY: 'failed',
  NOT_SERIALISABLE: 'failed',
  // The predictive analysis's (a lag window or an outcome step it cannot use): thrown by `analyze`, never by a run.
  INVALID_LAG: 'failed',
  UNKNOWN_STEP: 'failed',
};

/** The result of a run that stopped with `error`; anything without a known code is `failed`. */
export function runResultOf(error: unknown): RunResult {
  if (!isCoachError(error)) return 'failed';
  return Object.hasOwn(RESULT_BY_CODE, error.code) ? (RESULT_BY_CODE[error.code] ?? 'failed') : 'failed';
}
