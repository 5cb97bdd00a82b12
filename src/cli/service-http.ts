/**
 * The HTTP side of `serve` (issue 11, item 2): health for a process supervisor, metrics for Prometheus, the run
 * history of each dealership from its state, and a run started by hand. Plain express over narrow dependencies, so
 * supertest drives it without a scheduler or an org. Write endpoints need the bearer token of
 * EXECUTION_COACH_API_TOKEN, compared in constant time; with no token configured they are refused outright.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { Registry } from 'prom-client';
import type { RunSummary } from '../sync/ports';
import type { RunRequest } from './scheduler';

export interface ServiceOrg {
  /** The config file: the org's name in every endpoint. */
  name: string;
  /** Time between two scheduled runs (from the cron expression), for readiness. */
  intervalMs: number;
}

export interface ServiceDeps {
  orgs: readonly ServiceOrg[];
  runNow: (org: string) => RunRequest;
  /** The org's last runs from its state, newest first; empty before its first run. */
  runs: (org: string, limit: number) => RunSummary[];
  registry: Registry;
  /** EXECUTION_COACH_API_TOKEN; undefined or empty: write endpoints are refused. */
  token: string | undefined;
  startedAt: number;
  now: () => number;
}

const RUNS_LISTED = 20;

/** Equal in constant time whatever the lengths: both sides are hashed to the same length first. */
function sameToken(given: string, expected: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Why an org is not ready, or null: its last run ended within twice its interval (or it started that recently). */
function notReady(org: ServiceOrg, deps: ServiceDeps): string | null {
  const since = deps.now() - 2 * org.intervalMs;
  const last = deps.runs(org.name, RUNS_LISTED).find((run) => run.finishedAt !== null);
  if (last?.finishedAt != null && last.finishedAt >= since) return null;
  if (deps.startedAt >= since) return null;
  return last ? `last run ended ${new Date(last.finishedAt ?? 0).toISOString()}` : 'no run since the start';
}

export function serviceApp(deps: ServiceDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.set({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'",
      'Cache-Control': 'no-store',
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', (_req, res) => {
    const orgs = deps.orgs.map((org) => ({ org: org.name, problem: notReady(org, deps) }));
    const ready = orgs.every((org) => org.problem === null);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', orgs });
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

  return app;
}
