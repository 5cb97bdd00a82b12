import type { CoachingResult } from '../../src/core/coach';
import { targetOf } from '../../src/core/weakness';
import type { MeasureModel } from '../../src/core/model';
import { minSampleOf } from '../../src/core/rules';
import { poissonLowerTail } from '../../src/core/stats';
import {
  event,
  events,
  integrity,
  local,
  modelBuilder,
  overdue,
  ratio,
  rep,
  resultOf,
  responseTime,
  run,
  sequence,
  staleLead,
  volume,
} from './builders';

const day = (d: number, time = '10:00'): number => local(`2026-11-${String(d).padStart(2, '0')}`, time);
const flaggedOf = (coaching: CoachingResult, repId: string) =>
  coaching.diagnoses.find((d) => d.repId === repId)?.flagged ?? [];
const flagRecordOf = (coaching: CoachingResult, repId: string) =>
  coaching.desired.find((d) => d.kind === 'flag' && d.key.startsWith(`v1:set_rate:${repId}:`));

/** `contacts` contacts on distinct customers, the first `sets` of them followed by an appointment. */
function contactsAndSets(repId: string, contacts: number, sets: number) {
  return [
    ...events('contact', repId, contacts, day(2), (i) => `${repId}-C${i}`),
    ...Array.from({ length: sets }, (_, i) => event('appointment_set', repId, `${repId}-C${i}`, day(20) + i * 60_000)),
  ];
}

const setter = (id: string) => rep(id, { role: 'setter', managerId: 'BDC1' });
const salespeople = ['A', 'B', 'C'].map((id) => rep(id));
/** Salespeople setting 65% of their contacts: above the salespeople's target. */
const salesEvents = salespeople.flatMap((r) => contactsAndSets(r.id, 100, 65));

describe('a setter is held to the setters’ threshold', () => {
  const base = modelBuilder()
    .measures(ratio({ target: 0.6 }))
    .build();
  const byRole = modelBuilder()
    .measures(ratio({ target: 0.6, byRole: { setter: { target: 0.45 } } }))
    .build();

  it('given a lone setter at 45% on 100 contacts, then flagged against 60%, but not against the setters’ 45%', () => {
    const reps = [...salespeople, setter('S')];
    const events = [...salesEvents, ...contactsAndSets('S', 100, 45)];
    expect(flaggedOf(run(base, { reps, events }), 'S').map((f) => f.measure)).toEqual(['set_rate']);
    const coaching = run(byRole, { reps, events });
    expect(flaggedOf(coaching, 'S')).toEqual([]);
    expect(resultOf(coaching, 'S', 'set_rate', 'ratio').target).toBe(0.45);
  });

  it('given a BDC team all at 45%, then a team finding against 60%, and none against the setters’ 45%', () => {
    const setters = ['S1', 'S2', 'S3'].map(setter);
    const reps = [...salespeople, ...setters];
    const events = [...salesEvents, ...setters.flatMap((s) => contactsAndSets(s.id, 100, 45))];
    expect(run(base, { reps, events }).teamFindings).toEqual([
      expect.objectContaining({ managerId: 'BDC1', role: 'setter', measure: 'set_rate', target: 0.6 }),
    ]);
    expect(run(byRole, { reps, events }).teamFindings).toEqual([]);
  });

  it('given a setter at 20% among setters at 50%, then flagged, and the flag’s Target__c is the setters’ 45%', () => {
    const setters = ['S1', 'S2', 'S3', 'S4'].map(setter);
    const reps = [...salespeople, rep('D'), ...setters];
    const events = [
      ...salesEvents,
      ...contactsAndSets('D', 100, 20),
      ...setters.slice(0, 3).flatMap((s) => contactsAndSets(s.id, 100, 50)),
      ...contactsAndSets('S4', 100, 20),
    ];
    const coaching = run(byRole, { reps, events });
    const [finding] = flaggedOf(coaching, 'S4');
    expect(finding).toMatchObject({ measure: 'set_rate', actual: 0.2, target: 0.45 });
    expect(finding?.summary).toContain('target 45%');
    expect(finding?.evidence).toContain('Peers (3 other setters of North): 50%.');
    expect(flagRecordOf(coaching, 'S4')?.fields.Target__c).toBe(0.45);
    // The salesperson at the same 20% is still held to the salespeople's 60%.
    expect(flagRecordOf(coaching, 'D')?.fields.Target__c).toBe(0.6);
    expect(['S1', 'S2', 'S3'].flatMap((id) => flaggedOf(coaching, id))).toEqual([]);
  });
});

