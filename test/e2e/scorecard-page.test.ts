/**
 * The scorecard page in a real browser: the demo dealership synced live from the sandbox org (a manager's commitment
 * recorded on a flag in between, with a script tag in it), `serve` answering on 127.0.0.1, and Debian's chromium
 * driven by playwright-core. It checks a named salesperson's funnel and flags against `report --json`, that the page
 * runs no script and obeys its policy, that a phone-wide window never scrolls sideways, that it shows `analyze`'s
 * ranking, and that `report --html` writes the same page. Screenshots go to test-output/ (ignored by git).
 *
 * Why real time and not `--now`: `serve` computes with the system clock, so the sandbox's history ends now (as in
 * `npm run demo`) and the syncs and `report --json` run without `--now`; every figure is day-granular, so the page and
 * the JSON agree unless the test straddles midnight in Chicago.
 *
 * Chromium must be at /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it). Without it the test is
 * skipped locally, with a message, and fails when CI=true.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { runCli } from '../../src/cli/program';
import { measureName } from '../../src/cli/render-analysis';
import type { AnalyzedMeasure } from '../../src/core';
import { commitTo, flags, plantedRep } from './coaching-org';
import { cli, CONFIG, type DemoOrg, ROOT, startDemoOrg } from './support';

const CHROMIUM = '/usr/bin/chromium';
/** Without these chromium reaches for the network (updates, sync, QUIC probes), which this machine does not have. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUTPUT = path.join(ROOT, 'test-output');
const LAPTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const COMMITMENT = '<script>alert("commitment")</script> Ask for the appointment on every contact call.';

const mustRun = process.env.CI === 'true';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && !mustRun)
  console.warn(`Skipping the scorecard page's browser test: no ${CHROMIUM} (apt-get install chromium).`);
const describeInBrowser = hasChromium || mustRun ? describe : describe.skip;

interface ReportJson {
  reps: Array<{
    repId: string;
    name: string;
    plan: { steps: Array<{ step: string; sample: number }> } | null;
    results: Array<{
      kind: string;
      measure: string;
      from?: string;
      to?: string;
      value: number | null;
      trials?: number;
    }>;
    flags: Array<{ measure: string; diagnosis: string; summary: string }>;
  }>;
}

interface AnalyzeJson {
  enoughData: boolean;
  measures: Array<Pick<AnalyzedMeasure, 'label' | 'kind' | 'source' | 'verdict' | 'people' | 'personWeeks'>>;
}

/** A copy of the reference config with its own state file and a schedule that will not fire during the test. */
function servedConfig(org: DemoOrg): string {
  const text = readFileSync(CONFIG, 'utf8')
    .replace('cron: "0 * * * *"', 'cron: "0 0 1 1 *"')
    .replace(/path: \.\.\/\.state\/execution-coach\.db/, `path: ${org.statePath}`);
  const file = path.join(org.dir, 'dealership.yaml');
  writeFileSync(file, text);
  return file;
}

const pct = (value: number | null): string => (value === null ? '–' : `${Math.round(value * 100)}%`);

