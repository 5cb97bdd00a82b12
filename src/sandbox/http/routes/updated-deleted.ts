import { type Request, Router } from 'express';
import { ApiError, notFound } from '../../errors';
import { formatDateTime, parseDateTime } from '../../time/datetime';
import type { SandboxContext } from '../context';
import { sendJson } from '../respond';

/**
 * getUpdated / getDeleted: ids changed, or deleted, in [start, end). Like a real org, the
 * covered window ends at a whole minute (`latestDateCovered`), which callers use as the next
 * start.
 */

const MINUTE_MS = 60_000;

function window(req: Request): { start: string; end: string; latest: string } {
  const query = req.query as Record<string, unknown>;
  const start = typeof query.start === 'string' ? parseDateTime(query.start) : null;
  const end = typeof query.end === 'string' ? parseDateTime(query.end) : null;
  if (start === null || end === null) {
    throw new ApiError(400, 'MISSING_ARGUMENT', 'start and end must be datetimes, e.g. 2026-11-20T15:04:05+00:00');
  }
  if (end <= start) throw new ApiError(400, 'INVALID_REPLICATION_DATE', 'EndDate can not be before StartDate');
  const latest = Math.floor(end / MINUTE_MS) * MINUTE_MS;
  return { start: formatDateTime(start), end: formatDateTime(latest), latest: formatDateTime(latest) };
}

export function updatedDeletedRouter(ctx: SandboxContext): Router {
  const router = Router({ mergeParams: true });
  const table = (req: Request) => {
    const type = ctx.org.catalog.object(String(req.params.type ?? ''));
    if (!type) throw notFound();
    return ctx.org.store.table(type.name);
  };

  router.get('/sobjects/:type/updated', (req, res) => {
    const { start, end, latest } = window(req);
    const ids: string[] = [];
    for (const r of table(req).byModstamp()) {
      const stamp = r.SystemModstamp as string;
      if (stamp >= end) break;
      if (stamp >= start && r.IsDeleted !== true) ids.push(r.Id as string);
    }
    sendJson(res, 200, { ids, latestDateCovered: latest });
  });

  router.get('/sobjects/:type/deleted', (req, res) => {
    const { start, end, latest } = window(req);
    const deletedRecords: Array<{ id: string; deletedDate: string }> = [];
    let earliest: string | undefined;
    for (const r of table(req).byModstamp()) {
      if (r.IsDeleted !== true) continue;
      const stamp = r.SystemModstamp as string;
      earliest ??= stamp;
      if (stamp >= start && stamp < end) deletedRecords.push({ id: r.Id as string, deletedDate: stamp });
    }
    sendJson(res, 200, { deletedRecords, earliestDateAvailable: earliest ?? latest, latestDateCovered: latest });
  });
  return router;
}
