import { type Request, type Response, Router } from 'express';
import { ApiError } from '../../errors';
import { MAX_PAGE_SIZE, MIN_PAGE_SIZE } from '../../faults/fault-controller';
import type { SandboxContext } from '../context';
import { locals } from '../middleware/api-guard';
import { CursorStore, type Cursor } from '../query/cursors';
import { renderPage, requestedBatchSize } from '../query/page';
import { sendJson } from '../respond';

/**
 * /query and /queryAll (deleted rows too), and the query-locator pages that follow. A locator
 * of either is served under /query/{locator}, because that is where jsforce asks for it.
 */

/** REST cannot page an aggregate result; a real org refuses more rows than one batch holds. */
export const MAX_AGGREGATE_ROWS = 2000;

export function queryRouter(ctx: SandboxContext): Router {
  const router = Router({ mergeParams: true });

  const pageSizeFor = (req: Request, fallback: number): number => {
    const header = req.get('sforce-query-options');
    const asked = header === undefined ? fallback : requestedBatchSize(header, MIN_PAGE_SIZE, MAX_PAGE_SIZE);
    return ctx.faults.pageSize(asked);
  };

  const sendPage = (res: Response, cursor: Cursor, offset: number, size: number): void => {
    const version = locals(res).apiVersion;
    const end = Math.min(cursor.records.length, offset + size);
    const next =
      end < cursor.records.length ? `/services/data/v${version}/query/${CursorStore.locator(cursor, end)}` : undefined;
    const from = Math.max(0, offset - (offset > 0 ? ctx.faults.repeatedRows() : 0));
    sendJson(
      res,
      200,
      renderPage(cursor.records.length, cursor.records.slice(from, end), cursor.projection, version, next),
    );
  };

  const runQuery = (scanAll: boolean) => (req: Request, res: Response) => {
    const q = (req.query as Record<string, unknown>).q;
    const outcome = ctx.org.queries.run(typeof q === 'string' ? q : '', { scanAll });
    if (outcome.kind === 'count') return sendJson(res, 200, { totalSize: outcome.totalSize, done: true, records: [] });
    if (outcome.kind === 'aggregate') {
      if (outcome.rows.length > MAX_AGGREGATE_ROWS) {
        throw new ApiError(
          400,
          'MALFORMED_QUERY',
          'Aggregate query does not support queryMore(), use LIMIT to restrict the results to a single batch',
        );
      }
      return sendJson(res, 200, { totalSize: outcome.rows.length, done: true, records: outcome.rows });
    }
    const size = pageSizeFor(req, MAX_PAGE_SIZE);
    const cursor = ctx.cursors.open(outcome.records, outcome.projection, size);
    sendPage(res, cursor, 0, size);
  };

  const more = (req: Request, res: Response): void => {
    const found = ctx.cursors.resolve(String(req.params.locator ?? ''));
    if (!found) throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    sendPage(res, found.cursor, found.offset, pageSizeFor(req, found.cursor.pageSize));
  };

  router.get('/query', runQuery(false));
  router.get('/queryAll', runQuery(true));
  router.get('/query/:locator', more);
  router.get('/queryAll/:locator', more);
  return router;
}
