/**
 * Incremental sync end to end (ARCHITECTURE.md §7): a run with nothing changed costs one query per
 * object and writes nothing; after about 1% of the records change, a run reads those records
 * (plus the lookback's re-reads) and rewrites exactly the coaching records whose content
 * changed — and what it leaves in the org is what a connector with no memory would compute.
 */
import type { SfRecord } from '../../src/core/model';
import { callsSince, freshDryRun, plannedUpdates, plantedRep, productContent, syncInStep } from './coaching-org';
import { type DemoOrg, query, startDemoOrg, type SyncJson } from './support';

/** Records the change below touches, per object: ~1% of what the first run reads. */
const CHANGES = { Event: 5, Task: 10, Lead: 150 } as const;

const recordsRead = (run: SyncJson): Record<string, number> =>
  Object.fromEntries(run.reads.map((r) => [r.object, r.records + r.deleted]));

describe('end to end: incremental sync of the seeded dealership', () => {
  let org: DemoOrg;
  let first: SyncJson;
  beforeAll(async () => {
    org = await startDemoOrg();
    first = (await syncInStep(org, 0)).report;
  });
  afterAll(() => org.close());

  it('given a synced org, when a sync runs with nothing changed, then it makes one query per object and writes nothing', async () => {
    const before = org.sandbox.usage.counters().byKind;

    const run = await syncInStep(org, 1);

    expect(run.code).toBe(0);
    // `other` is the run's preflight (GET /services/data/v62.0: reachable, API budget left).
    expect(callsSince(org, before)).toEqual({ other: 1, query: run.report.reads.length });
    expect(run.report.reads.every((r) => r.incremental && r.pages === 1)).toBe(true);
    // The run's calls: the preflight (GET /services/data/vXX.X) and one query per object.
    expect(run.report.apiCalls).toEqual({
      read: run.report.reads.length + 1,
      write: 0,
      total: run.report.reads.length + 1,
    });
    expect(run.report.plan.creates).toEqual([]);
    expect(run.report.plan.updates).toEqual([]);
    expect(run.report.plan.unchanged).toBe(productContent(org).size);
    expect(run.report.writes).toMatchObject({ created: 0, updated: 0, failed: 0 });
  });

  describe('given about 1% of the records changed in the org since the last run', () => {
    let baseline: SyncJson;
    let before: Map<string, SfRecord>;
    let run: SyncJson;
    let calls: Record<string, number>;
    let noShowsFlag: string;
    let showedLeads: string[];
    /** The reps whose own activity records changed: only their scorecards may change. */
    const changedReps = new Set<string>();

    beforeAll(async () => {
      // A second quiet run: its reads are the lookback's re-reads, the floor the changed run adds to.
      baseline = (await syncInStep(org, 2)).report;
      const writer = org.sandbox.org.writer;
      // The customers of the rep who rarely gets shows turn up after all…
      const noShows = plantedRep(org, 'no_shows');
      const missed = query(
        org,
        `SELECT Id, WhoId FROM Event WHERE OwnerId = '${noShows.userId}' AND Appointment_Status__c = 'No Show' ORDER BY StartDateTime DESC LIMIT ${CHANGES.Event}`,
      );
      showedLeads = missed.map((event) => String(event.WhoId));
      for (const event of missed)
        writer.update('Event', String(event.Id), { Appointment_Status__c: 'Showed' }, noShows.userId);
      // …others close overdue follow-ups…
      const slow = plantedRep(org, 'slow_responder');
      const open = query(
        org,
        `SELECT Id, OwnerId FROM Task WHERE Type = 'Follow-Up' AND IsClosed = false AND Coaching_Key__c = null AND OwnerId != '${slow.userId}' ORDER BY Id LIMIT ${CHANGES.Task}`,
      );
      for (const task of open) writer.update('Task', String(task.Id), { Status: 'Completed' }, String(task.OwnerId));
      for (const id of [noShows.userId, ...open.map((task) => String(task.OwnerId))]) changedReps.add(id);
      // …and rate leads, a change no measure reads.
      const leads = query(
        org,
        `SELECT Id, OwnerId FROM Lead WHERE IsConverted = false ORDER BY Id LIMIT ${CHANGES.Lead}`,
      );
      for (const lead of leads) writer.update('Lead', String(lead.Id), { Rating: 'Hot' }, String(lead.OwnerId));
      expect([missed.length, open.length, leads.length]).toEqual([CHANGES.Event, CHANGES.Task, CHANGES.Lead]);

      noShowsFlag = `v1:show_rate:${noShows.userId}:`;
      before = productContent(org);
      const counted = org.sandbox.usage.counters().byKind;
      run = (await syncInStep(org, 3)).report;
      calls = callsSince(org, counted);
    });

    it('then the change is about 1% of the records the first run read', () => {
      const total = first.reads.reduce((sum, r) => sum + r.records, 0);
      const changed = Object.values(CHANGES).reduce((sum, n) => sum + n, 0);
      expect(changed / total).toBeGreaterThan(0.005);
      expect(changed / total).toBeLessThanOrEqual(0.01);
    });

    it('when it syncs, then each object reads exactly its changed records on top of the lookback re-reads of a quiet run, in one query', () => {
      // The changes are stamped after every record the quiet run saw, and the quiet run left each
      // checkpoint where it found it, so the same window re-reads the same records plus the changed ones.
      const expected = Object.fromEntries(
        Object.entries(recordsRead(baseline)).map(([object, n]) => [
          object,
          n + (CHANGES[object as keyof typeof CHANGES] ?? 0),
        ]),
      );
      expect(recordsRead(run)).toEqual(expected);
      expect(calls.query).toBe(run.reads.length);
      expect(calls.queryMore).toBeUndefined();
      expect(run.apiCalls.read).toBe(run.reads.length + 1);
    });

    it('when it syncs, then every record it rewrites changed content in the org and every other record is untouched', () => {
      const after = productContent(org);
      const written = new Set(run.plan.updates.map((u) => u.key));
      expect(run.plan.creates).toEqual([]);
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [key, record] of after) {
        if (written.has(key)) expect({ key, content: record }).not.toEqual({ key, content: before.get(key) });
        else expect({ key, content: record }).toEqual({ key, content: before.get(key) });
      }
      expect(run.writes).toMatchObject({ created: 0, updated: written.size, failed: 0 });
      // A scorecard shows the team's values too: another rep's card changes in its measure lines and, because a
      // goal plan's ratios are the rep's own shrunk toward the team's, at most in today's needs as well.
      const isCard = (key: string): boolean => key.startsWith('v1:scorecard:');
      for (const key of [...written].filter(isCard)) {
        if (changedReps.has(key.split(':')[2] ?? '')) continue;
        const was = before.get(key) ?? {};
        const now = after.get(key) ?? {};
        const changed = Object.keys(now).filter((field) => JSON.stringify(now[field]) !== JSON.stringify(was[field]));
        expect({ key, measures: changed.includes('Measures__c') }).toEqual({ key, measures: true });
        expect({ key, other: changed.filter((f) => f !== 'Measures__c' && f !== 'Today_Needs__c') }).toEqual({
          key,
          other: [],
        });
      }
      const coaching = [...after.keys()].filter((key) => !isCard(key));
      expect([...written].filter((key) => !isCard(key)).length * 4).toBeLessThan(coaching.length);
      // One collection call per object and 200 records.
      const perObject = new Map<string, number>();
      for (const update of run.plan.updates) perObject.set(update.object, (perObject.get(update.object) ?? 0) + 1);
      expect(calls.collections).toBe([...perObject.values()].reduce((sum, n) => sum + Math.ceil(n / 200), 0));
    });

    it('when it syncs, then the flag of the rep whose customers now show is updated in place with a higher show rate', () => {
      const key = run.plan.updates.map((u) => u.key).find((k) => k.startsWith(noShowsFlag));
      expect(key).toBeDefined();
      const was = before.get(key ?? '');
      const now = productContent(org).get(key ?? '');
      expect(Number(now?.Actual__c)).toBeGreaterThan(Number(was?.Actual__c));
      expect(now?.Status__c).toBe('New');
    });

    it('when a connector with no memory computes the same moment, then it wants what the incremental run wanted, as the org holds it', async () => {
      const fresh = await freshDryRun(org, 3);
      expect(fresh.code).toBe(0);
      const held = productContent(org);
      expect(fresh.report.plan.creates).toEqual([]);
      expect(fresh.report.plan.updates.length).toBe(run.plan.updates.length + run.plan.unchanged);
      const wanted = new Set<string>();
      for (const update of plannedUpdates(fresh.report)) {
        wanted.add(update.key);
        const record = held.get(update.key) ?? {};
        const sent = Object.fromEntries(Object.keys(update.fields).map((field) => [field, record[field]]));
        expect({ key: update.key, fields: sent }).toEqual({ key: update.key, fields: update.fields });
      }
      // What the org holds beyond that is a follow-up task for a customer who has since shown up: no longer stale,
      // and their appointment no longer a no-show, so no longer wanted (the task stays with its owner; nothing
      // deletes it).
      const leftovers = [...held.keys()].filter((key) => !wanted.has(key));
      expect(leftovers.length).toBeLessThanOrEqual(2 * CHANGES.Event);
      const showedTasks = showedLeads.flatMap((lead) => [`v1:stale_lead:${lead}:`, `v1:no_show:${lead}:`]);
      for (const key of leftovers) expect(showedTasks).toContain(key.replace(/\d{4}-\d{2}-\d{2}$/, ''));
    });
  });
});
