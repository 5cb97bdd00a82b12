/**
 * Bad data from the CRM, end to end over the sandbox's socket (issue 13): the demo dealership with the
 * bad-records dataset added (src/sandbox/demo/bad-records.ts) and the org repeating a row on every next
 * query page, synced beside the same dealership without them (same seed, same --now). The run counts each
 * kind where it belongs, never fails, and writes exactly what the clean org gets. Real-life changes
 * that are not bad (a salesperson moved to another manager, an opportunity handed over mid-funnel) are
 * credited as the mapping says.
 */
import type { SfRecord } from '../../src/core/model';
import type { BadDataset } from '../../src/sandbox/demo/bad-records';
import { addRealLifeChanges, type RealLifeChanges } from '../../src/sandbox/demo/real-life-changes';
import {
  cli,
  type CliRun,
  CONFIG,
  type DemoOrg,
  productRecords,
  query,
  runAt,
  startDemoOrg,
  type SyncJson,
  syncJson,
} from './support';

/** `sync --json` with what this test reads beyond support.ts's shape. */
type Report = Omit<SyncJson, 'reads'> & {
  reads: Array<SyncJson['reads'][number] & { bad: number; repeated: number }>;
  mapping: {
    bad: Record<string, number>;
    missingUser: Record<string, number>;
    unmatchedValues: Record<string, Record<string, number>>;
  };
};

const readOf = (report: Report, object: string): Report['reads'][number] => {
  const read = report.reads.find((r) => r.object === object);
  if (!read) throw new Error(`no read of ${object}`);
  return read;
};

/** The human summary of a dry run of run 0 (the same read as the live run; nothing written). */
async function humanSummary(org: DemoOrg): Promise<CliRun> {
  return cli(
    ['sync', '--config', CONFIG, '--state', org.statePath, '--dry-run', '--now', runAt(0), '--log-level', 'warn'],
    org.env,
  );
}

/** The admin call that adds the dataset and makes the org repeat a row on every next query page. */
async function addBadRecordsOver(org: DemoOrg): Promise<BadDataset> {
  const response = await fetch(`${org.sandbox.url}/__sandbox/bad-records`, {
    method: 'POST',
    headers: { authorization: `Bearer ${org.sandbox.adminToken}` },
  });
  expect(response.status).toBe(200);
  expect(org.sandbox.faults.settings().repeatRowAcrossPages).toBe(true);
  return ((await response.json()) as { dataset: BadDataset }).dataset;
}

const parsed = (records: string[]): SfRecord[] => records.map((r) => JSON.parse(r) as SfRecord);

/** The demo dealership as seeded and synced once: what an org without bad data gets. */
let clean: DemoOrg;
let cleanRun: CliRun & { report: Report };

beforeAll(async () => {
  clean = await startDemoOrg();
  cleanRun = (await syncJson(clean, 0)) as CliRun & { report: Report };
}, 60_000);
afterAll(() => clean.close());

