import type { Response } from 'express';
import { ApiError } from '../errors';

/**
 * Response writers with Salesforce's exact framing: JSON always as
 * `application/json;charset=UTF-8` (jsforce picks its parser from it), errors as a JSON array.
 */

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

/** Sends a JSON body (a pre-serialised string is sent as is). */
export function sendJson(res: Response, status: number, body: unknown): void {
  res.status(status).set('Content-Type', JSON_CONTENT_TYPE).send(typeof body === 'string' ? body : JSON.stringify(body));
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
