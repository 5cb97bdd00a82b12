/**
 * `analyze` on a state file built record by record: salespeople whose outbound calls vary week to
 * week and whose sales follow their calls the next week, and whose contacts vary as noise. The
 * command reads the file as a sync left it and must find the calls, not the contacts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
