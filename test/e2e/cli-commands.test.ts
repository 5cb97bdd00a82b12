/**
 * The read-only commands against a synced state and the live sandbox org: `report`, `plan`,
 * `preview`, `sync --dry-run` and `validate --org`. Light checks: each runs, exits as
 * documented, and shows the weaknesses the demo dealership was seeded with.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStateStore } from '../../src/state/state-store';
import { storedRecordCount } from '../state/stored';
import { localDate, plantedRep, productContent, syncInStep } from './coaching-org';
import { cli, CONFIG, type DemoOrg, query, runAt, startDemoOrg, type SyncJson } from './support';

interface ReportJson {
  reps: Array<{ repId: string; name: string; flags: Array<{ measure: string; diagnosis: string }> }>;
  flags: { open: number };
}

interface PlanJson {
  repId: string;
  steps: Array<{ step: string; onTrack: boolean | null }>;
}

/** Funnel columns of `preview` (config/dealership.yaml goals.funnel), in order. */
const FUNNEL = ['attempt', 'contact', 'appointment_set', 'appointment_shown', 'demo', 'write_up', 'sold'] as const;

/** A rep's row of the funnel table `preview` prints, by step. */
function funnelRow(output: string, name: string): Record<(typeof FUNNEL)[number], number> {
  const line = output.split('\n').find((l) => l.trimStart().startsWith(`${name} `)) ?? '';
  const counts = line
    .replace(name, '')
    .trim()
    .split(/\s+/)
    .map((v) => Number(v.replace(/,/g, '')));
  expect(counts).toHaveLength(FUNNEL.length);
  return Object.fromEntries(FUNNEL.map((step, i) => [step, counts[i] ?? Number.NaN])) as Record<
    (typeof FUNNEL)[number],
    number
  >;
}

/** What the state file holds, coarsely: runs recorded, records stored, each object's checkpoint. */
function stateFingerprint(org: DemoOrg, objects: readonly string[]): unknown {
  const state = openStateStore(org.statePath);
  try {
    return {
      runs: state.listRuns(1000).length,
      records: storedRecordCount(state),
      checkpoints: objects.map((object) => state.getCheckpoint(object)),
    };
  } finally {
    state.close();
  }
}

/** The reference config with each edit made, written to the org's scratch directory; every edit must change it. */
function configCopy(org: DemoOrg, name: string, ...edits: Array<[string | RegExp, string]>): string {
  let text = readFileSync(CONFIG, 'utf8');
  for (const [from, to] of edits) {
    const edited = text.replace(from, to);
    expect(edited).not.toBe(text);
    text = edited;
  }
  const copy = path.join(org.dir, name);
  writeFileSync(copy, text);
  return copy;
}

