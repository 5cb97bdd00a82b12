/**
 * What went wrong with one HTTP request, reduced to the facts the error policy classifies on:
 * the HTTP status, the `errorCode` of each element of Salesforce's error array, and the socket
 * error code when no response arrived. jsforce's own errors do not carry the status, so the
 * HTTP client records it from the response it saw.
 *
 * jsforce's HttpApiError (an Error whose `errorCode` is the body's errorCode, with the error
 * element, or the array, in `data`) is not in its type declarations, so it is recognised by shape.
 */

export interface SalesforceErrorItem {
  errorCode: string;
  message: string;
}

export interface SalesforceFailure {
  /** HTTP status of the failed response; null when none arrived (socket error, timeout). */
  status: number | null;
  /** Elements of Salesforce's error array (one or several). */
  errors: readonly SalesforceErrorItem[];
  /** Socket-level error code (`ECONNRESET`, …) when the request got no response. */
  transportCode: string | null;
  /** Delay the server asked for in `Retry-After`, if any. */
  retryAfterMs: number | null;
}

/** The response the client saw before the failure, if one arrived. */
export interface ObservedResponse {
  statusCode: number;
  headers: Readonly<Record<string, string | undefined>>;
}

/** Name node-fetch gives a request cancelled by jsforce's request timeout. */
const ABORT_ERROR_NAME = 'AbortError';
/** Transport code this adapter uses for a request that timed out without a response. */
export const REQUEST_TIMEOUT_CODE = 'REQUEST_TIMEOUT';

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

function stringField(record: Record<string, unknown> | null, key: string): string | null {
  const value = record?.[key];
  return typeof value === 'string' ? value : null;
}

/** One element of an error body; collection items say `statusCode` where REST says `errorCode`. */
export function toErrorItem(element: unknown): SalesforceErrorItem | null {
  const record = asRecord(element);
  const errorCode = stringField(record, 'errorCode') ?? stringField(record, 'statusCode');
  if (errorCode === null) return null;
  return { errorCode, message: stringField(record, 'message') ?? '' };
}

interface ApiErrorShape {
  errorCode: string;
  message: string;
  data: unknown;
}

function asApiError(error: unknown): ApiErrorShape | null {
  const record = asRecord(error);
  const errorCode = stringField(record, 'errorCode');
  return errorCode === null ? null : { errorCode, message: stringField(record, 'message') ?? '', data: record?.data };
}

function errorItems(error: ApiErrorShape): SalesforceErrorItem[] {
  // jsforce folds a multi-element error array into MULTIPLE_API_ERRORS with the array in `data`.
  if (Array.isArray(error.data))
    return error.data.map(toErrorItem).filter((item): item is SalesforceErrorItem => item !== null);
  // A body that was not JSON becomes ERROR_HTTP_<status>: the status alone then classifies it.
  if (error.errorCode.startsWith('ERROR_HTTP_')) return [];
  return [{ errorCode: error.errorCode, message: error.message }];
}

function parseRetryAfter(value: string | undefined): number | null {
  if (value === undefined) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

/** Reduces whatever jsforce threw, plus the response seen, to a SalesforceFailure. */
export function describeFailure(error: unknown, response: ObservedResponse | null): SalesforceFailure {
  const status = response?.statusCode ?? null;
  const retryAfterMs = parseRetryAfter(response?.headers['retry-after']);
  const apiError = asApiError(error);
  if (apiError !== null) return { status, errors: errorItems(apiError), transportCode: null, retryAfterMs };
  const record = asRecord(error);
  const code = stringField(record, 'code');
  const transportCode = stringField(record, 'name') === ABORT_ERROR_NAME ? REQUEST_TIMEOUT_CODE : code;
  return {
    status: response === null ? null : status,
    errors: [],
    transportCode: response === null ? transportCode : null,
    retryAfterMs,
  };
}

/** A one-line account of a failure for messages: `HTTP 400 INVALID_FIELD: No such column …`. */
export function summariseFailure(failure: SalesforceFailure, maxLength = 400): string {
  const parts: string[] = [];
  if (failure.status !== null) parts.push(`HTTP ${failure.status}`);
  if (failure.transportCode !== null) parts.push(failure.transportCode);
  const details = failure.errors
    .map((item) => `${item.errorCode}: ${item.message.replace(/\s+/g, ' ').trim()}`)
    .join('; ');
  const text = [parts.join(' '), details].filter((part) => part.length > 0).join(' ');
  const summary = text.length > 0 ? text : 'no response';
  return summary.length > maxLength ? `${summary.slice(0, maxLength - 1)}…` : summary;
}
