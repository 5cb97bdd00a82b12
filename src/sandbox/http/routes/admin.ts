import { timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { validateFaultChanges } from '../../faults/validate-fault-changes';
import type { StoreSnapshot } from '../../store/store';
import type { LoadInput } from '../../store/load-records';
import { formatDateTime, parseDateTime } from '../../time/datetime';
import type { SandboxContext } from '../context';
import { sendJson } from '../respond';

/**
 * The sandbox's own controls under /__sandbox (not part of Salesforce's API): status, reset,
 * seed, bad records on top of the seed, snapshot/restore, raw loads, API call counters, faults,
 * the clock, and forcing sessions or query locators to expire. Every call needs `Authorization: Bearer <admin token>`.
 */

/** Snapshots of big orgs are large; the admin body limit is generous on purpose. */
const ADMIN_BODY_LIMIT = '2gb';

export function adminRouter(ctx: SandboxContext, resetAll: () => void): Router {
  const router = Router();
  router.use(requireAdmin(ctx.credentials.adminToken));
  router.use(express.json({ limit: ADMIN_BODY_LIMIT }));
  const bad = (res: Response, message: string): void => sendJson(res, 400, { error: 'bad_request', message });
  const body = (req: Request): Record<string, unknown> =>
    typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {};

  router.get('/status', (_req, res) => {
    sendJson(res, 200, {
      url: ctx.origin(),
      orgId: ctx.org.orgId,
      integrationUserId: ctx.org.integrationUserId,
      now: formatDateTime(ctx.clock.now()),
      clockFrozen: ctx.clock.isFrozen,
      timeZone: ctx.org.store.timeZone,
      records: ctx.org.store.counts(),
      apiUsage: ctx.usage.counters(),
      faults: ctx.faults.settings(),
      openCursors: ctx.cursors.size,
    });
  });

  router.post('/reset', (_req, res) => {
    resetAll();
    sendJson(res, 200, { records: ctx.org.store.counts() });
  });

  router.post('/seed', (req, res) => {
    if (!ctx.seed)
      return sendJson(res, 501, {
        error: 'not_available',
        message: 'The demo dealership generator is not available in this build',
      });
    resetAll();
    try {
      sendJson(res, 200, { summary: ctx.seed(body(req)), records: ctx.org.store.counts() });
    } catch (error) {
      bad(res, error instanceof Error ? error.message : String(error));
    }
  });

  router.post('/bad-records', (_req, res) => {
    if (!ctx.addBadRecords)
      return sendJson(res, 501, {
        error: 'not_available',
        message: 'The demo dealership generator is not available in this build',
      });
    try {
      sendJson(res, 200, { dataset: ctx.addBadRecords(), records: ctx.org.store.counts() });
    } catch (error) {
      bad(res, error instanceof Error ? error.message : String(error));
    }
  });

  router.get('/snapshot', (_req, res) => sendJson(res, 200, ctx.org.snapshot()));
  router.post('/restore', (req, res) => {
    try {
      resetAll();
      ctx.org.restore(req.body as StoreSnapshot);
    } catch (error) {
      return bad(res, error instanceof Error ? error.message : String(error));
    }
    sendJson(res, 200, { records: ctx.org.store.counts() });
  });

  router.post('/records/:type', (req, res) => {
    if (!Array.isArray(req.body)) return bad(res, 'expected a JSON array of records');
    try {
      sendJson(res, 200, { loaded: ctx.org.store.load(String(req.params.type), req.body as LoadInput[]) });
    } catch (error) {
      bad(res, error instanceof Error ? error.message : String(error));
    }
  });

  router.get('/api-calls', (_req, res) => sendJson(res, 200, ctx.usage.counters()));
  router.delete('/api-calls', (_req, res) => {
    ctx.usage.resetCounters();
    sendJson(res, 200, ctx.usage.counters());
  });

  router.get('/faults', (_req, res) => sendJson(res, 200, ctx.faults.settings()));
  router.post('/faults', (req, res) => {
    try {
      sendJson(res, 200, ctx.faults.configure(validateFaultChanges(req.body)));
    } catch (error) {
      bad(res, error instanceof Error ? error.message : String(error));
    }
  });
  router.delete('/faults', (_req, res) => sendJson(res, 200, ctx.faults.clear()));

  router.get('/clock', (_req, res) =>
    sendJson(res, 200, { now: formatDateTime(ctx.clock.now()), frozen: ctx.clock.isFrozen }),
  );
  router.post('/clock', (req, res) => {
    const b = body(req);
    let to: number | undefined;
    if (typeof b.now === 'string') {
      const at = parseDateTime(b.now);
      if (at === null) return bad(res, `'now' must be an ISO datetime, got ${b.now}`);
      to = at;
    }
    ctx.clock.move({
      to,
      by: typeof b.advanceMs === 'number' ? b.advanceMs : undefined,
      freeze: typeof b.freeze === 'boolean' ? b.freeze : undefined,
    });
    sendJson(res, 200, { now: formatDateTime(ctx.clock.now()), frozen: ctx.clock.isFrozen });
  });

  router.post('/sessions/expire', (_req, res) => sendJson(res, 200, { expired: ctx.sessions.expireAll() }));
  router.post('/cursors/expire', (_req, res) => sendJson(res, 200, { expired: ctx.cursors.expireAll() }));
  return router;
}

function requireAdmin(adminToken: string) {
  const expected = Buffer.from(`Bearer ${adminToken}`);
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = Buffer.from(req.get('authorization') ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.set('WWW-Authenticate', 'Bearer');
      return sendJson(res, 401, {
        error: 'unauthorized',
        message: 'The /__sandbox endpoints need Authorization: Bearer <admin token> (printed at startup)',
      });
    }
    next();
  };
}
