/**
 * A config or a key that tries to end a SOQL string literal (issue 13, item 3) selects nothing more. Match values,
 * closed statuses and the team's conditions are compared by the connector on what it read and never sent in a query:
 * a config full of `' OR Id != null` reads exactly what the reference config reads, over the very same queries. The
 * values that are sent (the keys a run looks its records up by) go as escaped literals, and the sandbox's own SOQL
 * parser reads them back as the text they were.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { loadConfig } from '../../src/config';
import { openSalesforceSession } from '../../src/salesforce/session';
import { CONFIG, type CliRun, type DemoOrg, type SyncJson, cli, runAt, startDemoOrg } from './support';

/** Each ends the literal it is pasted into and widens the condition, one way or another. */
const HOSTILE = [
  `x' OR Id != null OR Name = 'y`,
  `x\\' OR Id != null --`,
  `x\\\\' OR Id != null OR Id = '`,
  `"' OR ''='`,
];

/** The reference config with a hostile value beside `values` at each path given, as one more accepted ("one of"). */
function withHostile(dir: string, name: string, at: Paths): string {
  const doc = parseDocument(readFileSync(CONFIG, 'utf8'));
  for (const [where, values] of at) doc.setIn(where, [...values, ...HOSTILE]);
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(file, doc.toString());
  return file;
}

type Paths = Array<readonly [Array<string | number>, string[]]>;

const REFERENCE = parseDocument(readFileSync(CONFIG, 'utf8')).toJS() as {
  steps: Array<{ id: string; match?: Record<string, unknown> }>;
  measures: Array<{ id: string; closedStatuses?: string[] }>;
};
const stepAt = (id: string): number => REFERENCE.steps.findIndex((step) => step.id === id);
const measureAt = (id: string): number => REFERENCE.measures.findIndex((measure) => measure.id === id);

/**
 * Values the org check lets through, whatever they hold (free text, or values it does not check against the org):
 * the team's titles and the contact step's call disposition. No record holds the hostile ones, so what is measured
 * does not change.
 */
const FREE_VALUES: Paths = [
  [['team', 'salespeople', 'Title'], ['Sales Consultant']],
  [['team', 'setters', 'Title'], ['BDC Agent']],
  [['steps', stepAt('contact'), 'match', 'CallDisposition'], ['Contacted']],
];

/**
 * Every single value a step or the overdue measure matches on, and the stale leads' closed statuses: picklists the
 * org check knows.
 */
function matchValues(): Paths {
  const at: Paths = [];
  REFERENCE.steps.forEach((step, n) => {
    for (const [field, value] of Object.entries(step.match ?? {}))
      if (typeof value === 'string') at.push([['steps', n, 'match', field], [value]]);
  });
  at.push([['measures', measureAt('overdue_follow_ups'), 'match', 'Type'], ['Follow-Up']]);
  at.push([
    ['measures', measureAt('stale_leads'), 'closedStatuses'],
    REFERENCE.measures[measureAt('stale_leads')]?.closedStatuses ?? [],
  ]);
  return at;
}

describe('end to end: hostile values and SOQL', () => {
  let org: DemoOrg;
  beforeAll(async () => {
    org = await startDemoOrg();
  });
  afterAll(() => org.close());

  /** A dry run of `config` on a fresh state: how it ended, and every SOQL text the org was sent. */
  async function dryRun(config: string, name: string): Promise<CliRun & { soql: string[] }> {
    const queries = jest.spyOn(org.sandbox.org.queries, 'run');
    const state = path.join(org.dir, `${name}.db`);
    const run = await cli(
      ['sync', '--config', config, '--state', state, '--dry-run', '--json', '--now', runAt(0), '--log-level', 'warn'],
      org.env,
    );
    const soql = queries.mock.calls.map(([text]) => text);
    queries.mockRestore();
    return { ...run, soql };
  }

  it('given hostile values beside the team titles and a call disposition, when it syncs, then it reads exactly what the reference config reads, over the same queries', async () => {
    const hostile = withHostile(org.dir, 'hostile-free', FREE_VALUES);
    expect(readFileSync(hostile, 'utf8')).toContain(`x' OR Id != null`);

    const reference = await dryRun(CONFIG, 'reference');
    const attacked = await dryRun(hostile, 'hostile');

    expect([reference.code, attacked.code]).toEqual([0, 0]);
    const reads = ({ stdout }: { stdout: string }) =>
      (JSON.parse(stdout) as SyncJson).reads.map((r) => [r.object, r.records]);
    expect(reads(attacked)).toEqual(reads(reference));
    expect(reads(reference).reduce((sum, [, records]) => sum + Number(records), 0)).toBeGreaterThan(1000);
    const planned = ({ stdout }: { stdout: string }) => {
      const { findings, plan } = JSON.parse(stdout) as SyncJson;
      return { findings, plan };
    };
    expect(planned(attacked)).toEqual(planned(reference));
    expect(attacked.soql.length).toBeGreaterThan(0);
    expect([...attacked.soql].sort()).toEqual([...reference.soql].sort());
    expect(attacked.soql.join('\n')).not.toContain('Id != null');
  });

  it('given hostile values beside the picklist values of steps and measures and the closed statuses, when it syncs, then the org check refuses each before any record is read', async () => {
    const hostile = withHostile(org.dir, 'hostile-picklists', matchValues());

    const attacked = await dryRun(hostile, 'hostile-picklists');

    expect(attacked.code).toBe(2);
    expect(attacked.stderr).toContain('CONFIG_INVALID');
    expect(attacked.stderr).toMatch(
      /steps\[1\]\.match\.Type: picklist value 'x' OR Id != null OR Name = 'y' is not a value/,
    );
    expect(attacked.soql.join('\n')).not.toContain('Id != null');
  });

  it('given hostile values beside the closed statuses alone, when it syncs, then the org check refuses them at closedStatuses', async () => {
    const closed = matchValues().filter(([where]) => where.includes('closedStatuses'));
    const hostile = withHostile(org.dir, 'hostile-closed', closed);

    const attacked = await dryRun(hostile, 'hostile-closed');

    expect(attacked.code).toBe(2);
    expect(attacked.stderr).toMatch(/closedStatuses: picklist value 'x' OR Id != null OR Name = 'y' is not a value/);
    expect(attacked.soql.join('\n')).not.toContain('Id != null');
  });

  it('given keys that try to end their literal, when records are looked up by key, then only the record holding that exact text is found', async () => {
    const config = loadConfig(CONFIG);
    const session = await openSalesforceSession(
      { salesforce: config.salesforce, maxApiUsage: config.sync.maxApiUsage },
      { env: org.env },
    );
    const keyField = config.writeBack.taskKeyField;
    const [held = '', ...others] = HOSTILE;
    const written = await session.writer.upsert('Task', keyField, [
      { [keyField]: held, Subject: 'holds a hostile key' },
      { [keyField]: 'v1:an:ordinary:key', Subject: 'holds an ordinary key' },
    ]);
    expect(written.every((result) => result.ok)).toBe(true);
    const queries = jest.spyOn(org.sandbox.org.queries, 'run');

    const found = await session.writer.findByKeys('Task', keyField, [held, ...others], ['Subject']);

    const soql = queries.mock.calls.map(([text]) => text);
    queries.mockRestore();
    await session.close();
    expect(found.map((task) => [task[keyField], task.Subject])).toEqual([[held, 'holds a hostile key']]);
    expect(soql.join('\n')).toContain(`'x\\' OR Id != null OR Name = \\'y'`);
    expect(soql.join('\n')).toContain(`'x\\\\\\' OR Id != null --'`);
  });
});
