import { type Request, type Response, Router } from 'express';
import { ApiError, notFound } from '../../errors';
import type { SandboxContext } from '../context';
import { type BulkQueryJob, type ColumnDelimiter, type LineEnding, jobInfo } from '../bulk/bulk-jobs';
import { toCsv } from '../bulk/csv';
import { locals } from '../middleware/api-guard';
import { bodyObject } from '../record-json';
import { sendJson } from '../respond';

/**
 * Bulk API 2.0 query jobs: create, poll, results as CSV pages (`Sforce-NumberOfRecords`, and
 * `Sforce-Locator` with the literal `null` on the last page, without which jsforce would ask
 * for the first page forever), abort, and delete in any state.
 */

/** Rows per results page when the client sends no maxRecords. */
export const DEFAULT_BULK_PAGE_ROWS = 50_000;
const DELIMITERS = new Set(['BACKQUOTE', 'CARET', 'COMMA', 'PIPE', 'SEMICOLON', 'TAB']);

const invalidJob = (message: string): ApiError => new ApiError(400, 'INVALIDJOB', message);

function encodeLocator(offset: number): string {
  return Buffer.from(String(offset)).toString('base64').replace(/=+$/, '');
}

function decodeLocator(locator: string): number | undefined {
  const offset = Number(Buffer.from(locator, 'base64').toString('utf8'));
  return Number.isInteger(offset) && offset >= 0 ? offset : undefined;
}

export function bulk2Router(ctx: SandboxContext): Router {
  const router = Router({ mergeParams: true });
  const job = (req: Request): BulkQueryJob => {
    const found = ctx.bulkJobs.get(String(req.params.id ?? ''));
    if (!found) throw notFound();
    return found;
  };

  router.post('/jobs/query', (req, res) => {
    const body = bodyObject(req.body);
    const operation = body.operation;
    if (operation !== 'query' && operation !== 'queryAll') throw invalidJob(`Invalid operation: ${String(operation)}`);
    if (body.contentType !== undefined && body.contentType !== 'CSV')
      throw invalidJob('Only CSV is supported as contentType');
    const delimiter = (body.columnDelimiter ?? 'COMMA') as ColumnDelimiter;
    const lineEnding = (body.lineEnding ?? 'LF') as LineEnding;
    if (!DELIMITERS.has(delimiter)) throw invalidJob(`Invalid columnDelimiter: ${String(delimiter)}`);
    if (lineEnding !== 'LF' && lineEnding !== 'CRLF') throw invalidJob(`Invalid lineEnding: ${String(lineEnding)}`);
    const outcome = ctx.org.queries.run(typeof body.query === 'string' ? body.query : '', {
      scanAll: operation === 'queryAll',
    });
    if (outcome.kind !== 'records')
      throw invalidJob(
        'Aggregate queries (COUNT, GROUP BY and aggregate functions) are not supported by Bulk API 2.0 query jobs',
      );
    const created = ctx.bulkJobs.create({
      operation,
      object: outcome.objectName,
      createdById: locals(res).session.userId,
      apiVersion: locals(res).apiVersion,
      columnDelimiter: delimiter,
      lineEnding,
      columns: outcome.projection.columns,
      rows: outcome.records,
    });
    sendJson(res, 200, jobInfo(created, false));
  });

  router.get('/jobs/query', (_req, res) => {
    sendJson(res, 200, {
      done: true,
      records: ctx.bulkJobs.list().map((j) => jobInfo(j, false)),
      nextRecordsUrl: null,
    });
  });

  router.get('/jobs/query/:id', (req, res) => {
    const found = job(req);
    ctx.bulkJobs.advance(found);
    sendJson(res, 200, jobInfo(found, true));
  });

  router.patch('/jobs/query/:id', (req, res) => {
    const found = job(req);
    if (bodyObject(req.body).state !== 'Aborted') throw invalidJob('A query job can only be set to Aborted');
    if (found.state === 'JobComplete' || found.state === 'Failed')
      throw invalidJob(`Job is already in state ${found.state}`);
    ctx.bulkJobs.setState(found, 'Aborted');
    sendJson(res, 200, jobInfo(found, false));
  });

  router.delete('/jobs/query/:id', (req, res) => {
    if (!ctx.bulkJobs.delete(job(req).id)) throw notFound();
    res.status(204).end();
  });

  router.get('/jobs/query/:id/results', (req: Request, res: Response) => {
    const found = job(req);
    ctx.bulkJobs.advance(found);
    if (found.state !== 'JobComplete')
      throw invalidJob(`Job ${found.id} is in state ${found.state}; results are available once it is JobComplete`);
    const query = req.query as Record<string, unknown>;
    const offset = typeof query.locator === 'string' && query.locator !== '' ? decodeLocator(query.locator) : 0;
    if (offset === undefined || offset > found.rows.length)
      throw new ApiError(400, 'INVALID_LOCATOR', 'Invalid locator');
    const max =
      typeof query.maxRecords === 'string' && Number(query.maxRecords) > 0
        ? Number(query.maxRecords)
        : DEFAULT_BULK_PAGE_ROWS;
    const end = Math.min(found.rows.length, offset + max);
    const csv = Buffer.from(
      toCsv(found.columns, found.rows.slice(offset, end), found.columnDelimiter, found.lineEnding),
      'utf8',
    );
    res.status(200);
    res.setHeader('Content-Type', 'text/csv');
    res.setHeader('Content-Length', csv.length);
    res.setHeader('Sforce-NumberOfRecords', String(end - offset));
    res.setHeader('Sforce-Locator', end < found.rows.length ? encodeLocator(end) : 'null');
    res.end(csv);
  });
  return router;
}
