/**
 * `analyze` on a state file built record by record: salespeople whose outbound calls vary week to
 * week and whose sales follow their calls the next week, and whose contacts vary as noise. The
 * command reads the file as a sync left it and must find the calls, not the contacts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { runCli } from '../../src/cli/program';
import type { StepEvent } from '../../src/core/model';
import { seededRandom } from '../../src/core/seeded-random';
import { openStateStore } from '../../src/state/state-store';
import type { StoredRecord } from '../../src/sync/ports';
import { sfDatetime } from '../state/builders';
import { capture } from './capture';

const DAY = 86_400_000;
/** Monday 2026-06-01, 15:00 UTC: 10:00 in Chicago, the store's zone, when it is open. */
const FIRST_MONDAY = Date.UTC(2026, 5, 1, 15, 0, 0);
const repId = (i: number): string => `005000000000REP${String(i).padStart(3, '0')}`;

interface StoreShape {
  people: number;
  weeks: number;
}

/** Per rep and week: calls a working day from 2–8, contacts 1–6 (noise); sales next week ≈ 0.6 × calls a day. */
function storeRecords(shape: StoreShape): { users: StoredRecord[]; tasks: StoredRecord[]; sales: StoredRecord[] } {
  const random = seededRandom(7);
  const draw = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));
  const users: StoredRecord[] = [];
  const tasks: StoredRecord[] = [];
  const sales: StoredRecord[] = [];
  for (let p = 0; p < shape.people; p++) {
    const user = repId(p);
    const record = {
      Id: user,
      Name: `Rep ${p}`,
      IsActive: true,
      Title: 'Sales Consultant',
      ManagerId: null,
      Department: 'North',
    };
    users.push({ id: user, systemModstamp: sfDatetime(FIRST_MONDAY), events: [], facts: [{ kind: 'user', record }] });
    let callsLastWeek = 0;
    for (let w = 0; w < shape.weeks; w++) {
      const callsPerDay = draw(2, 8);
      const contactsPerDay = draw(1, 6);
      const events: StepEvent[] = [];
      const id = `00T${user.slice(-6)}W${w}`;
      for (let d = 0; d < 6; d++) {
        const day = FIRST_MONDAY + (w * 7 + d) * DAY;
        // Ten minutes apart: no burst for the integrity measure to set aside.
        for (let k = 0; k < callsPerDay; k++)
          events.push({ step: 'attempt', user, subject: `00Q${id}${d}${k}`, at: day + k * 600_000, recordId: id });
        for (let k = 0; k < contactsPerDay; k++)
          events.push({
            step: 'contact',
            user,
            subject: `00Q${id}${d}${k}`,
            at: day + k * 600_000 + 300_000,
            recordId: id,
          });
      }
      tasks.push({ id, systemModstamp: sfDatetime(FIRST_MONDAY + w * 7 * DAY), events, facts: [] });
      const sold = Math.floor(0.6 * callsLastWeek + random());
      const saleId = `006${user.slice(-6)}W${w}`;
      const saleEvents = Array.from({ length: sold }, (_, k) => ({
        step: 'sold',
        user,
        subject: `${saleId}${k}`,
        at: FIRST_MONDAY + (w * 7 + 2) * DAY + k * 3_600_000,
        recordId: saleId,
      }));
      sales.push({ id: saleId, systemModstamp: sfDatetime(FIRST_MONDAY), events: saleEvents, facts: [] });
      callsLastWeek = callsPerDay;
    }
  }
  return { users, tasks, sales };
}

/** A state file as a sync leaves it: the records, and one finished run. */
function givenAStateFile(dir: string, shape: StoreShape): string {
  const path = join(dir, `state-${shape.people}x${shape.weeks}.db`);
  const state = openStateStore(path);
  const { users, tasks, sales } = storeRecords(shape);
  state.applyPage('User', users, [], null);
  state.applyPage('Task', tasks, [], null);
  state.applyPage('OpportunityHistory', sales, [], null);
  state.startRun('run-1');
  state.finishRun('run-1', { result: 'ok' });
  state.close();
  return path;
}

interface AnalyzeJson {
  enoughData: boolean;
  panel: { people: number };
  measures: Array<{ id: string; verdict: string; worthPerMonth: number | null }>;
  outOfSample: { measure: string | null; modelError: number; baselineError: number } | null;
}

