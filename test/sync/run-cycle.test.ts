import { ExitCode } from '../../src/lib/errors';
import { openStateStore } from '../../src/state/state-store';
import type { RunReport } from '../../src/sync/run-cycle';
import {
  Clock,
  flags,
  givenAnOrgWithStaleLeads,
  HOUR,
  MANAGER,
  NOW,
  ownTasks,
  productView,
  REP,
  run,
  scorecards,
  uninterruptedView,
} from './story';

describe('runCycle over an in-memory org', () => {
  it('given stale leads, when the first run writes, then the rep gets flags, one follow-up task per lead and the manager an agenda', async () => {
    const clock = new Clock(NOW);
    const { org, leads } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');

    const report = await run(org, state, clock, 'r1');

    expect(report.result).toBe('ok');
    expect(flags(org).length).toBeGreaterThan(0);
    for (const flag of flags(org)) {
      expect(flag).toMatchObject({ Salesperson__c: REP, Manager__c: MANAGER, Status__c: 'New' });
      expect(flag.Commitment__c).toBeUndefined();
    }
    const staleTasks = ownTasks(org).filter((t) => String(t.Coaching_Key__c).startsWith('v1:stale_lead:'));
    expect(staleTasks.map((t) => t.WhoId).sort()).toEqual([...leads].sort());
    for (const task of staleTasks)
      expect(task).toMatchObject({ OwnerId: REP, Status: 'Not Started', Type: 'Follow-Up' });
    const agendas = ownTasks(org).filter((t) => t.Type === 'Coaching');
    expect(agendas).toHaveLength(1);
    expect(agendas[0]).toMatchObject({ OwnerId: MANAGER });
    // Two scorecards for the rep: the month to date and the window, owned by the rep.
    expect(
      scorecards(org)
        .map((card) => [card.Period__c, card.OwnerId])
        .sort(),
    ).toEqual([
      ['Month to date', REP],
      ['Window', REP],
    ]);
    expect(report.writes?.created).toBe(flags(org).length + ownTasks(org).length + scorecards(org).length);
  });

  it('given nothing changed, when the next run runs, then it reads each object once and writes nothing', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    await run(org, state, clock, 'r1');
    clock.at += HOUR;
    org.calls = { read: 0, write: 0, findByKeys: 0 };

    const report = await run(org, state, clock, 'r2');

    expect(org.calls.read).toBe(report.reads.length);
    expect(org.calls.write).toBe(0);
    expect(report.writes).toMatchObject({ created: 0, updated: 0, failed: 0 });
  });

  it('given a manager committed on a flag and the rep closed a task, when later runs (and a run with a lost state) happen, then neither is overwritten and nothing is created twice', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    await run(org, openStateStore(':memory:'), clock, 'r1');
    const [flag] = flags(org);
    const [task] = ownTasks(org).filter((t) => t.Type === 'Follow-Up');
    clock.at += HOUR;
    org.change('Coaching_Flag__c', String(flag?.Id), {
      Status__c: 'Committed',
      Commitment__c: 'Call every new lead within 15 minutes',
      Follow_Up_Date__c: '2026-12-04',
    });
    org.change('Task', String(task?.Id), { Status: 'Completed', IsClosed: true });
    const before = { flags: flags(org).length, tasks: ownTasks(org).length };

    clock.at += HOUR;
    await run(org, openStateStore(':memory:'), clock, 'r-lost-state');

    expect({ flags: flags(org).length, tasks: ownTasks(org).length }).toEqual(before);
    expect(org.records('Coaching_Flag__c').find((f) => f.Id === flag?.Id)).toMatchObject({
      Status__c: 'Committed',
      Commitment__c: 'Call every new lead within 15 minutes',
      Follow_Up_Date__c: '2026-12-04',
    });
    expect(org.records('Task').find((t) => t.Id === task?.Id)).toMatchObject({ Status: 'Completed' });
  });

  it('given the daily API limit is hit mid-run, then the run stops with exit 75, and the next run leaves the org as one uninterrupted run would', async () => {
    const uninterrupted = await uninterruptedView();

    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    org.limitAt = 3;
    await expect(run(org, state, clock, 'r1')).rejects.toMatchObject({ exitCode: ExitCode.tryLater });
    expect(state.listRuns(1)[0]?.result).toBe('stopped_api_limit');
    expect(flags(org)).toHaveLength(0);

    org.limitAt = null;
    const report = await run(org, state, clock, 'r2');

    expect(report.result).toBe('ok');
    expect(productView(org)).toEqual(uninterrupted);
  });

  it('given another run holds the lock, then the run exits 75 without reading', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:', { now: () => clock.now() });
    state.acquireLock('other-host:123:r0', 60_000);

    await expect(run(org, state, clock, 'r1')).rejects.toMatchObject({
      code: 'RUN_LOCKED',
      exitCode: ExitCode.tryLater,
    });
    expect(org.calls.read).toBe(0);
  });

  it('given the org rejects one record, then the run reports it and fails, and the next run writes it', async () => {
    const clock = new Clock(NOW);
    const { org, leads } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    const rejected = `v1:stale_lead:${leads[0]}:`;
    org.failingKeys = new Set(['placeholder']);
    const upsert = org.upsert.bind(org);
    org.upsert = (object, keyField, records) => {
      org.failingKeys = new Set(records.map((r) => String(r[keyField])).filter((k) => k.startsWith(rejected)));
      return upsert(object, keyField, records);
    };

    const first = await run(org, state, clock, 'r1');
    expect(first.result).toBe('failed');
    expect(first.writes?.failed).toBe(1);
    expect(first.errors.join('\n')).toContain('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    expect(ownTasks(org).some((t) => t.WhoId === leads[0])).toBe(false);

    org.upsert = upsert;
    org.failingKeys = new Set();
    clock.at += HOUR;
    const second = await run(org, state, clock, 'r2');
    expect(second.result).toBe('ok');
    expect(ownTasks(org).filter((t) => t.WhoId === leads[0])).toHaveLength(1);
  });

  it('given a lead is deleted, when the next run runs, then its follow-up task is no longer wanted', async () => {
    const clock = new Clock(NOW);
    const { org, leads } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    const first = await run(org, state, clock, 'r1');
    const wanted = (report: RunReport): string[] =>
      (report.coaching?.desired ?? []).filter((d) => d.kind === 'staleLeadTask').map((d) => d.key);
    expect(wanted(first).some((key) => key.includes(String(leads[0])))).toBe(true);

    clock.at += HOUR;
    org.remove('Lead', String(leads[0]));
    const second = await run(org, state, clock, 'r2');

    expect(wanted(second).some((key) => key.includes(String(leads[0])))).toBe(false);
    expect(wanted(second)).toHaveLength(leads.length - 1);
  });
});
