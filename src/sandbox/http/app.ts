import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { ApiError, isApiError, notFound } from '../errors';
import { MultipleMatchesError } from '../store/record-writer';
import type { SandboxContext } from './context';
import { apiGuard, locals } from './middleware/api-guard';
import { injectFaults } from './middleware/inject-faults';
import { sendApiError, sendJson } from './respond';
import { adminRouter } from './routes/admin';
import { bulk2Router } from './routes/bulk2';
import { collectionsRouter } from './routes/collections';
import { oauthRouter } from './routes/oauth';
import { orgInfoRouter, versionsRouter } from './routes/org-info';
import { queryRouter } from './routes/query';
import { sobjectsRouter } from './routes/sobjects';
import { updatedDeletedRouter } from './routes/updated-deleted';

/**
 * The sandbox's HTTP surface, one origin at the root like a My Domain: /__sandbox admin (no
 * faults), then request faults, OAuth, the versions list, and everything under
 * /services/data/vXX.X behind the API guard. Unknown paths answer Salesforce's 404.
 */

/** Collections of 200 records with long text fit comfortably. */
const API_BODY_LIMIT = '50mb';

export function createApp(ctx: SandboxContext, resetAll: () => void): Express {
  const app = express();
  app.disable('x-powered-by');
  // Pages are large and never revalidated; hashing them for an ETag would only cost time.
  app.set('etag', false);
  // @salesforce/core 8.31 asks for `//services/data/…`; a real org serves it like `/services/…`.
  app.use((req: Request, _res: Response, next: NextFunction) => {
    if (req.url.startsWith('//')) req.url = req.url.replace(/^\/+/, '/');
    next();
  });
  app.use('/__sandbox', adminRouter(ctx, resetAll));
  app.use(injectFaults(ctx.faults));
  app.use(oauthRouter(ctx));
  app.use(versionsRouter());

  const api = express.Router({ mergeParams: true });
  api.use(apiGuard(ctx));
  api.use(express.json({ limit: API_BODY_LIMIT, type: ['application/json', 'application/*+json', 'text/json'] }));
  api.use(orgInfoRouter(ctx));
  api.use(queryRouter(ctx));
  api.use(updatedDeletedRouter(ctx));
  api.use(sobjectsRouter(ctx));
  api.use(collectionsRouter(ctx));
  api.use(bulk2Router(ctx));
  app.use('/services/data/:version', api);

  app.use((_req: Request, res: Response) => sendApiError(res, notFound()));
  app.use(errorHandler);
  return app;
}

function errorHandler(error: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (error instanceof MultipleMatchesError) {
    const version = locals(res).apiVersion ?? '62.0';
    return sendJson(
      res,
      300,
      error.ids.map((id) => `/services/data/v${version}/sobjects/${error.objectName}/${id}`),
    );
  }
  if (isApiError(error)) return sendApiError(res, error);
  if (isBodyParserError(error)) {
    return sendApiError(
      res,
      new ApiError(400, 'JSON_PARSER_ERROR', `Unexpected character in the request body: ${error.message}`),
    );
  }
  sendApiError(res, new ApiError(500, 'UNKNOWN_EXCEPTION', error instanceof Error ? error.message : String(error)));
}

function isBodyParserError(error: unknown): error is Error & { type: string } {
  return error instanceof Error && typeof (error as { type?: unknown }).type === 'string' && 'status' in error;
}
