import { type Request, type Response, Router } from 'express';
import { ApiError, isApiError, notFound } from '../../errors';
import { isWellFormedId, keyPrefixOf, to18 } from '../../ids';
import type { SandboxContext } from '../context';
import { locals } from '../middleware/api-guard';
import { bodyObject, fieldList, recordJson } from '../record-json';
import { sendJson } from '../respond';

/**
 * sObject Collections: create, update, delete, retrieve and upsert by external id, at most 200
 * records a request. The request answers 200 whenever it is well-formed; each item carries its
 * own result in request order with errors keyed `statusCode`. With allOrNone, one failure rolls
 * every item back and the others report ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */

export const MAX_COLLECTION_RECORDS = 200;

interface SaveError {
  statusCode: string;
  message: string;
  fields: readonly string[];
}

interface ItemResult {
  id?: string;
  success: boolean;
  errors: SaveError[];
  created?: boolean;
}

const ROLLED_BACK: SaveError = {
  statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  message: 'Record rolled back because not all records were valid and the request was using AllOrNone header',
  fields: [],
};
const lockedRow = (): ApiError =>
  new ApiError(400, 'UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record or 1 records', []);

/** Runs each item (optionally atomically) and shapes the per-item results. */
function runItems<T>(
  ctx: SandboxContext,
  items: readonly T[],
  allOrNone: boolean,
  options: { idOf?: (item: T) => string | undefined; upsert?: boolean },
  op: (item: T) => { id: string; created?: boolean },
): ItemResult[] {
  const results: ItemResult[] = [];
  const rollback = new Error('rollback');
  const work = (): void => {
    for (const item of items) {
      const known = options.idOf?.(item);
      try {
        if (ctx.faults.lockRow()) throw lockedRow();
        const done = op(item);
        results.push({
          id: done.id,
          success: true,
          errors: [],
          ...(options.upsert ? { created: done.created ?? false } : {}),
        });
      } catch (error) {
        if (!isApiError(error)) throw error;
        results.push({
          ...(known ? { id: known } : {}),
          success: false,
          errors: [error.toSaveError()],
          ...(options.upsert ? { created: false } : {}),
        });
      }
    }
    if (allOrNone && results.some((r) => !r.success)) throw rollback;
  };
  try {
    ctx.org.store.transaction(work);
  } catch (error) {
    if (error !== rollback) throw error;
    return results.map((r, i) => {
      if (!r.success) return r;
      const known = options.idOf?.(items[i] as T);
      return {
        ...(known ? { id: known } : {}),
        success: false,
        errors: [ROLLED_BACK],
        ...(options.upsert ? { created: r.created } : {}),
      };
    });
  }
  return results;
}

function collectionBody(req: Request): { allOrNone: boolean; records: Array<Record<string, unknown>> } {
  const body = bodyObject(req.body);
  if (!Array.isArray(body.records))
    throw new ApiError(400, 'JSON_PARSER_ERROR', 'The request body must contain a records array');
  checkSize(body.records.length);
  return { allOrNone: body.allOrNone === true, records: body.records.map((r) => bodyObject(r)) };
}

