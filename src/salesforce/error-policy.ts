/**
 * The one table that says what to do about a Salesforce failure, keyed on HTTP status,
 * `errorCode` and socket error code, never on message text (one documented exception below),
 * and the translation of a failure into a CoachError with a stable code, actions and exit code.
 */
import { CoachError, ExitCode, isCoachError } from '../lib/errors';
import type { SalesforceFailure } from './request-error';
import { summariseFailure } from './request-error';

export type ErrorAction =
  /** Re-authenticate once and replay; jsforce's refresh delegate does it, see connect.ts. */
  | 'reauth'
  /** Transient: retry the request with backoff. */
  | 'retry'
  /** The org's daily API allowance is spent: stop cleanly, keep checkpoints, exit 75. */
  | 'stopTryLater'
  /** Per-item failure worth retrying for that item only (row lock). */
  | 'retryItem'
  /** The query cursor is gone: restart the read from the last record yielded. */
  | 'requery'
  /** The config names something the org does not have: exit 2 saying what to fix. */
  | 'failConfig'
  /** The integration user may not do this: exit 1 naming the permission set. */
  | 'failPermission'
  | 'fail';

interface PolicyRule {
  status?: number | '5xx';
  errorCode?: string;
  transportCode?: string;
  action: ErrorAction;
  /** Fewer retries than the default, for failures that rarely clear by themselves. */
  maxRetries?: number;
}

