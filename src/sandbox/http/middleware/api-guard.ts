import type { NextFunction, Request, Response } from 'express';
import { ApiError, notFound } from '../../errors';
import type { CallKind } from '../api-usage';
import type { Session } from '../auth/sessions';
import type { SandboxContext } from '../context';
import { invalidSession, sendApiError } from '../respond';

/**
 * The gate of every versioned REST call: a served API version (31.0–67.0), a live session
 * (401 INVALID_SESSION_ID with `WWW-Authenticate: Token` otherwise), the daily allocation
 * (403 REQUEST_LIMIT_EXCEEDED), then the call is counted and `Sforce-Limit-Info` set.
 */

export const MIN_API_VERSION = 31;
export const MAX_API_VERSION = 67;

export interface GuardLocals {
  session: Session;
  /** The request's API version without the `v` (`62.0`). */
  apiVersion: string;
}

export function locals(res: Response): GuardLocals {
  return res.locals as GuardLocals;
}

export function parseApiVersion(segment: string | undefined): string | undefined {
  const m = /^v(\d{2})\.0$/.exec(segment ?? '');
  const major = Number(m?.[1]);
  return m && major >= MIN_API_VERSION && major <= MAX_API_VERSION ? `${major}.0` : undefined;
}

/** Reads the bearer token (`Authorization: Bearer x` or the older `OAuth x`). */
export function bearerToken(req: Request): string | undefined {
  const header = req.get('authorization') ?? '';
  const m = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header.trim());
  return m?.[1];
}

export function apiGuard(ctx: SandboxContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const version = parseApiVersion(String(req.params.version ?? ''));
    if (!version) return sendApiError(res, notFound());
    const token = bearerToken(req);
    const session = token === undefined ? undefined : ctx.sessions.use(token);
    if (!session) {
      res.set('WWW-Authenticate', 'Token');
      return sendApiError(res, invalidSession());
    }
    res.set('Sforce-Limit-Info', ctx.usage.header());
    if (ctx.usage.exhausted)
      return sendApiError(res, new ApiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'));
    ctx.usage.record(callKind(req.path));
    res.set('Sforce-Limit-Info', ctx.usage.header());
    ctx.faults.countAuthenticatedCall();
    Object.assign(res.locals, { session, apiVersion: version } satisfies GuardLocals);
    next();
  };
}

/** What kind of call a path under /services/data/vXX.X is, for the per-kind counters. */
export function callKind(path: string): CallKind {
  if (path.startsWith('/query/') || path.startsWith('/queryAll/')) return 'queryMore';
  if (path === '/query' || path === '/queryAll') return 'query';
  if (path.startsWith('/composite/sobjects')) return 'collections';
  if (path.startsWith('/jobs/')) return 'bulk2';
  if (path === '/limits') return 'limits';
  if (/^\/sobjects\/?$/.test(path) || /\/describe\/?$/.test(path)) return 'describe';
  if (/^\/sobjects\/[^/]+\/(updated|deleted)\/?$/.test(path)) return 'updatedDeleted';
  if (path.startsWith('/sobjects/')) return 'sobject';
  return 'other';
}