describe('end to end: report, plan, preview, dry run and validate against the sandbox', () => {
  let org: DemoOrg;
  let first: SyncJson;
  const stateArgs = (n: number): string[] => ['--config', CONFIG, '--state', org.statePath, '--now', runAt(n)];

  beforeAll(async () => {
    org = await startDemoOrg();
    first = (await syncInStep(org, 0)).report;
    // The report tallies flags as the state last read them: the second, quiet sync reads back the first one's.
    expect((await syncInStep(org, 1)).report.plan.creates).toEqual([]);
  });
  afterAll(() => org.close());

  it('given a synced state, when `report --json` runs, then each rep’s flags are the sync’s findings and the tally counts the org’s open flags', async () => {
    const run = await cli(['report', '--json', ...stateArgs(1)], org.env);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as ReportJson;
    const fromReport = report.reps.flatMap((r) => r.flags.map((f) => `${r.repId} ${f.diagnosis} ${f.measure}`)).sort();
    expect(fromReport).toEqual(first.findings.map((f) => `${f.repId} ${f.diagnosis} ${f.measure}`).sort());
    expect(report.flags.open).toBe(query(org, "SELECT Id FROM Coaching_Flag__c WHERE Status__c = 'New'").length);
  });

  it('given two syncs, when `history` runs, then it lists them newest first with what each read per object and wrote, as the syncs said', async () => {
    const json = await cli(['history', '--json', '--config', CONFIG, '--state', org.statePath], org.env);
    expect(json.code).toBe(0);
    const runs = JSON.parse(json.stdout) as Array<{
      result: string;
      reads: Array<{ object: string; records: number; deleted: number }>;
      writes: { created: number };
      recordsRead: number;
    }>;
    expect(runs.map((run) => run.result)).toEqual(['ok', 'ok']);
    const oldest = runs[1];
    expect(oldest?.reads).toEqual(first.reads.map(({ object, records, deleted }) => ({ object, records, deleted })));
    expect(oldest?.writes.created).toBe(first.writes?.created);
    expect(oldest?.recordsRead).toBe(first.reads.reduce((sum, r) => sum + r.records + r.deleted, 0));

    const text = await cli(['history', '--limit', '1', '--config', CONFIG, '--state', org.statePath], org.env);
    expect(text.stdout).toMatch(/^Last 1 run, newest first \(times in America\/Chicago\):\n {2}started +result/);
    expect(text.stdout.trim().split('\n')).toHaveLength(3);
    expect(text.stdout).toMatch(/Task \d+/);
  });

  it('given a synced state, when `report` runs as text, then the rep who rarely sets appointments reads as a Skill flag on appointment setting', async () => {
    const run = await cli(['report', ...stateArgs(1)], org.env);
    expect(run.code).toBe(0);
    const rep = plantedRep(org, 'rarely_sets');
    const section = run.stdout.split('\n\n').find((block) => block.startsWith(rep.name)) ?? '';
    expect(section).toMatch(/\[Skill, \w+, focus\] Appointment set rate/);
  });

  it('given a synced state, when `plan` runs, then every salesperson has a plan and the low-activity rep is behind on sales while the strong ones are not', async () => {
    const text = await cli(['plan', ...stateArgs(1)], org.env);
    expect(text.code).toBe(0);
    const salespeople = query(org, "SELECT Name FROM User WHERE Title = 'Sales Consultant' AND IsActive = true").map(
      (u) => String(u.Name),
    );
    for (const name of salespeople) expect(text.stdout).toContain(`${name}:`);

    const run = await cli(['plan', '--json', ...stateArgs(1)], org.env);
    const plans = JSON.parse(run.stdout) as PlanJson[];
    const onTrackSelling = (repId: string): boolean | null | undefined =>
      plans.find((p) => p.repId === repId)?.steps.find((s) => s.step === 'sold')?.onTrack;
    expect(onTrackSelling(plantedRep(org, 'low_activity').userId)).toBe(false);
    for (const rep of (org.sandbox.seeded?.profiles ?? []).filter((p) => p.profile === 'strong'))
      expect(onTrackSelling(rep.userId)).toBe(true);
  });

  it('given the org, when `preview` runs, then the funnel shows the planted leaks and the values no step uses', async () => {
    const run = await cli(['preview', '--config', CONFIG, '--now', runAt(1), '--log-level', 'warn'], org.env);
    expect(run.code).toBe(0);
    const skipsDemo = funnelRow(run.stdout, plantedRep(org, 'skips_demo').name);
    expect(skipsDemo.demo).toBeLessThan(skipsDemo.write_up / 2);
    const rarelySets = funnelRow(run.stdout, plantedRep(org, 'rarely_sets').name);
    expect(rarelySets.appointment_set).toBeLessThan(rarelySets.contact / 4);
    const noShows = funnelRow(run.stdout, plantedRep(org, 'no_shows').name);
    expect(noShows.appointment_shown).toBeLessThan(noShows.appointment_set / 2);
    expect(run.stdout).toMatch(/Appointment_Status__c: .*"Cancelled"/);
    expect(run.stdout).not.toMatch(/Appointment_Status__c: .*"No Show"/);
    expect(run.stdout).toMatch(/^ {2}no_show +Event +[1-9][\d,]* /m);
  });

  it('given a change in the org, when `sync --dry-run` runs, then it plans the writes but changes neither the org nor the state', async () => {
    const slow = plantedRep(org, 'slow_responder');
    for (const task of query(
      org,
      `SELECT Id FROM Task WHERE OwnerId = '${slow.userId}' AND Type = 'Follow-Up' AND IsClosed = false AND Coaching_Key__c = null`,
    )) {
      org.sandbox.org.writer.update('Task', String(task.Id), { Status: 'Completed' }, slow.userId);
    }
    const held = productContent(org);
    const objects = first.reads.map((r) => r.object);
    const stored = stateFingerprint(org, objects);
    const dry = await cli(['sync', '--dry-run', '--json', '--log-level', 'warn', ...stateArgs(2)], org.env);
    expect(dry.code).toBe(0);
    const planned = (JSON.parse(dry.stdout) as SyncJson).plan;
    expect(planned.updates.map((u) => u.key)).toContain(`v1:overdue_follow_ups:${slow.userId}:${localDate(runAt(0))}`);
    expect(productContent(org)).toEqual(held);
    expect(stateFingerprint(org, objects)).toEqual(stored);

    // Had the dry run moved a checkpoint or the ledger, the live run would plan something else.
    const live = await syncInStep(org, 2);
    expect(live.report.plan).toEqual(planned);
  });

  it('given the reference config, when `validate --org` checks it against the sandbox, then it exits 0', async () => {
    const run = await cli(['validate', '--org', '--config', CONFIG, '--log-level', 'warn'], org.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('is valid');
    expect(run.stdout).toMatch(
      new RegExp(
        `^Checked against the org at ${org.sandbox.url} as integration\\.user@[\\w.-]+ \\(login: clientCredentials\\):$`,
        'm',
      ),
    );
    expect(run.stdout).toMatch(/^ {2}Task +\d+ fields, \d+ picklist values$/m);
    expect(run.stdout).toMatch(/^ {2}Coaching_Flag__c +\d+ fields, /m);
  });

  it('given a copy with a misspelled field, when `validate --org` checks it, then it exits 2 naming the field and where it is', async () => {
    const copy = configCopy(org, 'misspelled.yaml', ['timeField: CompletedDateTime', 'timeField: CompletedDateTme']);
    const run = await cli(['validate', '--org', '--config', copy, '--log-level', 'warn'], org.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/steps\[1\]\.timeField: Task\.CompletedDateTme does not exist/);
    expect(run.stderr).toContain('did you mean "CompletedDateTime"?');
  });

  it('given a copy with a misspelled flag object, when `validate --org` checks it, then one error, at writeBack.flagObject, with a did-you-mean', async () => {
    const copy = configCopy(org, 'object.yaml', ['flagObject: Coaching_Flag__c', 'flagObject: Coaching_Flags__c']);
    const run = await cli(['validate', '--org', '--config', copy, '--log-level', 'warn'], org.env);
    expect(run.code).toBe(2);
    expect(run.stderr.match(/Coaching_Flags__c does not exist/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/writeBack\.flagObject: Coaching_Flags__c does not exist/);
    expect(run.stderr).toContain('did you mean "Coaching_Flag__c"?');
  });

  it('given a copy whose scorecard maps a step to a field the org lacks and misspells the object, when `validate --org` checks it, then exit 2 at each path, with a did-you-mean', async () => {
    const copy = configCopy(
      org,
      'scorecard.yaml',
      ['object: Coaching_Scorecard__c', 'object: Coaching_Scorecards__c'],
      [/(\n {2}effectiveness:[^\n]*\n\s+enabled: )true/, '$1false'],
    );
    const run = await cli(['validate', '--org', '--config', copy, '--log-level', 'warn'], org.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/writeBack\.scorecard\.object: Coaching_Scorecards__c does not exist/);
    expect(run.stderr).toContain('did you mean "Coaching_Scorecard__c"?');
    expect(run.stderr).not.toMatch(/Coaching_Effectiveness__c/);

    const field = configCopy(org, 'step-field.yaml', ['sold: Sold__c', 'sold: Units_Sold__c']);
    const fieldRun = await cli(['validate', '--org', '--config', field, '--log-level', 'warn'], org.env);
    expect(fieldRun.code).toBe(2);
    expect(fieldRun.stderr).toMatch(
      /writeBack\.scorecard\.stepFields\.sold: Coaching_Scorecard__c\.Units_Sold__c does not exist/,
    );
  });

  it('given a copy with scorecards and effectiveness turned off, when `validate --org` checks it, then it passes without checking either object', async () => {
    const copy = configCopy(
      org,
      'no-records.yaml',
      [/(\n {2}scorecard:[^\n]*\n\s+enabled: )true/, '$1false'],
      [/(\n {2}effectiveness:[^\n]*\n\s+enabled: )true/, '$1false'],
    );
    const run = await cli(['validate', '--org', '--config', copy, '--log-level', 'warn'], org.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ {2}Coaching_Flag__c +\d+ fields, /m);
    expect(run.stdout).not.toMatch(/Coaching_Scorecard__c|Coaching_Effectiveness__c/);
  });

  it('given a copy with a misspelled picklist value and one the org lacks, when `validate --org` checks it, then a did-you-mean and the org’s values', async () => {
    const copy = configCopy(
      org,
      'picklists.yaml',
      [
        'match: { Type: Call, CallType: Outbound, Status: Completed }',
        'match: { Type: Call, CallType: Outbound, Status: Complete }',
      ],
      ['match: { Type: Appointment }', 'match: { Type: Visit }'],
    );
    const run = await cli(['validate', '--org', '--config', copy, '--log-level', 'warn'], org.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/picklist value 'Complete' is not a value of Task\.Status.* did you mean "Completed"\?/);
    expect(run.stderr).toMatch(/picklist value 'Visit' is not a value of Event\.Type.* the org's values: "[^"]+"/);
  });

  it('given a copy whose stale-lead measure misspells a closed Lead Status, when `validate --org` checks it, then exit 2 at closedStatuses with a did-you-mean', async () => {
    const copy = configCopy(org, 'closed-status.yaml', [
      'closedStatuses: [Closed - Converted, Closed - Not Converted]',
      'closedStatuses: [Closed - Converted, Closed - Not Convertd]',
    ]);
    const run = await cli(['validate', '--org', '--config', copy, '--log-level', 'warn'], org.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /measures\[\d+\]\.closedStatuses.*'Closed - Not Convertd' is not a value of Lead\.Status.* did you mean "Closed - Not Converted"\?/,
    );
    expect(run.stderr).not.toMatch(/'Closed - Converted' is not a value/);
  });

  it('given a copy whose call step names a Task Type the org does not use, when it syncs, then it exits 2 naming the step and the org’s values, and writes nothing', async () => {
    const copy = configCopy(org, 'unused-type.yaml', [
      'match: { Type: Call, CallType: Outbound, Status: Completed }',
      'match: { Type: Outbound Call, CallType: Outbound, Status: Completed }',
    ]);
    const flagsBefore = query(org, 'SELECT Id, SystemModstamp FROM Coaching_Flag__c');
    const state = path.join(org.dir, 'unused-type.db');
    const run = await cli(['sync', '--live', '--config', copy, '--state', state, '--now', runAt(1)], org.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/steps\[1\]\.match\.Type: picklist value 'Outbound Call' is not a value of Task\.Type/);
    expect(run.stderr).toMatch(/the org's values: "[^"]+"/);
    expect(run.stderr).toContain(`check again with \`execution-coach validate --config ${copy} --org\``);
    expect(query(org, 'SELECT Id, SystemModstamp FROM Coaching_Flag__c')).toEqual(flagsBefore);
  });

  it('given a copy whose written Task types the org lacks, when it syncs live, then it exits 2 naming both and writes nothing', async () => {
    const copy = configCopy(
      org,
      'written-type.yaml',
      [/followUpTaskType: Follow-Up\b/, 'followUpTaskType: Follow Up'],
      [/agendaTaskType: Coaching\b/, 'agendaTaskType: One-on-one'],
    );
    const written = (): unknown => query(org, 'SELECT Id, SystemModstamp FROM Task WHERE Coaching_Key__c != null');
    const before = written();
    const state = path.join(org.dir, 'written-type.db');
    const run = await cli(['sync', '--live', '--config', copy, '--state', state, '--now', runAt(1)], org.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/writeBack\.followUpTaskType: picklist value 'Follow Up' is not a value of Task\.Type/);
    expect(run.stderr).toContain('did you mean "Follow-Up"? Or add "Follow Up" in Setup');
    expect(run.stderr).toMatch(/writeBack\.agendaTaskType: picklist value 'One-on-one' is not a value of Task\.Type/);
    expect(run.stderr).toMatch(
      /the org's values: "Call", [^\n]*Set it to one of these, or add "One-on-one" in Setup: Object Manager → Task/,
    );
    expect(written()).toEqual(before);
  });

  it('given a config that fits the org, when two syncs run on one day, then only the first describes the org', async () => {
    const state = path.join(org.dir, 'describe-once.db');
    const args = ['sync', '--config', CONFIG, '--state', state];
    const describes = (): number => org.sandbox.usage.counters().byKind['describe'] ?? 0;
    const before = describes();
    expect((await cli([...args, '--now', runAt(1)], org.env)).code).toBe(0);
    const first = describes() - before;
    expect((await cli([...args, '--now', runAt(1)], org.env)).code).toBe(0);
    expect(first).toBeGreaterThan(0);
    expect(describes() - before).toBe(first);
  });

  it('given a copy whose contact step names a disposition nobody logs, when it syncs, then sync and preview warn, and it flags nobody on it', async () => {
    const copy = configCopy(org, 'silent-step.yaml', [
      'match: { Type: Call, CallDisposition: Contacted }',
      'match: { Type: Call, CallDisposition: Reached }',
    ]);
    const state = path.join(org.dir, 'silent-step.db');
    const run = await cli(['sync', '--config', copy, '--state', state, '--now', runAt(1)], org.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Warning: step contact matched no record in the window while attempt had [\d,]+ events/);
    expect(run.stdout).toMatch(/Not judged: [a-z_, ]*contact_rate[a-z_, ]*appointment_set_rate/);
    expect(run.stdout).not.toMatch(/create Coaching_Flag__c v1:(contact_rate|appointment_set_rate):/);
    const preview = await cli(['preview', '--config', copy, '--now', runAt(1)], org.env);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/Warning: step contact matched no record .*Map it to a value the org logs/);
    expect(preview.stdout).toMatch(/Task\.CallDisposition: .*"Contacted" [\d,]+/);
  });
});