function checkSize(n: number): void {
  if (n > MAX_COLLECTION_RECORDS) {
    throw new ApiError(
      400,
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${MAX_COLLECTION_RECORDS} records into this call`,
    );
  }
}

function typeName(record: Record<string, unknown>): string {
  const attributes = record.attributes as { type?: unknown } | undefined;
  if (typeof attributes?.type !== 'string')
    throw new ApiError(400, 'INVALID_TYPE', 'Must send a concrete entity type.');
  return attributes.type;
}

function idOfRecord(record: Record<string, unknown>): string | undefined {
  const key = Object.keys(record).find((k) => k.toLowerCase() === 'id');
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' ? value : undefined;
}

export function collectionsRouter(ctx: SandboxContext): Router {
  const router = Router({ mergeParams: true });
  const { org } = ctx;
  const userId = (res: Response): string => locals(res).session.userId;

  router.post('/composite/sobjects', (req, res) => {
    const { allOrNone, records } = collectionBody(req);
    sendJson(
      res,
      200,
      runItems(ctx, records, allOrNone, {}, (r) => ({
        id: org.writer.create(typeName(r), r, userId(res)).Id as string,
      })),
    );
  });

  router.patch('/composite/sobjects', (req, res) => {
    const { allOrNone, records } = collectionBody(req);
    sendJson(
      res,
      200,
      runItems(ctx, records, allOrNone, { idOf: idOfRecord }, (r) => {
        const id = idOfRecord(r);
        if (id === undefined) throw new ApiError(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', []);
        return { id: org.writer.update(typeName(r), id, r, userId(res)).Id as string };
      }),
    );
  });

  router.delete('/composite/sobjects', (req, res) => {
    const query = req.query as Record<string, unknown>;
    const ids = typeof query.ids === 'string' ? query.ids.split(',').filter((s) => s !== '') : [];
    checkSize(ids.length);
    const allOrNone = query.allOrNone === 'true';
    sendJson(
      res,
      200,
      runItems(ctx, ids, allOrNone, { idOf: (id) => id }, (id) => {
        const type = isWellFormedId(id) ? org.catalog.objectsWithPrefix(keyPrefixOf(to18(id)))[0] : undefined;
        if (!type) throw new ApiError(400, 'MALFORMED_ID', `malformed id ${id}`, []);
        org.writer.delete(type.name, id, userId(res));
        return { id: to18(id) };
      }),
    );
  });

  router.post('/composite/sobjects/:type', (req, res) => {
    const type = org.catalog.object(String(req.params.type ?? ''));
    if (!type) throw notFound();
    const body = bodyObject(req.body);
    const ids = Array.isArray(body.ids) ? body.ids.map(String) : [];
    checkSize(ids.length);
    const fields = fieldList(type, Array.isArray(body.fields) ? body.fields.map(String).join(',') : undefined);
    if (!fields) throw new ApiError(400, 'MISSING_ARGUMENT', 'fields must be specified');
    sendJson(
      res,
      200,
      ids.map((id) => {
        const record = isWellFormedId(id) ? org.store.get(type.name, to18(id)) : undefined;
        return record && record.IsDeleted !== true ? recordJson(type, record, locals(res).apiVersion, fields) : null;
      }),
    );
  });

  router.patch('/composite/sobjects/:type/:field', (req, res) => {
    const type = org.catalog.object(String(req.params.type ?? ''));
    if (!type) throw notFound();
    const fieldName = String(req.params.field ?? '');
    const field = type.field(fieldName);
    if (!field || !field.externalId) {
      throw new ApiError(
        400,
        'INVALID_FIELD',
        `Field ${fieldName} is not an external id field of ${type.name}; sObject Collections upsert takes external ids only`,
      );
    }
    const { allOrNone, records } = collectionBody(req);
    sendJson(
      res,
      200,
      runItems(ctx, records, allOrNone, { upsert: true }, (r) => {
        if (typeName(r).toLowerCase() !== type.name.toLowerCase())
          throw new ApiError(400, 'INVALID_TYPE', `Record type must be ${type.name}`, []);
        const key = Object.keys(r).find((k) => k.toLowerCase() === field.name.toLowerCase());
        const value = key === undefined ? undefined : r[key];
        if (value === undefined || value === null || value === '') {
          throw new ApiError(400, 'MISSING_ARGUMENT', `${field.name} not specified`, [field.name]);
        }
        const { record, created } = org.writer.upsert(type.name, field.name, scalarText(value), r, userId(res));
        return { id: record.Id as string, created };
      }),
    );
  });

  return router;
}

/** An external id value as text (numbers and booleans are allowed as JSON values). */
function scalarText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ApiError(400, 'JSON_PARSER_ERROR', 'An external id must be a string or a number', []);
}
