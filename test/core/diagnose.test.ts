import type { CoachingResult } from '../../src/core/coach';
import {
  event,
  events,
  followUp,
  integrity,
  local,
  modelBuilder,
  overdue,
  ratio,
  rep,
  responseTime,
  run,
  sequence,
  volume,
} from './builders';

const day = (d: number, time = '10:00'): number => local(`2026-11-${String(d).padStart(2, '0')}`, time);
const findingsOf = (coaching: CoachingResult, repId: string) => coaching.diagnoses.find((d) => d.repId === repId);

/** `contacts` contacts on distinct customers, the first `sets` of them followed by an appointment. */
function contactsAndSets(repId: string, contacts: number, sets: number) {
  return [
    ...events('contact', repId, contacts, day(2), (i) => `${repId}-C${i}`),
    ...Array.from({ length: sets }, (_, i) => event('appointment_set', repId, `${repId}-C${i}`, day(20) + i * 60_000)),
  ];
}

describe('diagnosing a ratio (Skill)', () => {
  const model = modelBuilder().measures(ratio()).build();
  const team = [...contactsAndSets('B', 40, 24), ...events('sold', 'B', 7, day(21))];

  it('given a rep with 5 contacts and no appointment, then no Skill finding: the sample is below minSample', () => {
    const coaching = run(model, { reps: [rep('A'), rep('B')], events: [...contactsAndSets('A', 5, 0), ...team] });
    expect(findingsOf(coaching, 'A')?.flagged).toEqual([]);
  });

  it('given 40 contacts and 4 appointments against a 60% target, then a Skill finding priced in units a month', () => {
    const coaching = run(model, { reps: [rep('A'), rep('B')], events: [...contactsAndSets('A', 40, 4), ...team] });
    const [finding] = findingsOf(coaching, 'A')?.flagged ?? [];
    // Team: 28 of 80 contacts set (35%); 7 sold of 28 set (25%); November has 25 working days, the window 24.
    expect(finding).toMatchObject({
      measure: 'set_rate',
      diagnosis: 'Skill',
      step: 'appointment_set',
      actual: 0.1,
      target: 0.6,
      teamValue: 0.35,
      sampleSize: 40,
      lostUnits: Math.round(40 * (0.6 - 0.1) * 0.25 * (25 / 24) * 100) / 100,
      severity: 'High',
      isFocus: true,
    });
    expect(finding?.summary).toBe(
      'Appointment set rate 10% (team 35%, target 60%): coach turning contact into appointment set',
    );
    expect(finding?.evidence).toContain('4 of 40 (customers) = 10%; 90% interval');
    // Every appointment came 18 days after its contact: the cohort waits as long as it may, half the window.
    expect(finding?.evidence).toContain(
      "Customers of the window's last 14 days are not counted yet: 9 in 10 of those who reach appointment set do so within that time.",
    );
    expect(findingsOf(coaching, 'B')?.flagged).toEqual([]);
  });

  it('given a rate below target whose interval still reaches it, then no finding', () => {
    const coaching = run(model, { reps: [rep('A')], events: contactsAndSets('A', 40, 21) });
    expect(findingsOf(coaching, 'A')?.flagged).toEqual([]);
  });

  it('given no contacts at all, then no finding and nothing NaN', () => {
    const coaching = run(model, { reps: [rep('A')] });
    expect(findingsOf(coaching, 'A')?.flagged).toEqual([]);
    expect(JSON.stringify(coaching)).not.toContain('NaN');
  });
});

describe('diagnosing volume (Activity)', () => {
  it('given 200 calls against 240 expected, then flagged; 235 is within chance and is not', () => {
    const model = modelBuilder()
      .measures(volume({ perDay: 10 }))
      .build();
    const calls = (n: number) =>
      events('attempt', 'A', n, day(2), undefined).map((e, i) => ({ ...e, at: day(2) + i * 600_000 }));
    expect(findingsOf(run(model, { events: calls(200) }), 'A')?.flagged.map((f) => f.diagnosis)).toEqual(['Activity']);
    expect(findingsOf(run(model, { events: calls(235) }), 'A')?.flagged).toEqual([]);
  });

  it('given an expectation below the minimum sample, then doing none is not tested; above it, it is flagged', () => {
    const expecting = (perDay: number) => modelBuilder().measures(volume({ perDay })).build();
    // 24 working days and a minimum sample of 20: half a call a day expects 12 (untested), 2 a day 48.
    expect(findingsOf(run(expecting(0.5)), 'A')?.flagged).toEqual([]);
    expect(findingsOf(run(expecting(2)), 'A')?.flagged.map((f) => f.diagnosis)).toEqual(['Activity']);
  });
});