describe('end to end: bad data from the CRM', () => {
  let bad: DemoOrg;
  let dataset: BadDataset;
  let badRun: CliRun & { report: Report };
  let human: CliRun;

  beforeAll(async () => {
    bad = await startDemoOrg();
    dataset = await addBadRecordsOver(bad);
    human = await humanSummary(bad);
    badRun = (await syncJson(bad, 0)) as CliRun & { report: Report };
  }, 60_000);
  afterAll(() => bad.close());

  it('given a dataset of at least ten kinds, a handful of records each, then every kind is there', () => {
    const kinds = Object.entries(dataset.kinds);
    expect(kinds.length).toBeGreaterThanOrEqual(10);
    // The same Id on two pages is the org's paging (a fault), not a record.
    const records = kinds.filter(([kind]) => kind !== 'repeatedAcrossPages');
    expect(records.filter(([, ids]) => ids.length < 3)).toEqual([]);
  });

  it('when both orgs sync, then both runs end ok with exit code 0 and no error', () => {
    for (const run of [cleanRun, badRun, human]) expect([run.code, run.stderr]).toEqual([0, '']);
    expect([cleanRun.report.result, badRun.report.result]).toEqual(['ok', 'ok']);
    expect(badRun.report.errors).toEqual([]);
  });

  it('then the refused kinds are counted bad by kind in the JSON summary, and none in the clean run', () => {
    expect(cleanRun.report.mapping.bad).toEqual({});
    expect(badRun.report.mapping.bad).toEqual({
      ownerMissing: dataset.kinds.ownerNull.length,
      ownerNotUser: dataset.kinds.ownerQueue.length,
      ownerUnknown: dataset.kinds.ownerUnknown.length,
      dateImplausible: dataset.kinds.dateFuture.length + dataset.kinds.datePast.length,
      endBeforeStart: dataset.kinds.eventEndsBeforeStart.length,
    });
    expect(readOf(badRun.report, 'Task').bad).toBe(15);
    expect(readOf(badRun.report, 'Event').bad).toBe(3);
  });

  it('then a row the org sent on two pages is counted once: each later page repeats one, none is read twice', () => {
    for (const object of ['Task', 'Lead', 'OpportunityHistory']) {
      const read = readOf(badRun.report, object);
      expect([object, read.repeated]).toEqual([object, read.pages - 1]);
    }
    expect(readOf(badRun.report, 'Task').repeated).toBeGreaterThan(0);
    // Good records added: the former salesperson's calls, the unknown-typed notes, the e-mails to a deleted lead.
    const tasks = (ids: string[]): number => ids.filter((id) => id.startsWith('00T')).length;
    const added = tasks([
      ...dataset.kinds.ownerInactive,
      ...dataset.kinds.unknownPicklist,
      ...dataset.kinds.whoDeletedLead,
    ]);
    expect(added).toBe(9);
    expect(readOf(badRun.report, 'Task').records).toBe(readOf(cleanRun.report, 'Task').records + added);
  });

  it('then the unknown picklist value, the deleted lead and the relationship to nothing are counted where they belong', () => {
    expect(badRun.report.mapping.unmatchedValues['Task.Type']?.[dataset.unknownType]).toBe(3);
    expect(readOf(badRun.report, 'Lead').deleted).toBe(readOf(cleanRun.report, 'Lead').deleted + 1);
    for (const step of ['needs_analysis', 'demo', 'write_up'])
      expect(badRun.report.mapping.missingUser[step] ?? 0).toBe((cleanRun.report.mapping.missingUser[step] ?? 0) + 1);
  });

  it('then the human summary names each refused kind with its count, and the rows sent twice', () => {
    expect(human.stdout).toContain(
      'Bad records, nothing credited from them: 3 activity owned by a queue (ownerNotUser), ' +
        '3 activity owned by no user of the org (ownerUnknown), 3 activity with no owner (ownerMissing), ' +
        '6 dated out of range (dateImplausible), 3 event ending before it starts (endBeforeStart).',
    );
    expect(human.stdout).toMatch(
      /Task +[\d,]+ records, 0 deleted, \d+ pages, 15 bad \(skipped\), \d+ sent twice \(counted once\)/,
    );
    expect(human.stdout).toMatch(/Event +[\d,]+ records, 0 deleted, \d+ pages, 3 bad \(skipped\)/);
  });

  it('then the org holds exactly the flags, tasks and scorecards the clean org holds', () => {
    const records = productRecords(clean);
    // Not vacuous: the refused calls are about idle leads whose follow-up any of them would have stopped.
    const followedUp = parsed(records).map((r) => String(r.Coaching_Key__c));
    for (const lead of dataset.people.targetLeads)
      expect(followedUp.some((key) => key.startsWith(`v1:stale_lead:${lead}:`))).toBe(true);
    expect(parsed(records).filter((r) => r.Flag_Key__c !== undefined).length).toBeGreaterThan(0);
    expect(productRecords(bad)).toEqual(records);
  });

  it('then nothing is written to or about the former salesperson, and no written text is huge', () => {
    const written = parsed(productRecords(bad));
    const inactive = dataset.people.inactive;
    expect(written.filter((r) => Object.values(r).includes(inactive))).toEqual([]);
    const longest = Math.max(...written.flatMap((r) => Object.values(r).map((v) => String(v).length)));
    expect(longest).toBeLessThan(dataset.hugeLength / 10);
    const subjects = query(bad, 'SELECT Subject FROM Task WHERE Coaching_Key__c != null').map((t) => String(t.Subject));
    expect(subjects.filter((s) => s.length > 255)).toEqual([]);
  });
});

describe('end to end: real-life changes are no bad data', () => {
  let changed: DemoOrg;
  let changes: RealLifeChanges;
  let run: CliRun & { report: Report };

  beforeAll(async () => {
    changed = await startDemoOrg();
    const seeded = changed.sandbox.seeded;
    if (!seeded) throw new Error('the demo org was not seeded');
    changes = addRealLifeChanges(changed.sandbox.org, seeded);
    run = (await syncJson(changed, 0)) as CliRun & { report: Report };
  }, 60_000);
  afterAll(() => changed.close());

  const scorecard = (org: DemoOrg, rep: string): SfRecord => {
    const [card] = query(
      org,
      `SELECT Manager__c, Leads__c, Attempts__c, Contacts__c, Appointments_Set__c, Appointments_Shown__c, Demos__c, Write_Ups__c, Sold__c FROM Coaching_Scorecard__c WHERE Scorecard_Key__c = 'v1:scorecard:${rep}:window'`,
    );
    if (!card) throw new Error(`no window scorecard for ${rep}`);
    const { attributes: _attributes, ...fields } = card;
    return fields;
  };

  it('given a salesperson moved to another manager last week, when synced, then nothing is bad, their activity stays theirs and the new manager gets their coaching', () => {
    expect([run.code, run.report.result, run.report.mapping.bad]).toEqual([0, 'ok', {}]);
    const { rep, from, to } = changes.moved;
    expect(scorecard(changed, rep)).toEqual({ ...scorecard(clean, rep), Manager__c: to });
    expect(scorecard(clean, rep).Manager__c).toBe(from);
    const agendas = query(changed, `SELECT OwnerId FROM Task WHERE Coaching_Key__c LIKE 'v1:agenda:${rep}:%'`);
    expect(agendas.map((a) => a.OwnerId)).toEqual([to]);
    const flags = query(changed, `SELECT Manager__c FROM Coaching_Flag__c WHERE Salesperson__c = '${rep}'`);
    expect(flags.filter((f) => f.Manager__c !== to)).toEqual([]);
  });

  it('given an opportunity handed to a colleague mid-funnel, when synced, then its stages are credited to the new owner, none lost', () => {
    const { from, to } = changes.reassigned;
    const stages = ['Demos__c', 'Write_Ups__c', 'Sold__c'] as const;
    const delta = (rep: string): number[] =>
      stages.map((field) => Number(scorecard(changed, rep)[field]) - Number(scorecard(clean, rep)[field]));
    const gained = delta(to);
    expect(gained.some((n) => n > 0)).toBe(true);
    expect(delta(from)).toEqual(gained.map((n) => (n === 0 ? 0 : -n)));
  });
});