/** First matching rule wins: codes before statuses, specific statuses before ranges. */
const RULES: readonly PolicyRule[] = [
  { errorCode: 'INVALID_SESSION_ID', action: 'reauth' },
  // REQUEST_LIMIT_EXCEEDED covers both the daily and the concurrent limit: see limitAction().
  { errorCode: 'REQUEST_LIMIT_EXCEEDED', action: 'stopTryLater' },
  // Cursors live two days; a lost one is re-run from the last record, not retried as is.
  { errorCode: 'INVALID_QUERY_LOCATOR', action: 'requery' },
  // Row-lock contention with other automation clears within seconds.
  { errorCode: 'UNABLE_TO_LOCK_ROW', action: 'retryItem' },
  // A query that timed out once may pass on a warm cache; twice means it is not selective enough.
  { errorCode: 'QUERY_TIMEOUT', action: 'retry', maxRetries: 1 },
  { errorCode: 'SERVER_UNAVAILABLE', action: 'retry' },
  { errorCode: 'INVALID_FIELD', action: 'failConfig' },
  { errorCode: 'INVALID_TYPE', action: 'failConfig' },
  { errorCode: 'MALFORMED_QUERY', action: 'failConfig' },
  { errorCode: 'NOT_FOUND', action: 'failConfig' },
  { errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', action: 'failConfig' },
  { errorCode: 'INSUFFICIENT_ACCESS', action: 'failPermission' },
  { errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', action: 'failPermission' },
  { errorCode: 'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', action: 'failPermission' },
  { errorCode: 'API_DISABLED_FOR_ORG', action: 'failPermission' },
  { errorCode: 'API_CURRENTLY_DISABLED', action: 'failPermission' },
  // Any other 401 is a session problem too (jsforce refreshes on every 401).
  { status: 401, action: 'reauth' },
  { status: 403, action: 'failPermission' },
  // An unknown sObject in a URL, or an API version the org does not serve.
  { status: 404, action: 'failConfig' },
  // Deleted or expired orgs answer 420 for good; jsforce caps it at 2 retries for the same reason.
  { status: 420, action: 'retry', maxRetries: 2 },
  { status: 429, action: 'retry' },
  { status: '5xx', action: 'retry' },
  { transportCode: 'ECONNRESET', action: 'retry' },
  { transportCode: 'ECONNREFUSED', action: 'retry' },
  { transportCode: 'ETIMEDOUT', action: 'retry' },
  { transportCode: 'EPIPE', action: 'retry' },
  { transportCode: 'UND_ERR_SOCKET', action: 'retry' },
  { transportCode: 'EAI_AGAIN', action: 'retry' },
  { transportCode: 'REQUEST_TIMEOUT', action: 'retry' },
  // A host that does not resolve is a wrong URL far more often than a DNS outage.
  { transportCode: 'ENOTFOUND', action: 'failConfig' },
];

/**
 * The one classification by message text. Salesforce uses REQUEST_LIMIT_EXCEEDED with the same
 * status for the daily allowance ("TotalRequests Limit exceeded.") and for too many concurrent
 * long requests ("ConcurrentRequests (Concurrent API Requests) Limit exceeded."); only the
 * message tells them apart. The concurrent one clears in seconds, so it is retried; anything
 * else is treated as the daily limit, the safe reading.
 */
const CONCURRENT_LIMIT_PREFIX = 'ConcurrentRequests';

/** The more severe action wins when an error array holds several codes. */
const SEVERITY: readonly ErrorAction[] = [
  'stopTryLater',
  'failPermission',
  'failConfig',
  'fail',
  'reauth',
  'requery',
  'retryItem',
  'retry',
];

export interface Classification {
  action: ErrorAction;
  /** For retry actions: how many retries this failure deserves (undefined: the default). */
  maxRetries?: number;
}

function matches(
  rule: PolicyRule,
  status: number | null,
  errorCode: string | null,
  transportCode: string | null,
): boolean {
  if (rule.errorCode !== undefined) return rule.errorCode === errorCode;
  if (rule.transportCode !== undefined) return rule.transportCode === transportCode;
  if (rule.status === '5xx') return status !== null && status >= 500 && status <= 599;
  return rule.status === status;
}

function classifyOne(
  status: number | null,
  errorCode: string | null,
  message: string,
  transportCode: string | null,
): Classification {
  if (errorCode === 'REQUEST_LIMIT_EXCEEDED' && message.startsWith(CONCURRENT_LIMIT_PREFIX)) return { action: 'retry' };
  // A code the table does not know falls through to the status rules.
  const rule =
    RULES.find(
      (candidate) => candidate.errorCode !== undefined && matches(candidate, status, errorCode, transportCode),
    ) ??
    RULES.find(
      (candidate) => candidate.errorCode === undefined && matches(candidate, status, errorCode, transportCode),
    );
  if (rule === undefined) return { action: 'fail' };
  return rule.maxRetries === undefined ? { action: rule.action } : { action: rule.action, maxRetries: rule.maxRetries };
}

/** Classifies a whole-request failure. */
export function classifyFailure(failure: SalesforceFailure): Classification {
  if (failure.errors.length === 0) return classifyOne(failure.status, null, '', failure.transportCode);
  const each = failure.errors.map((item) =>
    classifyOne(failure.status, item.errorCode, item.message, failure.transportCode),
  );
  const rank = (c: Classification): number => SEVERITY.indexOf(c.action);
  return each.reduce((worst, next) => (rank(next) < rank(worst) ? next : worst));
}

/**
 * Logging in is where a wrong URL shows. There, a refused connection means nothing listens at that host and port,
 * and a certificate error that the host is not the one the URL names: a configuration to fix (exit 2), not an
 * outage to wait out. Once logged in, the same codes stay retryable (a proxy restarting), as RULES says.
 */
const LOGIN_CONFIG_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Classifies a failed login: as any request, except that a refused connection or a bad certificate is config. */
export function classifyLoginFailure(failure: SalesforceFailure): Classification {
  if (failure.transportCode !== null && LOGIN_CONFIG_CODES.has(failure.transportCode)) return { action: 'failConfig' };
  return classifyFailure(failure);
}

/** Classifies one item of a collection result by its `statusCode` (or `errorCode`). */
export function classifyItemError(errorCode: string): ErrorAction {
  return classifyOne(null, errorCode, '', null).action;
}

// ---------------------------------------------------------------------------------------------
// CoachErrors
// ---------------------------------------------------------------------------------------------

/** Permission set deployed from manifests/salesforce/ for the integration user. */
export const INTEGRATION_PERMISSION_SET = 'Execution_Coach_Integration';

export interface FailureContext {
  /** What the adapter was doing, completing "… failed": e.g. `Reading Task`. */
  doing: string;
  /** Config setting to fix when the org does not match it, e.g. `steps[contact].match`. */
  configField?: string;
  /** Advice for an expired session, which depends on the auth method. */
  sessionActions?: readonly string[];
}

/** Something that failed in a classified way; the HTTP client throws these. */
export class SalesforceRequestError extends Error {
  constructor(
    readonly failure: SalesforceFailure,
    readonly classification: Classification,
    readonly attempts: number,
    cause?: unknown,
  ) {
    super(summariseFailure(failure), cause === undefined ? undefined : { cause });
    this.name = 'SalesforceRequestError';
  }
}

const DEFAULT_SESSION_ACTIONS = ['Authenticate again and re-run; the checkpoints are kept.'];

/** Turns any error from the adapter into a CoachError with a stable code, actions and exit code. */
export function toCoachError(error: unknown, context: FailureContext): CoachError {
  if (isCoachError(error)) return error;
  if (!(error instanceof SalesforceRequestError)) {
    return new CoachError({
      code: 'SF_REQUEST_FAILED',
      message: `${context.doing} failed: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
  // Salesforce's messages end with a period of their own; the sentences below add one.
  const what = `${context.doing} failed: Salesforce answered ${summariseFailure(error.failure).replace(/\.+$/, '')}`;
  const base = { cause: error, data: { failure: error.failure, attempts: error.attempts } };
  switch (error.classification.action) {
    case 'reauth':
      return new CoachError({
        ...base,
        code: 'SF_SESSION_EXPIRED',
        message: `${context.doing} failed: the Salesforce session expired or is invalid, and it could not be renewed.`,
        actions: context.sessionActions ?? DEFAULT_SESSION_ACTIONS,
      });
    case 'stopTryLater':
      return new CoachError({
        ...base,
        code: 'SF_API_LIMIT',
        message: `${what}. The org's daily API request limit is reached; stopping cleanly, checkpoints are kept.`,
        actions: ['Run again later (the limit is a rolling 24 hours); the next run continues where this one stopped.'],
        exitCode: ExitCode.tryLater,
        retryable: true,
      });
    case 'retry':
    case 'retryItem':
    case 'requery':
      return new CoachError({
        ...base,
        code: 'SF_UNAVAILABLE',
        message: `${what} (after ${error.attempts} attempt${error.attempts === 1 ? '' : 's'}).`,
        actions: ['Run again later; checkpoints are kept. Check https://status.salesforce.com if it persists.'],
        exitCode: ExitCode.tryLater,
        retryable: true,
      });
    case 'failConfig':
      return new CoachError({
        ...base,
        code: 'SF_CONFIG_MISMATCH',
        message: `${what}.`,
        actions: [
          context.configField === undefined
            ? 'Check the object and field names in the config against the org.'
            : `Fix \`${context.configField}\` in the config so that it names what the org has.`,
          'Run `execution-coach validate --org` to check every name in the config against the org.',
        ],
        exitCode: ExitCode.usage,
      });
    case 'failPermission':
      return new CoachError({
        ...base,
        code: 'SF_PERMISSION',
        message: `${what}. The integration user lacks a permission.`,
        actions: [
          `Assign the permission set ${INTEGRATION_PERMISSION_SET} (deployed from manifests/salesforce/) to the integration user.`,
          'Check that the org has API access enabled (Enterprise edition or above, "API Enabled" on the profile).',
        ],
      });
    case 'fail':
      return new CoachError({ ...base, code: 'SF_REQUEST_FAILED', message: `${what}.` });
  }
}
