import type { Response } from 'express';
import { ApiError } from '../errors';

/**
 * Response writers with Salesforce's exact framing: JSON always as
 * `application/json;charset=UTF-8` (jsforce picks its parser from it), errors as a JSON array.
 */

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/**
 * Sends a JSON body (a pre-serialised string is sent as is). Written with `end` because
 * express's `send` would rewrite the content type to `application/json; charset=utf-8`.
 */
export function sendJson(res: Response, status: number, body: unknown): void {
  const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  res.status(status);
  res.setHeader('Content-Type', JSON_CONTENT_TYPE);
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}

export function sendApiError(res: Response, error: ApiError): void {
  sendJson(res, error.status, [error.toBody()]);
}

export function sendNoContent(res: Response): void {
  res.status(204).end();
}

/** 401 exactly as a real org sends it; jsforce refreshes the session on this. */
export function invalidSession(): ApiError {
  return new ApiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
}
