import { Router } from 'express';
import type { SandboxContext } from '../context';
import { MAX_API_VERSION, MIN_API_VERSION, locals } from '../middleware/api-guard';
import { sendJson } from '../respond';

/**
 * The versions list (public, as in a real org), the resource map of a version, and /limits.
 * Versions are listed two-digit ("62.0"), which @salesforce/core compares as strings.
 */

const SEASONS = ['Winter', 'Spring', 'Summer'] as const;
/** API 62.0 was Winter '25; one API version per release, three releases a year. */
const ANCHOR_VERSION = 62;
const ANCHOR_YEAR = 25;

export function releaseLabel(major: number): string {
  const k = major - ANCHOR_VERSION;
  const season = SEASONS[((k % 3) + 3) % 3] ?? 'Winter';
  return `${season} '${String(ANCHOR_YEAR + Math.floor(k / 3)).padStart(2, '0')}`;
}

export function versionsList(): Array<{ label: string; url: string; version: string }> {
  const list = [];
  for (let v = MIN_API_VERSION; v <= MAX_API_VERSION; v++)
    list.push({ label: releaseLabel(v), url: `/services/data/v${v}.0`, version: `${v}.0` });
  return list;
}

/** GET /services/data: no session needed. */
export function versionsRouter(): Router {
  const router = Router();
  router.get('/services/data', (_req, res) => sendJson(res, 200, versionsList()));
  return router;
}

/** Routes under /services/data/vXX.X that describe the org itself. */
export function orgInfoRouter(ctx: SandboxContext): Router {
  const router = Router({ mergeParams: true });
  router.get('/', (_req, res) => {
    const v = `/services/data/v${locals(res).apiVersion}`;
    const { session } = locals(res);
    sendJson(res, 200, {
      limits: `${v}/limits`,
      sobjects: `${v}/sobjects`,
      query: `${v}/query`,
      queryAll: `${v}/queryAll`,
      composite: `${v}/composite`,
      jobs: `${v}/jobs`,
      recent: `${v}/recent`,
      identity: `${ctx.origin()}/id/${ctx.org.orgId}/${session.userId}`,
    });
  });
  router.get('/limits', (_req, res) => {
    const { max, used } = { max: ctx.usage.max, used: ctx.usage.used };
    sendJson(res, 200, {
      ConcurrentAsyncGetReportInstances: { Max: 200, Remaining: 200 },
      DailyApiRequests: { Max: max, Remaining: Math.max(0, max - used) },
      DailyAsyncApexExecutions: { Max: 250000, Remaining: 250000 },
      DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
      DailyBulkV2QueryFileStorageMB: { Max: 976562, Remaining: 976562 },
      DailyBulkV2QueryJobs: { Max: 10000, Remaining: Math.max(0, 10000 - ctx.bulkJobs.createdToday()) },
      DataStorageMB: { Max: 5, Remaining: 5 },
      FileStorageMB: { Max: 20, Remaining: 20 },
    });
  });
  return router;
}
