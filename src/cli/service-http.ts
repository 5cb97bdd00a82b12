/**
 * The HTTP side of `serve` (issue 11, items 2 and 3): health for a process supervisor, metrics for Prometheus, the
 * run history of each dealership from its state, a run started by hand, and each dealership's scorecard as a page
 * and as the JSON of `report --json`. Plain express over narrow dependencies, so supertest drives it without a
 * scheduler or an org. Write endpoints need the bearer token of EXECUTION_COACH_API_TOKEN, compared in constant time;
 * with no token configured they are refused outright.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Registry } from 'prom-client';
import { isCoachError } from '../lib/errors';
import type { RunSummary } from '../sync/ports';
import { type ReportInput, reportJson } from './render-report';
import type { RunRequest } from './scheduler';
import type { ScorecardAnalysis } from './scorecard-analysis';
import { noSyncPage, scorecardIndexPage, scorecardJsonPath, scorecardPath, unknownOrgPage } from './scorecard-index';
import { scorecardPage } from './scorecard-page';

export interface ServiceOrg {
  /** The config file: the org's name in every endpoint. */
  name: string;
  /**
   * When its schedule last fired (epoch ms, newest first; two are enough), for readiness. A run must have ended
   * since the one before the last: an org may be in its run for one interval, not two. Counting the schedule's own
   * times, not a fixed interval, keeps a schedule with a night off (every half hour from 8 to 20) ready overnight.
   */
  ticks: () => readonly number[];
  /** What else keeps it from being ready (its state file not writable, its API usage past the guard), or null. */
  problem?: () => string | null;
}

export interface ServiceDeps {
  orgs: readonly ServiceOrg[];
  runNow: (org: string) => RunRequest;
  /** The org's last runs from its state, newest first; empty before its first run. */
  runs: (org: string, limit: number) => RunSummary[];
  /** The org's report, as `report --json` builds it from its state; null before its first finished sync. */
  scorecard: (org: string) => ReportInput | null;
  /** The org's predictive analysis for its page (`analyze`), kept like the scorecard; without it the page has none. */
  analysis?: (org: string) => ScorecardAnalysis | null;
  registry: Registry;
  /** EXECUTION_COACH_API_TOKEN; undefined or empty: write endpoints are refused. */
  token: string | undefined;
  now: () => number;
  /** Configs that could not be loaded at start and are not served: readiness names them. */
  skipped?: ReadonlyArray<{ config: string; problem: string }>;
  /** Told of each request once answered (method, path without its query, status, milliseconds). */
  log?: (method: string, path: string, status: number, ms: number) => void;
}

const RUNS_LISTED = 20;

/** Pages that run no script and load nothing but their inline style; no other site may frame them or post from them. */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  imgSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/** How long a client waiting for a dealership's first sync should wait before asking again, in seconds. */
const NO_SYNC_RETRY_AFTER_S = 60;

/** Equal in constant time whatever the lengths: both sides are hashed to the same length first. */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Why an org is not ready, or null: a run of it ended since the schedule's time before its last (or the schedule
 * has not fired twice yet), and nothing else stands in its way (its state file writable, its API usage below the
 * guard).
 */
function notReady(org: ServiceOrg, deps: ServiceDeps): string | null {
  const due = org.ticks()[1];
  const last = deps.runs(org.name, RUNS_LISTED).find((run) => run.finishedAt !== null);
  if (due !== undefined && (last?.finishedAt ?? -Infinity) < due) {
    const missed = `no run ended since its schedule's time ${new Date(due).toISOString()}`;
    return last ? `${missed}: the last ended ${new Date(last.finishedAt ?? 0).toISOString()}` : missed;
  }
  return org.problem?.() ?? null;
}

