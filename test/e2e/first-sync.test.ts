/**
 * The first sync of the seeded dealership, end to end over HTTP: the flags it writes diagnose
 * the salespeople the generator planted (src/sandbox/demo/profiles.ts) the way their habits
 * should read, the store whose whole team writes up few demos gets one team flag for its manager
 * and none on its reps for it, and the tasks and agendas it writes are the ones ARCHITECTURE.md
 * §5.2 describes.
 */
import type { SfRecord } from '../../src/core/model';
import { traitsOf } from '../../src/sandbox/demo/profiles';
import type { DemoProfile } from '../../src/sandbox/demo/types';
import { addDays, flags, localDate, plantedRep, plantedReps, productTasks, syncInStep } from './coaching-org';
import { type DemoOrg, query, runAt, startDemoOrg, type SyncJson } from './support';

/** The config's coaching window (config/dealership.yaml: coaching.windowDays, maxFlagsPerRep). */
const WINDOW_DAYS = 30;
const MAX_FLAGS_PER_REP = 2;
const STALE_DAYS = 3;
/** The store whose whole team writes up few demos (profiles.ts, STORE_HABITS). */
const WRITE_UP_GAP_STORE = 'Cedar Park Honda';

interface Expectation {
  profile: DemoProfile;
  /** Flags the rep must have, as "Diagnosis measure" (one of several alternatives when an array). */
  has: Array<string | string[]>;
  /** Diagnoses none of the rep's flags may carry. */
  never?: string[];
}

/** What each planted habit should read as (ARCHITECTURE.md §1: Knowledge / Skill / Activity). */
const PLANTED: Expectation[] = [
  { profile: 'rarely_sets', has: ['Skill appointment_set_rate'] },
  { profile: 'low_activity', has: ['Activity outbound_calls'] },
  // The skipped step is the root cause: the low demo rate it causes is its symptom, not a Skill flag.
  { profile: 'skips_demo', has: ['Knowledge demo_before_sale'], never: ['Skill'] },
  { profile: 'no_shows', has: ['Skill show_rate'] },
  {
    profile: 'slow_responder',
    has: [['Activity lead_response', 'Activity overdue_follow_ups', 'Activity stale_leads']],
    never: ['Skill', 'Knowledge'],
  },
  { profile: 'fake_calls', has: ['Activity call_integrity'] },
  // A new hire's few contacts cannot support a confident ratio (coaching.minSample).
  { profile: 'new_hire', has: [], never: ['Skill'] },
];
const UNFLAGGED: DemoProfile[] = ['strong', 'ordinary', 'bdc'];