let dir: string;
/** Sales follow calls: 10 salespeople over 20 weeks. */
let driven: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coach-analyze-'));
  driven = givenAStateFile(dir, { people: 10, weeks: 20 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function analyze(state: string, ...extra: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const ctx = capture();
  const args = ['analyze', '--config', 'config/dealership.yaml', '--state', state, '--now', '2026-12-01T18:00:00Z'];
  const code = await runCli([...args, ...extra], ctx);
  return { code, stdout: ctx.stdout(), stderr: ctx.stderr() };
}

describe('analyze on a built state', () => {
  it('given 10 salespeople over 20 weeks whose sales follow their calls, when analyze --json runs, then calls are ranked first as predictive and the noisy contacts are not', async () => {
    const run = await analyze(driven, '--json');

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    const json = JSON.parse(run.stdout) as AnalyzeJson;
    expect(json.enoughData).toBe(true);
    expect(json.panel.people).toBe(10);
    expect(json.measures[0]).toMatchObject({ id: 'attempt', verdict: 'predictive here' });
    expect(json.measures[0]?.worthPerMonth).toBeGreaterThan(0);
    expect(json.measures.find((m) => m.id === 'contact')?.verdict).toBe('not predictive here');
    expect(json.outOfSample?.measure).toBe('attempt');
    expect(json.outOfSample!.modelError).toBeLessThan(json.outOfSample!.baselineError);
  });

  it('given the same store as text, then the calls row leads the table and the out-of-sample line names them', async () => {
    const run = await analyze(driven);

    expect(run.code).toBe(0);
    const rows = run.stdout.split('\n').filter((line) => /^ {2}\S/.test(line));
    expect(rows[0]).toMatch(/^ {2}measure +verdict/);
    expect(rows[1]).toMatch(
      /^ {2}Outbound calls \/ day +predictive here +\+\d+\.\d\d \(\+\d+\.\d\d … \+\d+\.\d\d\) +10 +\d+$/,
    );
    expect(run.stdout).toMatch(/\nOut of sample: .*: error \d\.\d\d units a week with Outbound calls against \d\.\d\d/);
  });

  it('given 4 salespeople over 12 weeks, when analyze runs, then it says not enough data and what it needs, and exits 0', async () => {
    const run = await analyze(givenAStateFile(dir, { people: 4, weeks: 12 }));

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '12 weeks of history for 4 people: not enough data; it needs 6 people with 4 weeks each and 48 person-weeks in all',
    );
    const verdicts = run.stdout.split('\n').filter((line) => / {2}(not )?predictive here /.test(line));
    expect(verdicts).toEqual([]);
  });
});

/**
 * The reference config changed for the built store. Either the store's driver, outbound calls, is
 * measured with a target far below what its strong performers make (`low target`), or no measure
 * counts it (`missing driver`); both measure a volume of contacts, which is noise here. Or it
 * only leaves out the contact rate, which this store's weeks make look worthless (`reached`).
 */
function givenAConfig(dir: string, change: 'low target' | 'missing driver' | 'reached'): string {
  const document = parseDocument(readFileSync('config/dealership.yaml', 'utf8'));
  const measures = document.get('measures') as YAMLSeq<YAMLMap>;
  const without = (id: string): void => void (measures.items = measures.items.filter((m) => m.get('id') !== id));
  if (change === 'reached') without('contact_rate');
  if (change === 'missing driver') without('outbound_calls');
  if (change === 'low target') measures.items.find((m) => m.get('id') === 'outbound_calls')?.set('perDay', 2);
  if (change !== 'reached')
    measures.add(document.createNode({ id: 'contacts', kind: 'volume', step: 'contact', perDay: 3.5 }));
  const path = join(dir, `${change.replace(' ', '-')}.yaml`);
  writeFileSync(path, document.toString());
  return path;
}

async function analyzeWith(
  config: string,
  ...extra: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const ctx = capture();
  const args = ['analyze', '--config', config, '--state', driven, '--now', '2026-12-01T18:00:00Z'];
  const code = await runCli([...args, ...extra], ctx);
  return { code, stdout: ctx.stdout(), stderr: ctx.stderr() };
}

interface TargetsJson {
  targets: {
    outcomePerMonth: number;
    measures: Array<{
      id: string;
      configured: number | 'goal';
      people: number;
      p75: number | null;
      weight: number | null;
      level: number | null;
      gap: number | null;
      suggestion: string;
      suggested: number | null;
    }>;
    additions: Array<{ step: string; people: number; perDay: number }>;
  };
}

describe('targets calibrated on the built state', () => {
  it('given a config whose target for the driver is far below the store, when analyze --suggest-config runs, then it prints a YAML patch raising it, drops as comments, and leaves the config byte for byte', async () => {
    const config = givenAConfig(dir, 'low target');
    const before = readFileSync(config);

    const run = await analyzeWith(config, '--suggest-config');

    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect(readFileSync(config).equals(before)).toBe(true);
    const patch = parse(run.stdout) as { measures: Array<Record<string, unknown>> };
    expect(patch.measures).toEqual([{ id: 'outbound_calls', perDay: expect.any(Number) }]);
    // Calls are drawn from 2–8 a working day each week: the strong performers' 5.4, shrunk toward 2 by 6/16.
    expect(patch.measures[0]!.perDay).toBeGreaterThan(3.5);
    expect(patch.measures[0]!.perDay).toBeLessThan(5);
    expect(run.stdout).toMatch(
      /# Outbound calls \/ working day: raise perDay 2 → \d\.\d\. The store's strong performers reach \d\.\d\d/,
    );
    // Contacts are noise here, and the contact rate (contacts over calls) falls in the weeks calls rise.
    expect(run.stdout).toMatch(/# Contacts \(contacts\): consider dropping\./);
    expect(run.stdout).toMatch(/# Contact rate \(contact_rate\): consider dropping\./);
  });

  it('given a config that misses the driver, when analyze --suggest-config runs, then the addition is a commented measure the config accepts once uncommented', async () => {
    const run = await analyzeWith(givenAConfig(dir, 'missing driver'), '--suggest-config');

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      / {2}# - id: attempt_volume\n {2}# {3}kind: volume\n {2}# {3}step: attempt\n {2}# {3}perDay: \d\.\d\n/,
    );
    expect(parse(run.stdout.replace(/^ {2}# (-| {2})/gm, '  $1'))).toEqual({
      measures: [{ id: 'attempt_volume', kind: 'volume', step: 'attempt', perDay: expect.any(Number) }],
    });
  });

  it('given the same, when analyze --json runs, then targets holds the calls to add, at the strong performers’ level', async () => {
    const run = await analyzeWith(givenAConfig(dir, 'missing driver'), '--json');

    expect(run.code).toBe(0);
    const { targets } = JSON.parse(run.stdout) as TargetsJson;
    expect(targets.measures.find((m) => m.id === 'contacts')?.suggestion).toBe('consider dropping');
    expect(targets.measures.find((m) => m.id === 'show_rate')).toMatchObject({ people: 0, level: null });
    expect(targets.additions).toMatchObject([{ step: 'attempt', people: 10 }]);
    expect(targets.additions[0]!.perDay).toBeGreaterThan(5);
    expect(targets.additions[0]!.perDay).toBeLessThan(6);
  });

  it('given the low target as JSON, then the calls’ level is their p75 shrunk toward 2 by n/(n+6)', async () => {
    const run = await analyzeWith(givenAConfig(dir, 'low target'), '--json');

    const { targets } = JSON.parse(run.stdout) as TargetsJson;
    const calls = targets.measures.find((m) => m.id === 'outbound_calls')!;
    expect(calls).toMatchObject({ configured: 2, people: 10, weight: 10 / 16, suggestion: 'raise' });
    expect(calls.level).toBeCloseTo((10 / 16) * calls.p75! + (6 / 16) * 2, 10);
    expect(calls.suggested).toBe(Number(calls.level!.toFixed(1)));
  });

  it('given both configs as text, then the Targets section shows the configured target beside the strong performers’ level and the gap, and the driver no measure counts', async () => {
    const low = await analyzeWith(givenAConfig(dir, 'low target'));
    const missing = await analyzeWith(givenAConfig(dir, 'missing driver'));

    expect(low.stdout).toContain("\nTargets: what the store's strong performers reach");
    expect(low.stdout).toMatch(
      /\n {2}Outbound calls \/ working day +2\.00 +\d\.\d\d \(\d\.\d\d\) +\+\d\.\d\d +10 +raise to \d\.\d\n/,
    );
    expect(low.stdout).toMatch(
      /\n {2}Contacts \/ working day +3\.50 +\d\.\d\d \(\d\.\d\d\) +[+−]\d\.\d\d +10 +consider dropping\n/,
    );
    expect(missing.stdout).toMatch(
      /\n {2}Not measured, predictive here: Outbound call \/ working day; strong performers make \d\.\d\d/,
    );
  });

  it('given a config without the contact rate, whose other targets are the goal plan’s or lack data here, when --suggest-config runs, then it says plainly there is nothing to suggest', async () => {
    const run = await analyzeWith(givenAConfig(dir, 'reached'), '--suggest-config');

    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\n# /g, ' ')).toMatch(
      /^# Suggested changes to \S+reached\.yaml .* Nothing to suggest: 1 set by the goal plan; 6 measures have not enough data; /,
    );
    expect(run.stdout.split('\n').every((line) => line === '' || line.startsWith('# '))).toBe(true);
    expect(parse(run.stdout)).toBeNull();
  });

  it('given --suggest-config with --json, when analyze runs, then it exits 2 naming the two options and prints nothing', async () => {
    const run = await analyze(driven, '--suggest-config', '--json');

    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--suggest-config.*cannot be used with.*--json/);
  });
});
