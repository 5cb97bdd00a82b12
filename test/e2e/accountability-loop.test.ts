/**
 * The accountability loop end to end over six weeks (ARCHITECTURE.md §5.3), with `--now`: after Friday's one-on-ones
 * the managers type three commitments through the REST API; one rep then does the work on enough customers, one
 * makes a few calls where many were needed, one books three customers where thirty are needed to judge. Weekly
 * syncs write every rep's one-on-one agenda, check each commitment when its follow-up date has come, and decide on
 * evidence: Improved, Not Improved, or waiting for data until the wait runs out. Nothing the managers own is written,
 * and a re-run writes nothing.
 */
import type { SfRecord } from '../../src/core/model';
import {
  daysLater,
  doublyOpen,
  FLAG_OBJECT,
  flagByKey,
  flags,
  localDate,
  plannedWrites,
  plantedRep,
  productTasks,
  syncInStep,
} from './coaching-org';
import { cli, CONFIG, type DemoOrg, query, runAt, startDemoOrg, type SyncJson } from './support';

/** What the tests read of `report --json` (src/cli/render-report.ts). */
interface ReportJson {
  window: { startDate: string; endDate: string };
  monthToDate: { startDate: string; endDate: string };
  reps: Array<{
    repId: string;
    plan: {
      monthlyGoal: number;
      steps: Array<{ step: string; sample: number; monthToDate: number; expectedByNow: number | null }>;
    } | null;
  }>;
  effectivenessByMonth: Array<{
    month: string;
    effectiveness: Array<{ managerId: string | null; total: Record<string, number> }>;
  }>;
}
/** config/dealership.yaml's writeBack.scorecard.stepFields. */
const STEP_FIELDS: Readonly<Record<string, string>> = {
  lead: 'Leads__c',
  attempt: 'Attempts__c',
  contact: 'Contacts__c',
  appointment_set: 'Appointments_Set__c',
  appointment_shown: 'Appointments_Shown__c',
  needs_analysis: 'Needs_Analyses__c',
  demo: 'Demos__c',
  write_up: 'Write_Ups__c',
  sold: 'Sold__c',
};
const SCORECARD_FIELDS = [
  'Scorecard_Key__c',
  'OwnerId',
  'Period_Start__c',
  'Period_End__c',
  'Goal__c',
  'Expected_By_Now__c',
  ...Object.values(STEP_FIELDS),
];
const EFFECTIVENESS_FIELDS = [
  'Effectiveness_Key__c',
  'Manager__c',
  'Committed__c',
  'Improved__c',
  'Not_Improved__c',
  'Waiting__c',
];

const SUNDAY = daysLater(0, 2);
/** The six Mondays after the first run, and the Wednesday of the second week. */
const MONDAYS = [3, 10, 17, 24, 31, 38].map((days) => daysLater(0, days));
const [WEEK1, WEEK2, WEEK3, WEEK4, WEEK5, WEEK6] = MONDAYS as [number, number, number, number, number, number];
const WEDNESDAY2 = daysLater(0, 12);
const LAST = daysLater(0, 42);
const MINUTE_MS = 60_000;
/** Calls further apart than this never look like a burst of fake activity. */
const CALL_SPACING_MS = 20 * MINUTE_MS;
/** Customers the rep who keeps the commitment calls and books each working day, three days running. */
const BOOKED_PER_DAY = 12;
const MANAGER_FIELDS = ['Commitment__c', 'Follow_Up_Date__c'];

/** An instant in the store's time zone (Chicago, UTC−6 in November and December). */
const chicago = (date: string, time: string): number => Date.parse(`${date}T${time}:00-06:00`);
const dateOf = (n: number): string => localDate(runAt(n));