describe('end to end: the first sync of the seeded dealership', () => {
  let org: DemoOrg;
  let run: SyncJson;
  let orgFlags: SfRecord[];
  let repFlags: SfRecord[];
  let teamFlags: SfRecord[];
  const today = localDate(runAt(0));

  beforeAll(async () => {
    org = await startDemoOrg();
    const result = await syncInStep(org, 0);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    run = result.report;
    orgFlags = flags(org);
    repFlags = orgFlags.filter((f) => f.Scope__c === 'Rep');
    teamFlags = orgFlags.filter((f) => f.Scope__c === 'Team');
  });
  afterAll(() => org.close());

  const flagsOf = (userId: string): string[] =>
    repFlags.filter((f) => f.Salesperson__c === userId).map((f) => `${String(f.Diagnosis__c)} ${String(f.Measure__c)}`);

  it.each(PLANTED)(
    'given the $profile salesperson, when the first sync runs, then the org holds the flags the habit should produce',
    ({ profile, has, never = [] }) => {
      const rep = plantedRep(org, profile);
      const held = flagsOf(rep.userId);
      for (const wanted of has) {
        const options = Array.isArray(wanted) ? wanted : [wanted];
        expect({ rep: rep.name, flags: held, matches: held.some((f) => options.includes(f)) }).toEqual({
          rep: rep.name,
          flags: held,
          matches: true,
        });
      }
      for (const diagnosis of never) expect(held.filter((f) => f.startsWith(`${diagnosis} `))).toEqual([]);
    },
  );

  it.each(UNFLAGGED)(
    'given the %s people of the seed, when the first sync runs, then none of them is flagged',
    (profile) => {
      const reps = plantedReps(org, profile);
      expect(reps.length).toBeGreaterThan(0);
      for (const rep of reps)
        expect({ rep: rep.name, flags: flagsOf(rep.userId) }).toEqual({ rep: rep.name, flags: [] });
    },
  );

  /** The seeded salespeople of one store (every profile; the BDC agent is a setter). */
  const salespeopleAt = (store: string) =>
    (org.sandbox.seeded?.profiles ?? []).filter((p) => p.store === store && p.profile !== 'bdc');
  const managerIdOf = (userId: string): unknown =>
    query(org, `SELECT ManagerId FROM User WHERE Id = '${userId}'`)[0]?.ManagerId;

  it('given the store whose whole team writes up few demos, when the first sync runs, then its manager gets exactly one Team flag on the write-up rate, and no other team is flagged', () => {
    const [first] = salespeopleAt(WRITE_UP_GAP_STORE);
    const manager = managerIdOf(first?.userId ?? '');
    expect(manager).toEqual(expect.stringMatching(/^005/));
    expect(teamFlags).toHaveLength(1);
    expect(teamFlags[0]).toMatchObject({
      Scope__c: 'Team',
      Salesperson__c: null,
      Manager__c: manager,
      Measure__c: 'write_up_rate',
      Step__c: 'write_up',
      Diagnosis__c: 'Skill',
      Is_Focus__c: false,
      Status__c: 'New',
      Flag_Key__c: `v1:write_up_rate:team:salesperson:${String(manager)}:${today}`,
    });
    expect(Number(teamFlags[0]?.Actual__c)).toBeLessThan(Number(teamFlags[0]?.Target__c));
    expect(String(teamFlags[0]?.Summary__c)).toMatch(/^The whole team \(\d+ salespeople\)/);
  });

  it('given the ordinary and strong reps of that store, when the first sync runs, then none has a flag, and no rep there is flagged on the write-up rate', () => {
    const reps = salespeopleAt(WRITE_UP_GAP_STORE);
    const unplanted = reps.filter((p) => UNFLAGGED.includes(p.profile));
    expect(unplanted.map((p) => p.profile).sort()).toEqual(['ordinary', 'strong']);
    for (const rep of unplanted)
      expect({ rep: rep.name, flags: flagsOf(rep.userId) }).toEqual({ rep: rep.name, flags: [] });
    const onWriteUp = reps.flatMap((rep) => flagsOf(rep.userId).filter((f) => f.endsWith(' write_up_rate')));
    expect(onWriteUp).toEqual([]);
  });

  it('given the demo skipper, when the first sync runs, then their Knowledge flag is the root cause of the low demo rate, written once', () => {
    const rep = plantedRep(org, 'skips_demo');
    const held = query(
      org,
      `SELECT Measure__c, Evidence__c FROM Coaching_Flag__c WHERE Salesperson__c = '${rep.userId}'`,
    );
    expect(held.map((f) => f.Measure__c)).toEqual(['demo_before_sale']);
    expect(String(held[0]?.Evidence__c)).toMatch(/Root cause of: Demo rate \d+%/);
  });

  it('given the run report, when compared with the org, then every finding is one rep flag and the diagnoses agree', () => {
    const fromRun = run.findings.map((f) => `${f.repId} ${f.diagnosis} ${f.measure} ${String(f.isFocus)}`).sort();
    const inOrg = repFlags
      .map(
        (f) => `${String(f.Salesperson__c)} ${String(f.Diagnosis__c)} ${String(f.Measure__c)} ${String(f.Is_Focus__c)}`,
      )
      .sort();
    expect(inOrg).toEqual(fromRun);
    expect(inOrg.length).toBeGreaterThan(0);
  });

  it('given the rep flags, then each names the salesperson, their manager, the window, a summary and a key of the v1 form, New', () => {
    const managers = new Map(query(org, 'SELECT Id, ManagerId FROM User').map((u) => [String(u.Id), u.ManagerId]));
    const periodEnd = addDays(today, -1);
    expect(repFlags.length + teamFlags.length).toBe(orgFlags.length);
    for (const flag of repFlags) {
      expect(flag).toMatchObject({
        Manager__c: managers.get(String(flag.Salesperson__c)),
        Status__c: 'New',
        Period_End__c: periodEnd,
        Period_Start__c: addDays(periodEnd, -(WINDOW_DAYS - 1)),
        Flag_Key__c: `v1:${String(flag.Measure__c)}:${String(flag.Salesperson__c)}:${today}`,
      });
      expect(flag.Manager__c).toEqual(expect.stringMatching(/^005/));
      expect(['Knowledge', 'Skill', 'Activity']).toContain(flag.Diagnosis__c);
      expect(['Low', 'Medium', 'High']).toContain(flag.Severity__c);
      expect(String(flag.Summary__c).length).toBeGreaterThan(10);
      expect(flag.Commitment__c ?? null).toBeNull();
    }
  });

  it('given each flagged salesperson, then exactly one of their flags is the focus and no more than the cap are open', () => {
    const bySalesperson = new Map<string, SfRecord[]>();
    for (const flag of repFlags)
      bySalesperson.set(String(flag.Salesperson__c), [...(bySalesperson.get(String(flag.Salesperson__c)) ?? []), flag]);
    for (const [, held] of bySalesperson) {
      expect(held.filter((f) => f.Is_Focus__c === true)).toHaveLength(1);
      expect(held.length).toBeLessThanOrEqual(MAX_FLAGS_PER_REP);
    }
  });

  /** The latest of the lead's activities that `kinds` selects (SOQL conditions per object), or undefined. */
  const lastActivityOn = (leadId: string, kinds: { task: string; event: string }): string | undefined => {
    const tasks = query(
      org,
      `SELECT CompletedDateTime FROM Task WHERE WhoId = '${leadId}' AND IsClosed = true AND Coaching_Key__c = null${kinds.task}`,
    );
    const events = query(
      org,
      `SELECT CreatedDate, StartDateTime, Appointment_Status__c FROM Event WHERE WhoId = '${leadId}'${kinds.event}`,
    );
    const times = [
      ...tasks.map((t) => String(t.CompletedDateTime)),
      ...events.map((e) => String(e.CreatedDate)),
      ...events.filter((e) => e.Appointment_Status__c === 'Showed').map((e) => String(e.StartDateTime)),
    ];
    return times.sort().at(-1);
  };
  const idleForStaleDays = (lastActivity: string | undefined): boolean =>
    lastActivity === undefined || localDate(lastActivity) <= addDays(today, -STALE_DAYS);

  it('given the stale-lead tasks, then each is an open follow-up for an open lead, owned by its owner, with no call or appointment for the stale days', () => {
    const tasks = productTasks(org, 'stale_lead');
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      const leadId = String(task.WhoId);
      expect(task).toMatchObject({ Type: 'Follow-Up', Status: 'Not Started' });
      expect(task.Coaching_Key__c).toMatch(new RegExp(`^v1:stale_lead:${leadId}:\\d{4}-\\d{2}-\\d{2}$`));
      const [lead] = query(org, `SELECT Id, OwnerId, Status FROM Lead WHERE Id = '${leadId}'`);
      expect(lead?.OwnerId).toBe(task.OwnerId);
      expect(String(lead?.Status)).not.toMatch(/^Closed/);
      const lastStep = lastActivityOn(leadId, { task: " AND Type = 'Call'", event: " AND Type = 'Appointment'" });
      expect({ leadId, lastStep, idle: idleForStaleDays(lastStep) }).toEqual({ leadId, lastStep, idle: true });
    }
  });

  // ARCHITECTURE.md §6: a stale lead has no activity of any kind for the stale days: steps, and the
  // touches of the measure (by default every Task and Event about the lead, e-mails included).
  it('given the stale-lead tasks, then no activity of any kind (e-mail, text, follow-up) was logged on their leads for the stale days', () => {
    for (const task of productTasks(org, 'stale_lead')) {
      const leadId = String(task.WhoId);
      const last = lastActivityOn(leadId, { task: '', event: '' });
      expect({ leadId, last, idle: idleForStaleDays(last) }).toEqual({ leadId, last, idle: true });
      const waiting = query(
        org,
        `SELECT Id FROM Task WHERE WhoId = '${leadId}' AND IsClosed = false AND Coaching_Key__c = null AND ActivityDate >= ${today}`,
      );
      const ahead = query(org, `SELECT StartDateTime FROM Event WHERE WhoId = '${leadId}'`).filter(
        (e) => localDate(String(e.StartDateTime)) >= today,
      );
      expect({ leadId, waiting, ahead }).toEqual({ leadId, waiting: [], ahead: [] });
    }
  });

  it('given the slow responder, then every lead planted stale has its follow-up task', () => {
    const rep = plantedRep(org, 'slow_responder');
    const theirs = productTasks(org, 'stale_lead').filter((t) => t.OwnerId === rep.userId);
    expect(theirs.length).toBeGreaterThanOrEqual(traitsOf('slow_responder').staleLeads);
  });

  it('given the agendas, then there is exactly one per salesperson and setter with a manager, flagged or not, a Coaching task owned by that manager for this week', () => {
    const agendas = productTasks(org, 'agenda');
    const team = query(
      org,
      "SELECT Id, ManagerId FROM User WHERE IsActive = true AND Title IN ('Sales Consultant', 'BDC Agent')",
    ).filter((u) => typeof u.ManagerId === 'string');
    const agendaReps = agendas.map((a) => String(a.Coaching_Key__c).split(':')[2]).sort();
    expect(agendaReps).toEqual(team.map((u) => String(u.Id)).sort());
    const flagged = new Set(repFlags.map((f) => String(f.Salesperson__c)));
    expect(agendaReps.filter((rep) => !flagged.has(rep ?? '')).length).toBeGreaterThan(0);
    const managerOf = new Map(team.map((u) => [String(u.Id), u.ManagerId]));
    const monday = addDays(today, -((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7));
    for (const agenda of agendas) {
      const rep = String(agenda.Coaching_Key__c).split(':')[2] ?? '';
      expect(agenda).toMatchObject({
        Type: 'Coaching',
        Status: 'Not Started',
        OwnerId: managerOf.get(rep),
        Coaching_Key__c: `v1:agenda:${rep}:${monday}`,
      });
      expect(String(agenda.Description)).toContain('4. New commitment');
    }
  });

  it('given missed appointments of the last week not booked again, then a call-to-rebook task for the rep each was with', () => {
    const tasks = productTasks(org, 'no_show');
    const reps = new Set(
      query(org, "SELECT Id FROM User WHERE Title IN ('Sales Consultant', 'BDC Agent')").map((u) => String(u.Id)),
    );
    expect(tasks.length).toBeGreaterThan(0);
    for (const task of tasks) {
      expect(String(task.Subject)).toMatch(/^No-show on \d{4}-\d{2}-\d{2}: call .+ to rebook$/);
      expect(reps.has(String(task.OwnerId))).toBe(true);
      expect(String(task.Coaching_Key__c)).toBe(
        `v1:no_show:${String(task.WhoId)}:${String(task.Subject).slice(11, 21)}`,
      );
    }
  });

  it("given the team flag, then the agendas its manager holds open with the whole team's gap, and no other manager's do", () => {
    const teamManager = String(teamFlags[0]?.Manager__c);
    const agendas = productTasks(org, 'agenda');
    const opening = (a: SfRecord) => ({
      mine: a.OwnerId === teamManager,
      teamFirst: String(a.Description).startsWith('The whole team first'),
    });
    expect(agendas.some((a) => a.OwnerId === teamManager)).toBe(true);
    for (const agenda of agendas)
      expect(opening(agenda)).toEqual({
        mine: agenda.OwnerId === teamManager,
        teamFirst: agenda.OwnerId === teamManager,
      });
    for (const agenda of agendas.filter((a) => a.OwnerId === teamManager))
      expect(String(agenda.Description)).toContain(String(teamFlags[0]?.Summary__c));
  });
});