describe('diagnosing the other kinds', () => {
  it('given responses mostly late, then flagged only on the minimum sample and when the whole interval is below the target', () => {
    const model = modelBuilder().measures(responseTime()).build();
    const leads = (late: number, fast: number) =>
      Array.from({ length: late + fast }, (_, i) => [
        event('lead', 'A', `L${i}`, day(3) + i * 3_600_000),
        event('attempt', 'A', `L${i}`, day(3) + i * 3_600_000 + (i < late ? 90 : 5) * 60_000),
      ]).flat();
    expect(findingsOf(run(model, { events: leads(32, 8) }), 'A')?.flagged.map((f) => f.measure)).toEqual([
      'lead_response',
    ]);
    // One late lead, or eight of ten, is no sample to judge a rep on.
    expect(findingsOf(run(model, { events: leads(8, 2) }), 'A')?.flagged).toEqual([]);
    // 28 of 40 (70%) against 80%: the interval still reaches the target.
    expect(findingsOf(run(model, { events: leads(12, 28) }), 'A')?.flagged).toEqual([]);
  });

  it('given sales without a demo, then a Knowledge finding on the skipped step on the minimum sample', () => {
    const model = modelBuilder().measures(sequence()).build();
    // Another rep records demos: the step is mapped, and A is the one who skips it.
    const reps = [rep('A'), rep('B')];
    const demoB = [event('demo', 'B', 'OB1', day(4)), event('sold', 'B', 'OB1', day(5))];
    const sales = (n: number) => [...demoB, ...events('sold', 'A', n, day(5), (i) => `O${i}`)];
    const [finding] = findingsOf(run(model, { reps, events: sales(32) }), 'A')?.flagged ?? [];
    expect(finding).toMatchObject({ diagnosis: 'Knowledge', step: 'demo', actual: 1 });
    expect(findingsOf(run(model, { reps, events: sales(6) }), 'A')?.flagged).toEqual([]);
    const withDemos = [...sales(32), ...events('demo', 'A', 30, day(4), (i) => `O${i}`)];
    expect(findingsOf(run(model, { reps, events: withDemos }), 'A')?.flagged).toEqual([]);
  });

  it('given overdue items above the allowance, then an Activity finding; at the allowance none', () => {
    const model = modelBuilder()
      .measures(overdue({ maxAllowed: 2 }))
      .build();
    const items = (n: number) =>
      Array.from({ length: n }, (_, i) => followUp('A', '2026-11-20', { recordId: `T${i}` }));
    expect(findingsOf(run(model, { facts: items(3) }), 'A')?.flagged.map((f) => f.sampleSize)).toEqual([3]);
    expect(findingsOf(run(model, { facts: items(2) }), 'A')?.flagged).toEqual([]);
  });

  it('given a burst of fake calls, then an integrity finding on the faked step', () => {
    const model = modelBuilder().measures(integrity()).build();
    const burst = Array.from({ length: 12 }, (_, i) => event('attempt', 'A', `L${i}`, day(9) + i * 20_000));
    const [finding] =
      findingsOf(run(model, { events: [...burst, ...events('attempt', 'A', 20, day(10))] }), 'A')?.flagged ?? [];
    expect(finding).toMatchObject({ measure: 'real_calls', step: 'attempt', actual: 12 / 32 });
  });

  it('given 4 odd calls of 50, then no integrity finding: 8% is above 5% but its interval is not', () => {
    const model = modelBuilder().measures(integrity()).build();
    const short = events('contact', 'A', 4, day(9), (i) => `S${i}`).map((e) => ({ ...e, durationSec: 5 }));
    const fine = events('contact', 'A', 46, day(10), (i) => `F${i}`).map((e) => ({ ...e, durationSec: 240 }));
    expect(findingsOf(run(model, { events: [...short, ...fine] }), 'A')?.flagged).toEqual([]);
    const many = events('contact', 'A', 15, day(9), (i) => `M${i}`).map((e) => ({ ...e, durationSec: 5 }));
    expect(findingsOf(run(model, { events: [...many, ...fine] }), 'A')?.flagged.map((f) => f.measure)).toEqual([
      'real_calls',
    ]);
  });
});

describe('choosing what to flag', () => {
  it('given three weaknesses and maxFlagsPerRep 2, then the two biggest leaks are flagged, the biggest is the focus', () => {
    const model = modelBuilder()
      .measures(overdue({ maxAllowed: 0, valueStep: 'contact' }), volume({ step: 'contact', perDay: 5 }), ratio())
      .coaching({ maxFlagsPerRep: 2 })
      .build();
    const coaching = run(model, {
      reps: [rep('A'), rep('B')],
      events: [...contactsAndSets('A', 40, 2), ...contactsAndSets('B', 200, 100), ...events('sold', 'B', 20, day(22))],
      facts: [followUp('A', '2026-11-20')],
    });
    const diagnosis = findingsOf(coaching, 'A');
    const all = [...(diagnosis?.flagged ?? []), ...(diagnosis?.heldBack ?? [])];
    expect(all).toHaveLength(3);
    expect(diagnosis?.flagged).toHaveLength(2);
    const leaks = all.map((f) => f.lostUnits);
    expect(leaks).toEqual([...leaks].sort((a, b) => b - a));
    expect(diagnosis?.flagged.map((f) => f.isFocus)).toEqual([true, false]);
    expect(diagnosis?.heldBack.map((f) => f.isFocus)).toEqual([false]);
  });

  it('given leaks either side of the thresholds, then Low, Medium and High', () => {
    const model = modelBuilder()
      .measures(overdue({ maxAllowed: 0, valueStep: 'sold' }))
      .coaching({ severity: { medium: 2, high: 4 } })
      .build();
    const severity = (n: number) =>
      findingsOf(
        run(model, {
          events: events('sold', 'A', 1, day(3)),
          facts: Array.from({ length: n }, (_, i) => followUp('A', '2026-11-20', { recordId: `T${i}` })),
        }),
        'A',
      )?.flagged[0]?.severity;
    // Each overdue item is priced at the team conversion from sold to sold: 1 unit.
    expect([severity(1), severity(2), severity(4)]).toEqual(['Low', 'Medium', 'High']);
  });
});