describe('a role’s own minimum sample', () => {
  const measure = ratio({ minSample: 30, byRole: { setter: { minSample: 60 } } });
  const model = modelBuilder().measures(measure).coaching({ minSample: 20 }).build();

  it('given a setter and a salesperson at 10% on 50 contacts, then only the salesperson, above 30, is judged', () => {
    const reps = [...salespeople, rep('D'), setter('S')];
    const events = [...salesEvents, ...contactsAndSets('D', 50, 5), ...contactsAndSets('S', 50, 5)];
    const coaching = run(model, { reps, events });
    expect(flaggedOf(coaching, 'D').map((f) => f.measure)).toEqual(['set_rate']);
    expect(flaggedOf(coaching, 'S')).toEqual([]);
  });

  it('given a role, then its own minimum sample, else the measure’s, else the coaching default', () => {
    expect(minSampleOf(measure, model, 'setter')).toBe(60);
    expect(minSampleOf(measure, model, 'salesperson')).toBe(30);
    expect(minSampleOf(measure, model)).toBe(30);
    expect(minSampleOf(ratio({ byRole: { setter: { target: 0.4 } } }), model, 'setter')).toBe(20);
  });
});

describe('every kind carries the rep’s role’s threshold', () => {
  const measures: MeasureModel[] = [
    ratio({ target: 0.6, byRole: { setter: { target: 0.45 } } }),
    responseTime({ target: 0.8, byRole: { setter: { target: 0.9 } } }),
    overdue({ maxAllowed: 2, byRole: { setter: { maxAllowed: 5 } } }),
    staleLead({ maxAllowed: 1, byRole: { setter: { maxAllowed: 4 } } }),
    sequence({ maxSkipShare: 0.1, byRole: { setter: { maxSkipShare: 0.2 } } }),
    integrity({ maxSuspiciousShare: 0.05, byRole: { salesperson: { maxSuspiciousShare: 0.02 } } }),
    volume({ perDay: 10, byRole: { setter: { perDay: 40 } } }),
  ];
  const coaching = run(
    modelBuilder()
      .measures(...measures)
      .build(),
    { reps: [rep('A'), setter('S')] },
  );
  const thresholds = (repId: string | null) => {
    const card = repId === null ? coaching.team : coaching.scorecards.find((c) => c.repId === repId);
    return card?.results.map(targetOf);
  };

  it('given thresholds per role on every kind, then a setter’s results carry the setters’ where set', () => {
    expect(thresholds('S')).toEqual([0.45, 0.9, 5, 4, 0.2, 0.05, 40]);
  });

  it('given the same, then a salesperson’s carry the salespeople’s, and the team’s the measure’s own', () => {
    expect(thresholds('A')).toEqual([0.6, 0.8, 2, 1, 0.1, 0.02, 10]);
    expect(thresholds(null)).toEqual([0.6, 0.8, 2, 1, 0.1, 0.05, 10]);
  });
});

describe('a volume per role', () => {
  const calls = volume({ step: 'contact', perDay: 'goal', byRole: { setter: { perDay: 40 } } });
  const model = modelBuilder().measures(calls).build();
  const reps = [rep('A'), setter('S')];
  const coaching = run(model, {
    reps,
    events: [
      ...reps.flatMap((r) => events('contact', r.id, 300, day(2), (i) => `${r.id}-L${i}`)),
      ...events('appointment_shown', 'A', 60, day(3), (i) => `A-L${i}`),
      ...events('demo', 'A', 40, day(4), (i) => `A-L${i}`),
      ...events('sold', 'A', 10, day(5), (i) => `A-L${i}`),
    ],
  });

  it('given setters expected 40 calls a day and salespeople the goal, then the setter’s expectation is 40', () => {
    const result = resultOf(coaching, 'S', 'calls', 'volume');
    expect(result).toMatchObject({ expectedPerDay: 40, expectedAtOwnPerDay: null, expected: 40 * result.workingDays });
    expect(result.lowerTail).toBeCloseTo(poissonLowerTail(300, 40 * result.workingDays), 12);
  });

  it('given the same, then the salesperson’s follows the goal plan, and the team has no single expectation', () => {
    const plan = coaching.plans.find((p) => p.repId === 'A')?.steps.find((s) => s.step === 'contact');
    expect(plan?.requiredPerWorkingDayAtTeam).toEqual(expect.any(Number));
    expect(resultOf(coaching, 'A', 'calls', 'volume').expectedPerDay).toBe(plan?.requiredPerWorkingDayAtTeam);
    expect(resultOf(coaching, null, 'calls', 'volume').expected).toBeNull();
  });
});
