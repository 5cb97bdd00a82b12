/**
 * A small story for runCycle tests: one manager, one salesperson with seven untouched leads,
 * an in-memory org, and a run helper with the reference model.
 */
import path from 'node:path';
import type { CoachModel, SfRecord } from '../../src/core/model';
import { loadConfig, toCoachModel } from '../../src/config';
import { type Logger, Redactor, silentLogger } from '../../src/lib/logger';
import { openStateStore, type StateStore } from '../../src/state/state-store';
import type { Timers } from '../../src/sync/lock-heartbeat';
import type { CrmWriter } from '../../src/sync/ports';
import { type RunReport, runCycle } from '../../src/sync/run-cycle';
import { FakeOrg, sfTime } from './fake-org';

const ROOT = path.resolve(__dirname, '../..');
const config = loadConfig(path.join(ROOT, 'config/dealership.yaml'));
export const MODEL: CoachModel = toCoachModel(config);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** Friday 2026-11-20, 12:00 in Chicago. */
export const NOW = Date.UTC(2026, 10, 20, 18, 0, 0);

export const MANAGER = '005000000000000MGR';
export const REP = '005000000000000REP';

export class Clock {
  constructor(public at: number) {}
  now(): number {
    return this.at;
  }
}

/** An org with one salesperson whose seven new leads have been left alone for ten days. */
export function givenAnOrgWithStaleLeads(clock: Clock): { org: FakeOrg; leads: string[] } {
  const org = new FakeOrg(clock);
  const created = NOW - 10 * DAY;
  org.insert(
    'User',
    {
      Id: MANAGER,
      Name: 'Morgan Manager',
      IsActive: true,
      Title: 'Sales Manager',
      ManagerId: null,
      Department: 'North',
    },
    created,
  );
  org.insert(
    'User',
    { Id: REP, Name: 'Riley Rep', IsActive: true, Title: 'Sales Consultant', ManagerId: MANAGER, Department: 'North' },
    created,
  );
  const leads = Array.from({ length: 7 }, (_, i) =>
    org.insert(
      'Lead',
      {
        Name: `Dana Reyes ${i}`,
        OwnerId: REP,
        Status: 'Open - Not Contacted',
        CreatedDate: sfTime(created + i * 60_000),
      },
      created + i * 60_000,
    ),
  );
  return { org, leads };
}

export function run(
  org: FakeOrg,
  state: StateStore,
  clock: Clock,
  runId: string,
  holder: string | null = `test:${runId}`,
  options: {
    model?: CoachModel;
    writer?: CrmWriter;
    logger?: Logger;
    stop?: AbortSignal;
    redactor?: Redactor;
    timers?: Timers;
    wallClock?: { now(): number };
    lockWaitMs?: number;
  } = {},
): Promise<RunReport> {
  return runCycle(
    {
      reader: org,
      writer: options.writer ?? org,
      state,
      clock,
      logger: options.logger ?? silentLogger,
      redactor: options.redactor ?? new Redactor([]),
      preflight: () => Promise.resolve(),
      checkBudget: () => undefined,
      apiCalls: () => org.totalCalls,
      ...(options.stop ? { stop: options.stop } : {}),
      ...(options.timers ? { timers: options.timers } : {}),
      ...(options.wallClock ? { wallClock: options.wallClock } : {}),
    },
    {
      runId,
      model: options.model ?? MODEL,
      sync: { lookbackSeconds: 600, backfillDays: 90, bulkThreshold: 100_000, pageSize: 200 },
      lockHolder: holder,
      ...(options.lockWaitMs === undefined ? {} : { lockWaitMs: options.lockWaitMs }),
    },
  );
}

export const flags = (org: FakeOrg): SfRecord[] => org.records('Coaching_Flag__c');
export const ownTasks = (org: FakeOrg): SfRecord[] =>
  org.records('Task').filter((t) => typeof t.Coaching_Key__c === 'string');
export const scorecards = (org: FakeOrg): SfRecord[] => org.records('Coaching_Scorecard__c');
export const effectiveness = (org: FakeOrg): SfRecord[] => org.records('Coaching_Effectiveness__c');

/** What one uninterrupted run leaves in the org with stale leads: what a resumed story must end up equal to. */
export async function uninterruptedView(): Promise<string[]> {
  const clock = new Clock(NOW);
  const { org } = givenAnOrgWithStaleLeads(clock);
  await run(org, openStateStore(':memory:'), clock, 'ref');
  return productView(org);
}

/** What the org holds of the product's records, without ids or stamps: equal orgs, equal views. */
export function productView(org: FakeOrg): string[] {
  const strip = ({ Id: _id, SystemModstamp: _s, LastModifiedDate: _l, IsDeleted: _d, ...rest }: SfRecord): string =>
    JSON.stringify(rest, Object.keys(rest).sort());
  return [...flags(org), ...ownTasks(org), ...scorecards(org), ...effectiveness(org)].map(strip).sort();
}