describeInBrowser('end to end: the scorecard page in a browser', () => {
  let org: DemoOrg;
  let config: string;
  let browser: Browser;
  let base: string;
  let stop: (signal: string) => void = () => undefined;
  let serving: Promise<number>;
  let report: ReportJson;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`CI=true and no ${CHROMIUM}: install it (apt-get install chromium).`);
    mkdirSync(OUTPUT, { recursive: true });
    org = await startDemoOrg({ now: Date.now() });
    config = servedConfig(org);
    const sync = async (): Promise<void> => {
      const run = await cli(['sync', '--config', config, '--live', '--log-level', 'warn'], org.env);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    };
    await sync();
    // The manager records a commitment on the rarely-setting rep's flag; the next sync reads it back.
    const rep = plantedRep(org, 'rarely_sets');
    const [flag] = flags(org, `Salesperson__c = '${rep.userId}' AND Status__c = 'New'`);
    if (!flag) throw new Error('the first sync flagged nothing on the rarely-setting rep');
    commitTo(org, flag, COMMITMENT, new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
    await sync();

    const json = await cli(['report', '--json', '--config', config], org.env);
    report = JSON.parse(json.stdout) as ReportJson;

    let stdout = '';
    const shutdown = new Promise<string>((resolve) => (stop = resolve));
    serving = runCli(['serve', '--config', config, '--port', '0', '--log-level', 'warn'], {
      out: (text) => void (stdout += text),
      err: () => undefined,
      env: org.env,
      cwd: ROOT,
      isTTY: false,
      shutdown,
    });
    for (let i = 0; i < 100 && !/on http:\/\/127\.0\.0\.1:\d+:/.test(stdout); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    base = /on (http:\/\/127\.0\.0\.1:\d+):/.exec(stdout)?.[1] ?? 'no address printed';
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    stop('SIGTERM');
    await serving;
    await org?.close();
  });

  /** What `close` found wrong while the page was open: a script dialog, a request off this server. */
  let problems: string[] = [];

  /** A fresh page at the viewport on /scorecard, noting any script dialog or request to anywhere but this server. */
  async function open(viewport: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ viewport });
    problems = [];
    page.on('dialog', (dialog) => void problems.push(`a script ran: ${dialog.message()}`));
    page.on('request', (request) => {
      if (!request.url().startsWith(base)) problems.push(`the page loaded ${request.url()}`);
    });
    const response = await page.goto(`${base}/scorecard`);
    expect(response?.status()).toBe(200);
    return page;
  }

  async function close(page: Page): Promise<void> {
    await page.close();
    expect(problems).toEqual([]);
  }

  it('given the synced demo, when /scorecard opens, then the rarely-setting rep’s funnel and flags are those of `report --json`', async () => {
    const page = await open(LAPTOP);
    const rep = plantedRep(org, 'rarely_sets');
    const json = report.reps.find((r) => r.repId === rep.userId);
    if (!json?.plan) throw new Error(`${rep.name} has no plan in report --json`);
    const article = page.locator('article', { has: page.getByRole('heading', { level: 3, name: rep.name }) });
    await expect(article.count()).resolves.toBe(1);

    const funnel = article.getByRole('table', { name: `${rep.name}: funnel` });
    const rows = await funnel
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
      );
    expect(rows.map((cells) => Number((cells[1] ?? '').replace(/,/g, '')))).toEqual(
      json.plan.steps.map((s) => s.sample),
    );
    json.plan.steps.forEach((step, i) => {
      const before = json.plan?.steps[i - 1]?.step;
      const rate = json.results.find((r) => r.kind === 'ratio' && r.from === before && r.to === step.step);
      if (rate) expect(rows[i]?.[2]).toContain(`${pct(rate.value)} of ${rate.trials}`);
    });

    const flagged = await article.locator('ul.flags > li').allTextContents();
    expect(flagged.length).toBeGreaterThanOrEqual(json.flags.length);
    for (const flag of json.flags) expect(flagged.some((text) => text.includes(flag.summary))).toBe(true);
    // The commitment is text on the page: its script tag is shown, not run.
    await expect(article.getByText(COMMITMENT).count()).resolves.toBe(1);
    await expect(page.locator('script').count()).resolves.toBe(0);

    await page.screenshot({ path: path.join(OUTPUT, 'scorecard-laptop.png') });
    await article.screenshot({ path: path.join(OUTPUT, 'scorecard-rep-laptop.png') });
    await close(page);
  }, 60_000);

  it('given the page, then it is accessible in its structure and its inline style applies under the policy', async () => {
    const page = await open(LAPTOP);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const levels = await page
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));
    const uncaptioned = await page.locator('table:not(:has(> caption))').count();
    expect(uncaptioned).toBe(0);
    // The bars' widths are inline style attributes: a policy that blocked them would leave every bar empty.
    const widths = await page
      .locator('.bar .fill')
      .evaluateAll((fills) => fills.map((f) => f.getBoundingClientRect().width));
    expect(widths.filter((w) => w > 0).length).toBeGreaterThan(10);
    await close(page);
  }, 60_000);

  it('given a phone-wide window, then nothing makes the page scroll sideways', async () => {
    const page = await open(PHONE);
    // How far the document and its body reach past the window's width (the tables scroll inside their own regions).
    const overflow = await page.locator('html').evaluate((root) => ({
      document: root.scrollWidth - root.clientWidth,
      body: root.ownerDocument.body.scrollWidth - root.ownerDocument.body.clientWidth,
    }));
    expect(overflow).toEqual({ document: 0, body: 0 });
    await page.screenshot({ path: path.join(OUTPUT, 'scorecard-phone.png') });
    const rep = plantedRep(org, 'rarely_sets');
    await page
      .locator('article', { has: page.getByRole('heading', { level: 3, name: rep.name }) })
      .screenshot({ path: path.join(OUTPUT, 'scorecard-rep-phone.png') });
    await close(page);
  }, 60_000);

  it('given the synced demo, when /scorecard opens, then it shows which activities predict sales: `analyze --json`’s ranking, in its order, and how to read it', async () => {
    const run = await cli(['analyze', '--json', '--config', config], org.env);
    const analysis = JSON.parse(run.stdout) as AnalyzeJson;
    // 13 weeks of the demo's salespeople are enough to try (README, "execution-coach analyze").
    expect(analysis.enoughData).toBe(true);
    const page = await open(LAPTOP);
    const section = page.getByRole('region', { name: 'Which activities predict sales here' });
    await expect(section.getByText(/^History: \d+ weeks \(/).count()).resolves.toBe(1);
    const ranking = section.getByRole('table', { name: /^Activities ranked/ });
    const rows = await ranking
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())),
      );
    expect(rows.map((cells) => [cells[0], cells[1], Number(cells[3]), Number(cells[4])])).toEqual(
      analysis.measures.map((m) => [measureName(m as AnalyzedMeasure), m.verdict, m.people, m.personWeeks]),
    );
    await expect(section.getByText(/^Out of sample: /).count()).resolves.toBe(1);
    await expect(section.getByText(/^How to read this: /).count()).resolves.toBe(1);
    await section.screenshot({ path: path.join(OUTPUT, 'scorecard-analysis-laptop.png') });
    await close(page);
  }, 60_000);

  it('given `report --html`, then it writes the page /scorecard serves; a path it cannot write is exit 2', async () => {
    const file = path.join(org.dir, 'scorecard.html');
    const written = await cli(['report', '--html', file, '--config', config], org.env);
    expect(written).toEqual({ code: 0, stdout: `Wrote the scorecard page to ${file}.\n`, stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(await (await fetch(`${base}/scorecard`)).text());

    const nowhere = await cli(
      ['report', '--html', path.join(org.dir, 'no-such-dir', 'x.html'), '--config', config],
      {},
    );
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('error [USAGE_HTML_PATH]: Cannot write the scorecard page to');
    const both = await cli(['report', '--html', file, '--json', '--config', config], {});
    expect(both.code).toBe(2);
  }, 60_000);

  it('given another commitment recorded and a sync that reads it, then /scorecard shows it at once (the page kept is rebuilt)', async () => {
    const [flag] = flags(org, "Status__c = 'New'");
    if (!flag) throw new Error('no New flag left to commit to');
    const words = 'Block an hour of calls before the floor opens.';
    expect(await (await fetch(`${base}/scorecard`)).text()).not.toContain(words);
    commitTo(org, flag, words, new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10));
    const run = await cli(['sync', '--config', config, '--live', '--log-level', 'warn'], org.env);
    expect(run.code).toBe(0);
    expect(await (await fetch(`${base}/scorecard`)).text()).toContain(words);
  }, 60_000);
});
