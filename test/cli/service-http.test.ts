/**
 * The HTTP endpoints of `serve`, driven with supertest over narrow fakes: health, readiness, metrics, run history,
 * and a run started by hand behind the bearer token.
 */
import request from 'supertest';
import { Registry } from 'prom-client';
import { type ServiceDeps, serviceApp } from '../../src/cli/service-http';
import type { Admission } from '../../src/cli/scheduler';
import { reportJson } from '../../src/cli/render-report';
import { CoachError } from '../../src/lib/errors';
import { storeAnalysis, view } from './analysis-builders';
import { reportInput } from './report-builders';

const RUN_ID = 'run-20261204T180000Z-abc123';
import type { RunSummary } from '../../src/sync/ports';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-04T18:00:00Z');
const TOKEN = 's3cret-token-for-tests';

function run(runId: string, finishedAt: number | null, over: Partial<RunSummary> = {}): RunSummary {
  return {
    runId,
    startedAt: (finishedAt ?? NOW) - 60_000,
    finishedAt,
    result: finishedAt === null ? 'running' : 'ok',
    recordsRead: 10,
    reads: [{ object: 'Task', records: 10, deleted: 0 }],
    apiCalls: 7,
    writes: { created: 1, updated: 0, skipped: 3, failed: 0 },
    errors: [],
    ...over,
  };
}

const NORTH_REPORT = reportInput();

/** Ticks of an hourly schedule: the last at `NOW - ago`, the one before an hour earlier. */
const hourly =
  (ago = 30 * 60_000) =>
  (): number[] => [NOW - ago, NOW - ago - HOUR];

/** Two dealerships synced hourly: north an hour ago, south three hours ago (its schedule every four hours). */
function deps(over: Partial<ServiceDeps> = {}, admission: Admission | 'unknown' = 'started'): ServiceDeps {
  const history: Record<string, RunSummary[]> = {
    'north.yaml': [run('run-n2', NOW - HOUR), run('run-n1', NOW - 2 * HOUR)],
    'south.yaml': [run('run-s1', NOW - 3 * HOUR)],
  };
  return {
    orgs: [
      { name: 'north.yaml', ticks: hourly() },
      { name: 'south.yaml', ticks: () => [NOW - 2 * HOUR, NOW - 6 * HOUR] },
    ],
    runNow: () => ({ admission, runId: admission === 'started' || admission === 'queued' ? RUN_ID : null }),
    runs: (org, limit) => (history[org] ?? []).slice(0, limit),
    // North has synced; south has not finished a sync yet.
    scorecard: (org) => (org === 'north.yaml' ? NORTH_REPORT : null),
    registry: new Registry(),
    token: TOKEN,
    now: () => NOW,
    ...over,
  };
}

