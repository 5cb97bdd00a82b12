/**
 * Each rep's scorecard as desired records: two per rep (the month to date and the window), owned by the rep, leading
 * with what each working day left needs, then the goal and pace, the open flags, the mapped step counts and a line
 * per measure.
 */
import type { CoachingResult } from '../../src/core/coach';
import type { DesiredRecord } from '../../src/core/desired';
import { event, events, local, modelBuilder, ratio, rep, run } from './builders';

const day = (d: number, time = '10:00'): number => local(`2026-11-${String(d).padStart(2, '0')}`, time);
const base = modelBuilder().measures(ratio()).build();
const model = modelBuilder()
  .measures(ratio())
  .writeBack({
    scorecard: {
      ...base.writeBack.scorecard,
      enabled: true,
      stepFields: { contact: 'Contacts__c', appointment_set: 'Appointments_Set__c', sold: 'Sold__c' },
    },
  })
  .build();

/** A sets 4 of 40 contacts (weak, flagged) and sells 2; B sets 24 of 40 and sells 7; S is a setter. */
function activity() {
  const contacts = (repId: string, sets: number) => [
    ...events('contact', repId, 40, day(2), (i) => `${repId}-C${i}`),
    ...Array.from({ length: sets }, (_, i) => event('appointment_set', repId, `${repId}-C${i}`, day(3) + i * 60_000)),
  ];
  const visits = (repId: string, shown: number, demos: number, sold: number) => [
    ...events('appointment_shown', repId, shown, day(5)),
    ...events('demo', repId, demos, day(6)),
    ...events('sold', repId, sold, day(20)),
  ];
  return [
    ...contacts('A', 4),
    ...visits('A', 4, 3, 2),
    ...contacts('B', 24),
    ...visits('B', 24, 14, 7),
    ...contacts('S', 20),
  ];
}

const reps = [rep('A'), rep('B'), rep('S', { role: 'setter' })];
const cards = (coaching: CoachingResult): DesiredRecord[] => coaching.desired.filter((d) => d.kind === 'scorecard');
const byKey = (coaching: CoachingResult, key: string): DesiredRecord | undefined =>
  cards(coaching).find((d) => d.key === key);

describe('scorecards', () => {
  const coaching = run(model, { reps, events: activity() });

  it('given three reps, then two scorecards each, keyed by month and for the window, each owned by its rep', () => {
    expect(cards(coaching).map((d) => [d.key, d.createOnly.OwnerId])).toEqual([
      ['v1:scorecard:A:month:2026-11', 'A'],
      ['v1:scorecard:A:window', 'A'],
      ['v1:scorecard:B:month:2026-11', 'B'],
      ['v1:scorecard:B:window', 'B'],
      ['v1:scorecard:S:month:2026-11', 'S'],
      ['v1:scorecard:S:window', 'S'],
    ]);
    expect(
      cards(coaching).every((d) => d.object === 'Coaching_Scorecard__c' && d.keyField === 'Scorecard_Key__c'),
    ).toBe(true);
  });

  it('given a flagged salesperson, then the month’s card counts the mapped steps, the goal, the pace, the open flag and the focus', () => {
    const card = byKey(coaching, 'v1:scorecard:A:month:2026-11');
    expect(card?.fields).toMatchObject({
      Salesperson__c: 'A',
      Manager__c: 'MGR1',
      Role__c: 'Salesperson',
      Period__c: 'Month to date',
      Period_Start__c: '2026-11-01',
      Period_End__c: '2026-11-24',
      Contacts__c: 40,
      Appointments_Set__c: 4,
      Sold__c: 2,
      Goal__c: 10,
      Open_Flags__c: 1,
      Pace__c: 'Behind',
    });
    expect(String(card?.fields.Focus__c)).toMatch(/^Appointment set rate/);
    // A rate per customer is not a ratio of event counts: the month's card gives the counts, the window's the rate.
    expect(String(card?.fields.Measures__c)).toBe(
      'Appointment set rate: Contact 40 → Appointment set 4 (per customer: window card)\n' +
        'This month so far; every measure, judged as the flags are, is on the window scorecard.',
    );
    expect(byKey(coaching, 'v1:scorecard:A:window')?.fields.Measures__c).toBe(
      'Appointment set rate: 10% of 40, target 60% (team 35%)',
    );
  });

  it('given the goal plan, then Today_Needs says what each of the 5 working days left needs of the first two steps, this week’s 4 (Wednesday to Saturday), and the pace', () => {
    const plan = coaching.plans.find((p) => p.repId === 'A');
    const need = (step: string, done: number): number =>
      Math.ceil(Math.max(0, (plan?.steps.find((s) => s.step === step)?.requiredPerMonth ?? NaN) - done) / 5);
    const expected = plan?.steps.find((s) => s.step === 'sold')?.expectedByNow;
    expect(expected).toBe(8);
    expect(byKey(coaching, 'v1:scorecard:A:window')?.fields.Today_Needs__c).toBe(
      `Per working day left (5): Contact ${need('contact', 40)}, Appointment shown ${need('appointment_shown', 4)}; ` +
        `this week (4 days): ${need('contact', 40) * 4}, ${need('appointment_shown', 4) * 4} → Sold goal 10 this month. Behind: 2 so far, 8 expected by now.`,
    );
    expect(need('contact', 40)).toBeGreaterThan(0);
  });

  it('given the month’s last day is a Monday, then this week is that one day: the plan is the month’s', () => {
    const lastDay = run(model, { reps, events: activity(), now: local('2026-11-30', '09:00') });
    expect(String(byKey(lastDay, 'v1:scorecard:A:window')?.fields.Today_Needs__c)).toMatch(
      /^Per working day left \(1\): .*; this week \(1 day\): /,
    );
  });

  it('given a salesperson with no flag, then no open flag, and the focus says so', () => {
    expect(byKey(coaching, 'v1:scorecard:B:window')?.fields).toMatchObject({
      Open_Flags__c: 0,
      Focus__c: 'No flag this period',
      Sold__c: 7,
    });
  });

  it('given a setter, who has no goal plan, then the card counts their steps without goal, pace or daily need', () => {
    expect(byKey(coaching, 'v1:scorecard:S:window')?.fields).toMatchObject({
      Role__c: 'Setter',
      Contacts__c: 40,
      Goal__c: null,
      Expected_By_Now__c: null,
      Pace__c: null,
      Today_Needs__c: null,
    });
  });

  it('given a conversion counted by events with more ends this month than starts, then the month’s line caps the rate and says so', () => {
    const shows = modelBuilder()
      .measures(
        ratio({
          id: 'show_rate',
          label: 'Show rate',
          from: 'appointment_set',
          to: 'appointment_shown',
          basis: 'count',
        }),
      )
      .writeBack({ scorecard: model.writeBack.scorecard })
      .build();
    const month = (events: ReturnType<typeof activity>): string =>
      String(byKey(run(shows, { reps, events }), 'v1:scorecard:A:month:2026-11')?.fields.Measures__c);
    expect(month(activity())).toMatch(/^Show rate: 100% \(4 of 4\), target 60% \(team 100%\)/);
    expect(month([...activity(), ...events('appointment_shown', 'A', 3, day(7))])).toMatch(
      /^Show rate: 100% \(7 for 4, capped\), target 60%/,
    );
  });

  it('given scorecards turned off, then none is desired', () => {
    expect(cards(run(base, { reps, events: activity() }))).toEqual([]);
  });
});