export function serviceApp(deps: ServiceDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // Plain HTTP on loopback or behind the cluster's ingress: HSTS is the ingress's to send, not this listener's.
      strictTransportSecurity: false,
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    res.set('Cache-Control', 'no-store');
    const started = deps.now();
    // The path only: a query string may carry what nobody meant to log, and headers (the token) are never logged.
    res.on('finish', () => deps.log?.(req.method, req.path, res.statusCode, deps.now() - started));
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', (_req, res) => {
    const orgs = deps.orgs.map((org) => ({ org: org.name, problem: notReady(org, deps) }));
    // A config skipped at start is a dealership nobody syncs: not ready until someone fixes it and restarts.
    const skipped = (deps.skipped ?? []).map(({ config, problem }) => ({
      org: config,
      problem: `not served: ${problem}`,
    }));
    const all = [...orgs, ...skipped];
    const ready = all.every((org) => org.problem === null);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', orgs: all });
  });

  app.get('/metrics', async (_req, res) => {
    res.type(deps.registry.contentType).send(await deps.registry.metrics());
  });

  app.get('/runs', (_req, res) => {
    res.json(deps.orgs.map((org) => ({ org: org.name, runs: deps.runs(org.name, RUNS_LISTED) })));
  });

  app.get('/runs/:id', (req, res) => {
    for (const org of deps.orgs) {
      const run = deps.runs(org.name, Number.MAX_SAFE_INTEGER).find((candidate) => candidate.runId === req.params.id);
      if (run) return void res.json({ org: org.name, run });
    }
    res.status(404).json({ error: `No run ${req.params.id} in any dealership's state.` });
  });

  registerScorecard(app, deps);

  app.post('/runs', express.json({ limit: '4kb' }), (req, res) => {
    const expected = deps.token ?? '';
    if (expected === '') {
      return void res
        .status(403)
        .json({ error: 'Starting runs over HTTP is off: EXECUTION_COACH_API_TOKEN is not set.' });
    }
    const header = req.get('authorization') ?? '';
    const given = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!sameToken(given, expected)) {
      return void res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'A valid bearer token is needed.' });
    }
    const body: unknown = req.body;
    const org = typeof body === 'object' && body !== null ? (body as { org?: unknown }).org : undefined;
    const name = typeof org === 'string' ? org : deps.orgs.length === 1 ? deps.orgs[0]?.name : undefined;
    if (name === undefined)
      return void res.status(400).json({ error: 'Name the dealership: {"org": "<config file>"}.' });
    const { admission, runId } = deps.runNow(name);
    if (admission === 'unknown') return void res.status(404).json({ error: `No dealership ${name} is served.` });
    if (admission === 'busy') return void res.status(409).json({ error: `${name} is running or waiting to run.` });
    // The run's id, as GET /runs/:id will know it once the run has started.
    res
      .status(202)
      .location(`/runs/${runId ?? ''}`)
      .json({ org: name, admission, runId });
  });

  // Last: an error in a handler (a config edited into an invalid one since the start) is answered without a stack.
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const message = isCoachError(error) ? `${error.code}: ${error.message}` : 'Internal error.';
    res.status(500).json({ error: message });
  });
  return app;
}

/**
 * GET /scorecard and /api/scorecard: with one dealership its page and its JSON; with several, an index of them
 * (a page, or JSON naming each one's two addresses). GET /scorecard/:org and /api/scorecard/:org: that dealership's,
 * by its name (the config file) as one URL-encoded path segment. 404 for a dealership not served; 503 with
 * Retry-After before its first finished sync.
 */
function registerScorecard(app: Express, deps: ServiceDeps): void {
  const known = (org: string): boolean => deps.orgs.some((served) => served.name === org);
  const page = (org: string, res: Response): void => {
    if (!known(org)) return void res.status(404).type('html').send(unknownOrgPage(org));
    const report = deps.scorecard(org);
    if (report === null)
      return void res.status(503).set('Retry-After', String(NO_SYNC_RETRY_AFTER_S)).type('html').send(noSyncPage(org));
    res.type('html').send(scorecardPage(report, deps.analysis?.(org) ?? undefined));
  };
  const json = (org: string, res: Response): void => {
    if (!known(org)) return void res.status(404).json({ error: `No dealership ${org} is served.` });
    const report = deps.scorecard(org);
    if (report === null)
      return void res
        .status(503)
        .set('Retry-After', String(NO_SYNC_RETRY_AFTER_S))
        .json({ error: `${org} has not finished a sync yet.` });
    res.json(reportJson(report));
  };
  const only = deps.orgs.length === 1 ? deps.orgs[0]?.name : undefined;

  app.get('/scorecard', (_req, res) => {
    if (only !== undefined) return page(only, res);
    res.type('html').send(scorecardIndexPage(deps.orgs.map((org) => org.name)));
  });
  app.get('/scorecard/:org', (req, res) => page(req.params.org, res));
  app.get('/api/scorecard', (_req, res) => {
    if (only !== undefined) return json(only, res);
    res.json({
      orgs: deps.orgs.map((org) => ({
        org: org.name,
        page: scorecardPath(org.name),
        json: scorecardJsonPath(org.name),
      })),
    });
  });
  app.get('/api/scorecard/:org', (req, res) => json(req.params.org, res));
}
