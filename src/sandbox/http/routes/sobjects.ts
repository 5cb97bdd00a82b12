import { type Request, type Response, Router } from 'express';
import { ApiError, notFound } from '../../errors';
import { isWellFormedId, to18 } from '../../ids';
import type { SObjectType } from '../../schema/catalog';
import { MultipleMatchesError } from '../../store/record-writer';
import type { SandboxContext } from '../context';
import { basicInfo, describeGlobal, describeObject } from '../describe';
import { locals } from '../middleware/api-guard';
import { bodyObject, fieldList, recordJson } from '../record-json';
import { sendJson, sendNoContent } from '../respond';

/**
 * The sObject resources: describe global, basic info, describe, and single-record create,
 * retrieve, update, delete and upsert by external id (201 created / 200 updated with a body
 * from API 46.0, 204 before). Several matches become 300 in the error handler.
 */

/** The API version from which an upsert that updates answers 200 with a body (before: 204). */
export const UPSERT_BODY_FROM_VERSION = 46;

function typeOf(ctx: SandboxContext, name: string | undefined): SObjectType {
  const type = ctx.org.catalog.object(name ?? '');
  if (!type) throw notFound();
  return type;
}

const param = (req: Request, name: string): string => String(req.params[name] ?? '');

export function sobjectsRouter(ctx: SandboxContext): Router {
  const router = Router({ mergeParams: true });
  const { org } = ctx;
  const version = (res: Response): string => locals(res).apiVersion;
  const userId = (res: Response): string => locals(res).session.userId;

  router.get('/sobjects', (_req, res) => sendJson(res, 200, describeGlobal(org.catalog, version(res))));
  router.get('/sobjects/:type', (req, res) =>
    sendJson(res, 200, basicInfo(typeOf(ctx, param(req, 'type')), version(res))),
  );
  router.get('/sobjects/:type/describe', (req, res) =>
    sendJson(res, 200, describeObject(org.catalog, typeOf(ctx, param(req, 'type')), version(res))),
  );

  router.post('/sobjects/:type', (req, res) => {
    const record = org.writer.create(typeOf(ctx, param(req, 'type')).name, bodyObject(req.body), userId(res));
    sendJson(res, 201, { id: record.Id, success: true, errors: [] });
  });

  router.get('/sobjects/:type/:id', (req, res) => {
    const type = typeOf(ctx, param(req, 'type'));
    const id = param(req, 'id');
    if (!isWellFormedId(id))
      throw new ApiError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${id}`);
    const record = org.store.get(type.name, to18(id));
    if (!record || record.IsDeleted === true) throw notFound();
    sendJson(res, 200, recordJson(type, record, version(res), fieldList(type, queryString(req, 'fields'))));
  });

  router.patch('/sobjects/:type/:id', (req, res) => {
    org.writer.update(typeOf(ctx, param(req, 'type')).name, param(req, 'id'), bodyObject(req.body), userId(res));
    sendNoContent(res);
  });

  router.delete('/sobjects/:type/:id', (req, res) => {
    org.writer.delete(typeOf(ctx, param(req, 'type')).name, param(req, 'id'), userId(res));
    sendNoContent(res);
  });

  router.get('/sobjects/:type/:field/:value', (req, res) => {
    const type = typeOf(ctx, param(req, 'type'));
    const record = org.store.get(type.name, matchOne(ctx, type, param(req, 'field'), param(req, 'value')));
    if (!record) throw notFound();
    sendJson(res, 200, recordJson(type, record, version(res), fieldList(type, queryString(req, 'fields'))));
  });

  router.patch('/sobjects/:type/:field/:value', (req, res) => {
    const type = typeOf(ctx, param(req, 'type'));
    const { record, created } = org.writer.upsert(
      type.name,
      param(req, 'field'),
      param(req, 'value'),
      bodyObject(req.body),
      userId(res),
    );
    if (!created && Number(version(res)) < UPSERT_BODY_FROM_VERSION) return sendNoContent(res);
    sendJson(res, created ? 201 : 200, { id: record.Id, success: true, errors: [], created });
  });

  router.delete('/sobjects/:type/:field/:value', (req, res) => {
    const type = typeOf(ctx, param(req, 'type'));
    org.writer.delete(type.name, matchOne(ctx, type, param(req, 'field'), param(req, 'value')), userId(res));
    sendNoContent(res);
  });

  return router;
}

function queryString(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The id of the one live record whose external id field holds `value`. */
function matchOne(ctx: SandboxContext, type: SObjectType, fieldName: string, value: string): string {
  const field = type.field(fieldName);
  if (!field || !(field.externalId || field.idLookup)) {
    throw new ApiError(
      404,
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${fieldName}`,
    );
  }
  const ids = ctx.org.store.table(type.name).isIndexed(field)
    ? ctx.org.store.table(type.name).lookup(field, value)
    : [...ctx.org.store.table(type.name).values()]
        .filter((r) => r.IsDeleted !== true && String(r[field.name]) === value)
        .map((r) => r.Id as string);
  if (ids.length > 1) throw new MultipleMatchesError(type.name, field, ids);
  const id = ids[0];
  if (id === undefined) throw notFound();
  return id;
}