describe('serve over HTTP', () => {
  it('given the process, when /healthz is asked, then 200 with security headers and no x-powered-by', async () => {
    const response = await request(serviceApp(deps())).get('/healthz');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it("given every dealership had a run end since its schedule's time before the last, then /readyz is 200; one that did not, 503 naming it", async () => {
    expect((await request(serviceApp(deps())).get('/readyz')).status).toBe(200);
    const stale = deps({ orgs: [{ name: 'south.yaml', ticks: hourly() }] });
    const response = await request(serviceApp(stale)).get('/readyz');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      status: 'not ready',
      orgs: [
        {
          org: 'south.yaml',
          problem:
            "no run ended since its schedule's time 2026-12-04T16:30:00.000Z: the last ended 2026-12-04T15:00:00.000Z",
        },
      ],
    });
  });

  it('given a schedule that fired once or not yet and no run, then it is ready: the first run may still be going', async () => {
    const fresh = deps({ orgs: [{ name: 'north.yaml', ticks: () => [NOW - 60_000] }], runs: () => [] });
    expect((await request(serviceApp(fresh)).get('/readyz')).status).toBe(200);
  });

  it('given a schedule with a night off, when asked at night, then the last evening run keeps it ready', async () => {
    // Every half hour until 20:00; asked at 02:00; the 20:00 run ended at 20:01.
    const night = deps({
      orgs: [{ name: 'north.yaml', ticks: () => [NOW - 6 * HOUR, NOW - 6.5 * HOUR] }],
      runs: () => [run('run-evening', NOW - 6 * HOUR + 60_000)],
    });
    expect((await request(serviceApp(night)).get('/readyz')).status).toBe(200);
  });

  it('given a state file that cannot be written, a config skipped at start, then /readyz is 503 naming both', async () => {
    const broken = deps({
      orgs: [{ name: 'north.yaml', ticks: hourly(), problem: () => 'its state file /data/north.db cannot be written' }],
      skipped: [{ config: 'west.yaml', problem: 'CONFIG_INVALID' }],
    });
    const response = await request(serviceApp(broken)).get('/readyz');
    expect([response.status, response.body]).toEqual([
      503,
      {
        status: 'not ready',
        orgs: [
          { org: 'north.yaml', problem: 'its state file /data/north.db cannot be written' },
          { org: 'west.yaml', problem: 'not served: CONFIG_INVALID' },
        ],
      },
    ]);
  });

  it('given requests, then each is logged by method, path without its query string, status and time, and never the token', async () => {
    const lines: string[] = [];
    const app = serviceApp(deps({ log: (method, path, status) => lines.push(`${method} ${path} ${status}`) }));
    await request(app).get('/runs?token=leaked');
    await request(app).post('/runs').set('Authorization', `Bearer ${TOKEN}`).send({ org: 'north.yaml' });
    expect(lines).toEqual(['GET /runs 200', 'POST /runs 202']);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('given the registry, then /metrics answers in the Prometheus text format', async () => {
    const response = await request(serviceApp(deps())).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
  });

  it('given two dealerships, then /runs lists each one’s runs, and /runs/:id finds one or answers 404', async () => {
    const app = serviceApp(deps());
    const all = await request(app).get('/runs');
    expect(all.body.map((entry: { org: string; runs: RunSummary[] }) => [entry.org, entry.runs.length])).toEqual([
      ['north.yaml', 2],
      ['south.yaml', 1],
    ]);
    expect((await request(app).get('/runs/run-s1')).body).toMatchObject({
      org: 'south.yaml',
      run: { runId: 'run-s1' },
    });
    expect((await request(app).get('/runs/run-x')).status).toBe(404);
  });

  describe('POST /runs', () => {
    const post = (d: ServiceDeps, auth?: string, body: object = { org: 'north.yaml' }) => {
      const call = request(serviceApp(d)).post('/runs').send(body);
      return auth === undefined ? call : call.set('Authorization', auth);
    };

    it('given no token configured, then 403 whatever is sent: the endpoint is off', async () => {
      expect((await post(deps({ token: undefined }), `Bearer ${TOKEN}`)).status).toBe(403);
      expect((await post(deps({ token: '' }), 'Bearer ')).status).toBe(403);
    });

    it('given no token or a wrong one, then 401 with a Bearer challenge, and nothing is started', async () => {
      let started = 0;
      const counting = deps({ runNow: () => ((started += 1), { admission: 'started', runId: RUN_ID }) });
      for (const auth of [undefined, 'Bearer wrong', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
        const response = await post(counting, auth);
        expect({ auth, status: response.status }).toEqual({ auth, status: 401 });
        expect(response.headers['www-authenticate']).toBe('Bearer');
      }
      expect(started).toBe(0);
    });

    it('given the token, then 202 with the run’s id for a run started or queued, 409 while it runs or waits, 404 for an unknown one', async () => {
      const started = await post(deps({}, 'started'), `Bearer ${TOKEN}`);
      expect([started.status, started.body, started.headers.location]).toEqual([
        202,
        { org: 'north.yaml', admission: 'started', runId: RUN_ID },
        `/runs/${RUN_ID}`,
      ]);
      expect((await post(deps({}, 'queued'), `Bearer ${TOKEN}`)).body).toEqual({
        org: 'north.yaml',
        admission: 'queued',
        runId: RUN_ID,
      });
      expect((await post(deps({}, 'busy'), `Bearer ${TOKEN}`)).status).toBe(409);
      expect((await post(deps({}, 'unknown'), `Bearer ${TOKEN}`, { org: 'west.yaml' })).status).toBe(404);
    });

    it('given several dealerships and no org named, then 400 saying how to name one', async () => {
      const response = await post(deps(), `Bearer ${TOKEN}`, {});
      expect(response.status).toBe(400);
      expect(response.body.error).toContain('"org"');
    });
  });

  describe('the scorecard', () => {
    const one = (over: Partial<ServiceDeps> = {}): ServiceDeps =>
      deps({ orgs: [{ name: 'north.yaml', ticks: hourly() }], ...over });

    it('given several dealerships, when /scorecard is asked, then an index page links each one’s page and JSON', async () => {
      const response = await request(serviceApp(deps())).get('/scorecard');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.text).toContain('<a href="/scorecard/north.yaml">north.yaml</a>');
      expect(response.text).toContain('<a href="/api/scorecard/south.yaml">JSON</a>');
      const api = await request(serviceApp(deps())).get('/api/scorecard');
      expect(api.body).toEqual({
        orgs: [
          { org: 'north.yaml', page: '/scorecard/north.yaml', json: '/api/scorecard/north.yaml' },
          { org: 'south.yaml', page: '/scorecard/south.yaml', json: '/api/scorecard/south.yaml' },
        ],
      });
    });

    it('given a synced dealership, when its page is asked, then the page under a policy that allows no script and no outside source', async () => {
      const response = await request(serviceApp(deps())).get('/scorecard/north.yaml');
      expect(response.status).toBe(200);
      expect(response.text).toContain('<h1>Test Motors: coaching scorecard</h1>');
      const policy = String(response.headers['content-security-policy']);
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("style-src 'unsafe-inline'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toMatch(/script-src|https?:/);
      expect(response.headers['x-frame-options']).toBe('DENY');
    });

    it('given the predictive analysis kept for the page, then the page shows it and the JSON never asks for it', async () => {
      const asked: string[] = [];
      const app = serviceApp(
        deps({
          analysis: (org) => {
            asked.push(org);
            return view(storeAnalysis());
          },
        }),
      );
      expect((await request(app).get('/api/scorecard/north.yaml')).status).toBe(200);
      expect(asked).toEqual([]);
      const page = await request(app).get('/scorecard/north.yaml');
      expect(page.text).toContain('<h2 id="analysis">Which activities predict sales here</h2>');
      expect(asked).toEqual(['north.yaml']);
    });

    it('given a synced dealership, when its JSON is asked, then it is what `report --json` prints', async () => {
      const response = await request(serviceApp(deps())).get('/api/scorecard/north.yaml');
      expect(response.status).toBe(200);
      expect(response.body).toEqual(JSON.parse(JSON.stringify(reportJson(NORTH_REPORT))));
    });

    it('given one dealership, then /scorecard and /api/scorecard answer its page and JSON directly', async () => {
      const app = serviceApp(one());
      expect((await request(app).get('/scorecard')).text).toContain('Test Motors: coaching scorecard');
      expect((await request(app).get('/api/scorecard')).body).toMatchObject({ dealership: 'Test Motors' });
    });

    it('given a dealership named by a path, then its URL-encoded name finds it', async () => {
      const name = '/etc/execution-coach/dealerships/north.yaml';
      const app = serviceApp(one({ orgs: [{ name, ticks: hourly() }], scorecard: () => NORTH_REPORT }));
      const response = await request(app).get(`/scorecard/${encodeURIComponent(name)}`);
      expect(response.status).toBe(200);
    });

    it('given a dealership not served, then 404 as a page and as JSON, its name escaped', async () => {
      const app = serviceApp(deps());
      const page = await request(app).get(`/scorecard/${encodeURIComponent('<b>west</b>.yaml')}`);
      expect(page.status).toBe(404);
      expect(page.text).toContain('No dealership &lt;b&gt;west&lt;/b&gt;.yaml is served here.');
      expect((await request(app).get('/api/scorecard/west.yaml')).status).toBe(404);
    });

    it('given a dealership with no finished sync yet, then 503 with Retry-After and a page that says so', async () => {
      const app = serviceApp(deps());
      const page = await request(app).get('/scorecard/south.yaml');
      expect([page.status, page.headers['retry-after']]).toEqual([503, '60']);
      expect(page.text).toContain('south.yaml has not finished a sync yet');
      const json = await request(app).get('/api/scorecard/south.yaml');
      expect([json.status, json.body]).toEqual([503, { error: 'south.yaml has not finished a sync yet.' }]);
    });

    it('given the report cannot be built (a config edited into a bad one), then 500 with the code and no stack', async () => {
      const failing = deps({
        scorecard: () => {
          throw new CoachError({ code: 'CONFIG_INVALID', message: 'north.yaml: windowDays must be a number.' });
        },
      });
      const response = await request(serviceApp(failing)).get('/scorecard/north.yaml');
      expect(response.status).toBe(500);
      expect(response.body).toEqual({ error: 'CONFIG_INVALID: north.yaml: windowDays must be a number.' });
      expect(response.text).not.toContain('    at ');
    });
  });
});