/** What the manager types after the one-on-one, through the REST API as any Salesforce client would. */
async function commitThroughApi(org: DemoOrg, key: string, commitment: string, followUp: string): Promise<void> {
  const flag = flagByKey(org, key);
  const response = await fetch(`${org.sandbox.url}/services/data/v62.0/sobjects/${FLAG_OBJECT}/${String(flag.Id)}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${org.sandbox.accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ Commitment__c: commitment, Follow_Up_Date__c: followUp, Status__c: 'Committed' }),
  });
  expect(response.status).toBe(204);
}

/** The rep gets a new lead, reaches them on the phone and books an appointment two days out. */
function callAndBook(org: DemoOrg, repId: string, index: number): void {
  const writer = org.sandbox.org.writer;
  const lead = writer.create(
    'Lead',
    { LastName: `Walk-in ${index}`, Company: 'Private buyer', Status: 'Open - Not Contacted', OwnerId: repId },
    repId,
  );
  writer.create(
    'Task',
    {
      Subject: 'Call',
      Type: 'Call',
      CallType: 'Outbound',
      Status: 'Completed',
      CallDisposition: 'Contacted',
      CallDurationInSeconds: 240,
      WhoId: lead.Id,
      OwnerId: repId,
    },
    repId,
  );
  writer.create(
    'Event',
    {
      Subject: 'Appointment',
      Type: 'Appointment',
      StartDateTime: new Date(org.sandbox.clock.now() + 2 * 86_400_000).toISOString(),
      DurationInMinutes: 60,
      WhoId: lead.Id,
      OwnerId: repId,
      Appointment_Status__c: 'Scheduled',
    },
    repId,
  );
}

/** A call that reaches nobody. */
function unansweredCall(org: DemoOrg, repId: string, leadId: string): void {
  org.sandbox.org.writer.create(
    'Task',
    {
      Subject: 'Call',
      Type: 'Call',
      CallType: 'Outbound',
      Status: 'Completed',
      CallDisposition: 'No Answer',
      CallDurationInSeconds: 30,
      WhoId: leadId,
      OwnerId: repId,
    },
    repId,
  );
}

/** The rep books a customer for within the hour, and the customer comes in. */
function bookAndShow(org: DemoOrg, repId: string, leadId: string): void {
  org.sandbox.org.writer.create(
    'Event',
    {
      Subject: 'Appointment',
      Type: 'Appointment',
      StartDateTime: new Date(org.sandbox.clock.now() + 30 * MINUTE_MS).toISOString(),
      DurationInMinutes: 60,
      WhoId: leadId,
      OwnerId: repId,
      Appointment_Status__c: 'Showed',
    },
    repId,
  );
}

const leadsOf = (org: DemoOrg, repId: string, count: number): string[] =>
  query(
    org,
    `SELECT Id FROM Lead WHERE OwnerId = '${repId}' AND IsConverted = false ORDER BY CreatedDate DESC LIMIT ${count}`,
  ).map((lead) => String(lead.Id));

const agendaOf = (org: DemoOrg, repId: string, n: number): SfRecord | undefined =>
  productTasks(org, 'agenda').find((a) => a.Coaching_Key__c === `v1:agenda:${repId}:${mondayOf(n)}`);
/** Part 1 of an agenda: progress on the last commitments. */
const progressOf = (agenda: SfRecord | undefined): string => {
  const text = agenda?.Description;
  return typeof text === 'string' ? (text.split('2. Activity review')[0] ?? '') : '';
};
/** The Monday that starts the week of run n (weekly one-on-ones). */
function mondayOf(n: number): string {
  const date = new Date(`${dateOf(n)}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

describe('end to end: the accountability loop over six weeks of syncs', () => {
  let org: DemoOrg;
  const friday = dateOf(0);
  const followUp = { kept: dateOf(WEEK2), broken: dateOf(WEDNESDAY2), thin: dateOf(WEEK2) };
  const words = {
    kept: 'Ask for the appointment on every call; role-play daily.',
    broken: 'Block 9–11 every morning for calls.',
    thin: 'Book customers for the same day while they are hot.',
  };
  /** The rep who keeps the commitment on 36 customers; the one who makes a few calls; the one with 3 customers. */
  const keys = { kept: '', broken: '', thin: '', resolved: '' };
  /** Flag status and outcome of each story flag after each run, by run number. */
  const after = new Map<number, Record<string, { status: unknown; outcome: unknown }>>();
  const reports = new Map<number, SyncJson>();
  let rerun: SyncJson;

  async function sync(n: number): Promise<void> {
    const run = await syncInStep(org, n);
    expect({ n, code: run.code, stderr: run.stderr }).toEqual({ n, code: 0, stderr: '' });
    reports.set(n, run.report);
    after.set(
      n,
      Object.fromEntries(
        Object.entries(keys).map(([story, key]) => {
          const flag = flagByKey(org, key);
          return [story, { status: flag.Status__c, outcome: flag.Outcome__c }];
        }),
      ),
    );
  }

  beforeAll(async () => {
    org = await startDemoOrg();
    expect((await syncInStep(org, 0)).code).toBe(0);
    const kept = plantedRep(org, 'rarely_sets');
    const broken = plantedRep(org, 'low_activity');
    const thin = plantedRep(org, 'no_shows');
    const slow = plantedRep(org, 'slow_responder');
    keys.kept = `v1:appointment_set_rate:${kept.userId}:${friday}`;
    keys.broken = `v1:outbound_calls:${broken.userId}:${friday}`;
    keys.thin = `v1:show_rate:${thin.userId}:${friday}`;
    keys.resolved = `v1:overdue_follow_ups:${slow.userId}:${friday}`;

    // Friday's one-on-ones.
    await commitThroughApi(org, keys.kept, words.kept, followUp.kept);
    await commitThroughApi(org, keys.broken, words.broken, followUp.broken);
    await commitThroughApi(org, keys.thin, words.thin, followUp.thin);

    // Saturday: the slow responder clears the overdue follow-ups, with no commitment asked.
    org.sandbox.clock.set(chicago('2026-11-21', '10:00'));
    const overdue = query(
      org,
      `SELECT Id FROM Task WHERE OwnerId = '${slow.userId}' AND Type = 'Follow-Up' AND IsClosed = false AND Coaching_Key__c = null`,
    );
    for (const task of overdue)
      org.sandbox.org.writer.update('Task', String(task.Id), { Status: 'Completed' }, slow.userId);
    await sync(SUNDAY);
    await sync(WEEK1);

    // Tuesday to Thursday of week 1: 36 customers called and booked; 2 calls a day; 1 customer a day shown.
    const brokenLeads = leadsOf(org, broken.userId, 6);
    const thinLeads = leadsOf(org, thin.userId, 3);
    for (const [d, date] of ['2026-11-24', '2026-11-25', '2026-11-26'].entries()) {
      org.sandbox.clock.set(chicago(date, '09:00'));
      for (let i = 0; i < BOOKED_PER_DAY; i++) {
        callAndBook(org, kept.userId, d * BOOKED_PER_DAY + i);
        org.sandbox.clock.advance(CALL_SPACING_MS);
      }
      org.sandbox.clock.set(chicago(date, '14:00'));
      for (const lead of brokenLeads.slice(2 * d, 2 * d + 2)) {
        unansweredCall(org, broken.userId, lead);
        org.sandbox.clock.advance(CALL_SPACING_MS);
      }
      bookAndShow(org, thin.userId, thinLeads[d] as string);
    }
    for (const n of [WEEK2, WEDNESDAY2, WEEK3, WEEK4, WEEK5, WEEK6, LAST]) await sync(n);
    rerun = (await syncInStep(org, LAST + 1)).report;
  }, 600_000);
  afterAll(() => org.close());

  it('given commitments typed through the REST API, when the syncs before their follow-up dates run, then they stay Committed with the manager’s words', () => {
    for (const n of [SUNDAY, WEEK1])
      expect({ n, kept: after.get(n)?.kept, broken: after.get(n)?.broken }).toMatchObject({
        kept: { status: 'Committed' },
        broken: { status: 'Committed' },
      });
    expect(flagByKey(org, keys.kept)).toMatchObject({ Commitment__c: words.kept, Follow_Up_Date__c: followUp.kept });
  });

  it('given a weakness gone without a commitment, when the next sync runs, then its flag is Resolved', () => {
    expect(after.get(SUNDAY)?.resolved?.status).toBe('Resolved');
  });

  it('given 36 customers called and booked since the commitment, when its follow-up date comes, then Improved on that evidence', () => {
    expect(after.get(WEEK2)?.kept?.status).toBe('Improved');
    expect(String(after.get(WEEK2)?.kept?.outcome)).toMatch(
      /^Appointment set rate \d+% → \d+% since 2026-11-20 \(sample 3\d\): at target 60%$/,
    );
  });

  it('given six unanswered calls in two weeks, when its follow-up date comes (a Wednesday), then Not Improved, short of target', () => {
    expect(after.get(WEEK2)?.broken?.status).toBe('Committed');
    expect(after.get(WEDNESDAY2)?.broken?.status).toBe('Not Improved');
    expect(String(after.get(WEDNESDAY2)?.broken?.outcome)).toMatch(/^Outbound calls .* still short of target/);
  });

  it('given three customers since the commitment, then it waits for data four weeks past its follow-up date, saying so, then is decided on thin data', () => {
    for (const n of [WEEK2, WEDNESDAY2, WEEK3, WEEK4, WEEK5]) {
      const thin = after.get(n)?.thin;
      expect({ n, status: thin?.status }).toEqual({ n, status: 'Committed' });
      expect(String(thin?.outcome)).toMatch(
        /^Waiting for data: Show rate \d+% → \d+% since 2026-11-20 \(sample \d, 30 needed\), not conclusive yet; decided by 2026-12-28$/,
      );
    }
    expect(after.get(WEEK6)?.thin).toEqual({
      status: 'Improved',
      outcome: expect.stringMatching(/decided on thin data \(sample \d, 30 needed\) on 2026-12-28$/),
    });
  });

  it('then the manager gets one follow-up task per decided commitment, carrying its outcome, and none while it waits', () => {
    const tasks = productTasks(org, 'coaching_outcome');
    const expected = [keys.kept, keys.broken, keys.thin].map((key) => {
      const flag = flagByKey(org, key);
      return {
        key: `v1:coaching_outcome:${String(flag.Measure__c)}:${String(flag.Salesperson__c)}:${String(flag.Follow_Up_Date__c)}`,
        owner: flag.Manager__c,
        outcome: flag.Outcome__c,
      };
    });
    const byKey = (a: { key: unknown }, b: { key: unknown }): number => String(a.key).localeCompare(String(b.key));
    expect(
      tasks.map((t) => ({ key: t.Coaching_Key__c, owner: t.OwnerId, outcome: t.Description })).sort(byKey),
    ).toEqual(expected.sort(byKey));
    const thinTask = expected.find((task) => task.key.includes(':show_rate:'))?.key;
    const createdOn = [...reports].filter(([, report]) => report.plan.creates.some((c) => c.key === thinTask));
    expect(createdOn.map(([n]) => n)).toEqual([WEEK6]);
  });

  it('then every week every rep with a manager has a one-on-one agenda, flagged or not', () => {
    const firstWeek = new Set(
      productTasks(org, 'agenda')
        .filter((a) => String(a.Coaching_Key__c).endsWith(`:${mondayOf(0)}`))
        .map((a) => String(a.Coaching_Key__c).split(':')[2]),
    );
    // The reference config's reps: active Sales Consultants and BDC Agents; the agenda goes to their manager.
    const reps = query(
      org,
      "SELECT Id FROM User WHERE IsActive = true AND ManagerId != null AND Title IN ('Sales Consultant', 'BDC Agent')",
    ).map((user) => String(user.Id));
    expect(firstWeek).toEqual(new Set(reps));
    for (const n of MONDAYS) {
      const week = productTasks(org, 'agenda')
        .filter((a) => String(a.Coaching_Key__c).endsWith(`:${mondayOf(n)}`))
        .map((a) => String(a.Coaching_Key__c).split(':')[2]);
      expect({ week: mondayOf(n), reps: new Set(week) }).toEqual({ week: mondayOf(n), reps: firstWeek });
    }
  });

  it('then every agenda quotes the commitments due: open, checked, carried from mid-week, and waiting', () => {
    const repOf = (key: string): string => String(flagByKey(org, key).Salesperson__c);
    const quote = (text: string): string => `"${text}"`;
    for (const n of [WEEK1, WEEK2])
      expect(progressOf(agendaOf(org, repOf(keys.broken), n))).toContain(quote(words.broken));
    expect(progressOf(agendaOf(org, repOf(keys.kept), WEEK1))).toContain(
      `Appointment set rate: committed ${quote(words.kept)}, follow-up ${followUp.kept}.`,
    );
    expect(progressOf(agendaOf(org, repOf(keys.kept), WEEK2))).toContain(
      `Appointment set rate: Improved (checked ${followUp.kept}). Committed: ${quote(words.kept)}.`,
    );
    // Checked on Wednesday, after Monday's agenda was written: the next week's agenda carries it.
    expect(progressOf(agendaOf(org, repOf(keys.broken), WEEK3))).toContain(
      `Outbound calls: Not Improved (checked ${followUp.broken}). Committed: ${quote(words.broken)}.`,
    );
    for (const n of [WEEK2, WEEK3, WEEK4, WEEK5])
      expect(progressOf(agendaOf(org, repOf(keys.thin), n))).toContain(
        `Show rate: committed ${quote(words.thin)}, follow-up ${followUp.thin}. Waiting for data:`,
      );
    expect(progressOf(agendaOf(org, repOf(keys.thin), WEEK6))).toContain(
      `Show rate: Improved (checked 2026-12-28). Committed: ${quote(words.thin)}.`,
    );
  });

  it('then no sync wrote a field the manager owns, and the story flags’ status only on their transitions', () => {
    const statusWrites: Array<[number, string]> = [];
    for (const [n, report] of reports) {
      for (const write of plannedWrites(report)) {
        for (const field of MANAGER_FIELDS)
          expect({ key: write.key, field: write.fields[field] }).toEqual({ key: write.key, field: undefined });
        if (Object.values(keys).includes(write.key) && 'Status__c' in write.fields) statusWrites.push([n, write.key]);
      }
    }
    expect(statusWrites.sort()).toEqual(
      [
        [SUNDAY, keys.resolved],
        [WEEK2, keys.kept],
        [WEDNESDAY2, keys.broken],
        // Six weeks on, the seeded history has left the window and the weakness with it: Not Improved → Resolved.
        [WEEK4, keys.broken],
        [WEEK6, keys.thin],
      ].sort() as Array<[number, string]>,
    );
    expect(doublyOpen(org)).toEqual([]);
  });

  it('given the checks, when `report --json` runs, then coaching effectiveness per manager counts the org’s committed flags by status', async () => {
    const run = await cli(['report', '--json', '--config', CONFIG, '--state', org.statePath, '--now', runAt(LAST)], {});
    expect(run.code).toBe(0);
    const effectiveness = (
      JSON.parse(run.stdout) as { effectiveness: Array<{ managerId: string | null; total: Record<string, number> }> }
    ).effectiveness;
    // The flag that was Not Improved is Resolved now (its weakness left the window); its check still counts.
    expect(flagByKey(org, keys.broken).Status__c).toBe('Resolved');
    const checked = (f: SfRecord): SfRecord =>
      f.Flag_Key__c === keys.broken ? { ...f, Status__c: 'Not Improved' } : f;
    const committed = flags(org)
      .map(checked)
      .filter((f) => ['Committed', 'Improved', 'Not Improved'].includes(String(f.Status__c)));
    const tally = (list: SfRecord[]) => ({
      committed: list.length,
      improved: list.filter((f) => f.Status__c === 'Improved').length,
      notImproved: list.filter((f) => f.Status__c === 'Not Improved').length,
      waiting: list.filter((f) => f.Status__c === 'Committed').length,
    });
    expect(tally(committed)).toMatchObject({ improved: 2, notImproved: 1 });
    expect(effectiveness[0]).toMatchObject({ managerId: null, total: tally(committed) });
    for (const entry of effectiveness.slice(1))
      expect(entry.total).toMatchObject(tally(committed.filter((f) => f.Manager__c === entry.managerId)));
  });

  /** `report --json` at run n's `--now`: what the syncs computed, from the state alone. */
  async function reportAt(n: number): Promise<ReportJson> {
    const run = await cli(['report', '--json', '--config', CONFIG, '--state', org.statePath, '--now', runAt(n)], {});
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as ReportJson;
  }

  it('then each salesperson’s scorecards in the org match `report --json`: step counts, goal, expectation, owner', async () => {
    const cards = new Map(
      query(org, `SELECT ${SCORECARD_FIELDS.join(', ')} FROM Coaching_Scorecard__c`).map((c) => [
        c.Scorecard_Key__c,
        c,
      ]),
    );
    // December's card was last written by the 28 December sync; the window's by the last one.
    for (const [n, period] of [
      [WEEK6, 'month'],
      [LAST, 'window'],
    ] as const) {
      const report = await reportAt(n);
      const salespeople = report.reps.filter((rep) => rep.plan !== null);
      expect(salespeople.length).toBeGreaterThan(5);
      for (const rep of salespeople) {
        const key = `v1:scorecard:${rep.repId}:${period === 'month' ? `month:${report.monthToDate.startDate.slice(0, 7)}` : 'window'}`;
        const card = cards.get(key);
        const span = period === 'month' ? report.monthToDate : report.window;
        expect({ key, owner: card?.OwnerId, start: card?.Period_Start__c, end: card?.Period_End__c }).toEqual({
          key,
          owner: rep.repId,
          start: span.startDate,
          end: span.endDate,
        });
        const goal = rep.plan?.steps.at(-1);
        expect(card).toMatchObject({
          Goal__c: rep.plan?.monthlyGoal,
          Expected_By_Now__c: goal?.expectedByNow === null ? null : Math.round((goal?.expectedByNow ?? 0) * 100) / 100,
        });
        for (const step of rep.plan?.steps ?? [])
          expect({ key, step: step.step, count: card?.[STEP_FIELDS[step.step] ?? ''] }).toEqual({
            key,
            step: step.step,
            count: period === 'month' ? step.monthToDate : step.sample,
          });
      }
    }
  });

  it('then the coaching effectiveness records in the org match `report --json`, month by month and manager by manager', async () => {
    const report = await reportAt(LAST);
    const records = query(org, `SELECT ${EFFECTIVENESS_FIELDS.join(', ')} FROM Coaching_Effectiveness__c`);
    const expected = report.effectivenessByMonth.flatMap(({ month, effectiveness }) =>
      effectiveness.map((e) => ({
        key: `v1:effectiveness:${e.managerId ?? 'store'}:${month}`,
        manager: e.managerId,
        committed: e.total.committed,
        improved: e.total.improved,
        notImproved: e.total.notImproved,
        waiting: e.total.waiting,
      })),
    );
    expect(expected.find((e) => e.manager === null)).toMatchObject({ committed: 3, improved: 2, notImproved: 1 });
    const byKey = (a: { key: string }, b: { key: string }): number => a.key.localeCompare(b.key);
    expect(
      records
        .map((r) => ({
          key: String(r.Effectiveness_Key__c),
          manager: r.Manager__c ?? null,
          committed: r.Committed__c,
          improved: r.Improved__c,
          notImproved: r.Not_Improved__c,
          waiting: r.Waiting__c,
        }))
        .sort(byKey),
    ).toEqual(expected.sort(byKey));
  });

  it('when the last sync runs again a minute later, then it writes nothing', () => {
    expect(rerun.result).toBe('ok');
    expect({ created: rerun.writes?.created ?? 0, updated: rerun.writes?.updated ?? 0 }).toEqual({
      created: 0,
      updated: 0,
    });
    expect([...(rerun.plan?.creates ?? []), ...(rerun.plan?.updates ?? [])]).toEqual([]);
  });
});
