import type { MeasureResult, Scorecard } from '../../src/core/measure-results';
import type { Rep } from '../../src/core/model';
import { countPValue } from '../../src/core/significance';
import { MIN_TEAM_MEMBERS, teamTests } from '../../src/core/team-diagnosis';
import { modelBuilder, overdue, ratio, rep, staleLead, volume } from './builders';
import { callsResult, overdueResult, ratioResult, staleResult } from './result-builders';

/** Scorecards of reps, each with one result per measure, in the model's order. */
const cards = (reps: readonly Rep[], resultsOf: (rep: Rep) => MeasureResult[]): Scorecard[] =>
  reps.map((r) => ({ repId: r.id, name: r.name, role: r.role, members: 1, results: resultsOf(r) }));
const none = (): boolean => false;

describe('which teams are tested', () => {
  const model = modelBuilder().measures(ratio()).build();
  const weak = (): MeasureResult[] => [ratioResult(10, 40)]; // 25% against 60%

  it('given reps of two managers and two roles, then one test per manager × role, in a fixed order', () => {
    const reps = [
      rep('A', { managerId: 'M2' }),
      rep('B', { managerId: 'M2' }),
      rep('C', { managerId: 'M1' }),
      rep('D', { managerId: 'M1' }),
      rep('S', { managerId: 'M1', role: 'setter' }),
      rep('T', { managerId: 'M1', role: 'setter' }),
    ];
    const tests = teamTests({ model, reps, scorecards: cards(reps, weak), isOutlier: none });
    expect(tests.map((t) => [t.managerId, t.role, t.members])).toEqual([
      ['M1', 'salesperson', [2, 3]],
      ['M1', 'setter', [4, 5]],
      ['M2', 'salesperson', [0, 1]],
    ]);
    expect(tests.every((t) => t.p < 0.001)).toBe(true);
  });

  it('given managers listed in reverse, then their teams still come in Id order', () => {
    const reps = ['M3', 'M2', 'M1'].flatMap((m) => [rep(`${m}a`, { managerId: m }), rep(`${m}b`, { managerId: m })]);
    const tests = teamTests({ model, reps, scorecards: cards(reps, weak), isOutlier: none });
    expect(tests.map((t) => t.managerId)).toEqual(['M1', 'M2', 'M3']);
  });

  it(`given a rep without a manager, or a team of fewer than ${MIN_TEAM_MEMBERS}, then no team test`, () => {
    const reps = [rep('A', { managerId: null }), rep('B', { managerId: null }), rep('C', { managerId: 'M1' })];
    expect(teamTests({ model, reps, scorecards: cards(reps, weak), isOutlier: none })).toEqual([]);
    const two = [rep('A', { managerId: 'M1' }), rep('B', { managerId: 'M1' })];
    expect(teamTests({ model, reps: two, scorecards: cards(two, weak), isOutlier: none })).toHaveLength(1);
  });

  it('given a rep clearly worse than the peers, then left out of the pool, and a team of one left is no team', () => {
    const reps = [rep('A', { managerId: 'M1' }), rep('B', { managerId: 'M1' }), rep('C', { managerId: 'M1' })];
    const results = (r: Rep): MeasureResult[] => [r.id === 'A' ? ratioResult(0, 40) : ratioResult(24, 40)];
    const [test] = teamTests({ model, reps, scorecards: cards(reps, results), isOutlier: (index) => index === 0 });
    expect(test?.members).toEqual([1, 2]);
    expect(test?.result).toMatchObject({ successes: 48, trials: 80 });
    const alone = teamTests({ model, reps, scorecards: cards(reps, results), isOutlier: (index) => index !== 2 });
    expect(alone).toEqual([]);
  });

  it('given a team whose pooled sample is below the minimum, then no test', () => {
    const reps = [rep('A', { managerId: 'M1' }), rep('B', { managerId: 'M1' })];
    const few = (): MeasureResult[] => [ratioResult(0, 5)];
    expect(teamTests({ model, reps, scorecards: cards(reps, few), isOutlier: none })).toEqual([]);
  });

  it('given a team with no sample at all, then no test', () => {
    const reps = [rep('A', { managerId: 'M1' }), rep('B', { managerId: 'M1' })];
    expect(teamTests({ model, reps, scorecards: cards(reps, () => []), isOutlier: none })).toEqual([]);
  });
});

describe('volumes for a team', () => {
  const reps = [rep('A', { managerId: 'M1' }), rep('B', { managerId: 'M1' }), rep('C', { managerId: 'M1' })];

  it('given a volume that follows the goal, then it is not tested; a fixed one is', () => {
    const short = (): MeasureResult[] => [callsResult(100, 200)];
    const goal = modelBuilder()
      .measures(volume({ perDay: 'goal' }))
      .build();
    expect(teamTests({ model: goal, reps, scorecards: cards(reps, short), isOutlier: none })).toEqual([]);
    const fixed = modelBuilder()
      .measures(volume({ perDay: 10 }))
      .build();
    const [test] = teamTests({ model: fixed, reps, scorecards: cards(reps, short), isOutlier: none });
    expect(test?.result).toMatchObject({ observed: 300, expected: 600 });
    expect(test?.p).toBeLessThan(0.001);
  });

  it('given a rep who started during the window, then their ramp-up is not the team’s pace', () => {
    const fixed = modelBuilder()
      .measures(volume({ perDay: 10 }))
      .build();
    const results = (r: Rep): MeasureResult[] => [
      r.id === 'C' ? callsResult(10, 200, null, { joinedInPeriod: true }) : callsResult(200, 200),
    ];
    const [test] = teamTests({ model: fixed, reps, scorecards: cards(reps, results), isOutlier: none });
    expect(test?.result).toMatchObject({ observed: 400, expected: 400 });
    expect(test?.members).toEqual([0, 1, 2]);
  });
});

describe('open items for a team', () => {
  const reps = [rep('A', { managerId: 'M1' }), rep('B', { managerId: 'M1' }), rep('C', { managerId: 'M1' })];

  it('given overdue follow-ups, then the team’s count is tested against its allowance with the spread', () => {
    const model = modelBuilder()
      .measures(overdue({ maxAllowed: 2 }))
      .build();
    const results = (r: Rep): MeasureResult[] => [overdueResult(r.id === 'A' ? 9 : 8, 2)];
    const [test] = teamTests({ model, reps, scorecards: cards(reps, results), isOutlier: none });
    // 25 overdue against 3 × 2 allowed, the three counts close together (no extra spread).
    expect(test?.p).toBeCloseTo(countPValue(25, 6, 1, 'above'), 12);
  });

  it('given stale leads a little over the team’s allowance, then a question of spread, not a fact as for one rep', () => {
    const model = modelBuilder()
      .measures(staleLead({ maxAllowed: 3 }))
      .build();
    const [test] = teamTests({ model, reps, scorecards: cards(reps, () => [staleResult(4, 3)]), isOutlier: none });
    // 12 idle leads against 3 × 3 allowed: about one chance in five for a team working at its allowance.
    expect(test?.p).toBeCloseTo(countPValue(12, 9, 1, 'above'), 12);
    expect(test?.p).toBeGreaterThan(0.1);
  });

  it('given stale leads within the allowance, then the team is not worse (p 1)', () => {
    const model = modelBuilder()
      .measures(staleLead({ maxAllowed: 3 }))
      .build();
    const [test] = teamTests({ model, reps, scorecards: cards(reps, () => [staleResult(2, 3)]), isOutlier: none });
    expect(test?.p).toBe(1);
  });
});

describe('the order of teams, and a team allowed nothing', () => {
  it('given a manager’s setters listed before the salespeople, when tested, then by manager Id, then salespeople first', () => {
    const model = modelBuilder().measures(ratio()).build();
    const reps = [
      rep('S1', { managerId: 'M1', role: 'setter' }),
      rep('S2', { managerId: 'M1', role: 'setter' }),
      rep('A', { managerId: 'M2' }),
      rep('B', { managerId: 'M2' }),
      rep('C', { managerId: 'M1' }),
      rep('D', { managerId: 'M1' }),
    ];
    const tests = teamTests({ model, reps, scorecards: cards(reps, () => [ratioResult(10, 40)]), isOutlier: none });
    expect(tests.map((t) => [t.managerId, t.role])).toEqual([
      ['M1', 'salesperson'],
      ['M1', 'setter'],
      ['M2', 'salesperson'],
    ]);
  });

  it('given a team allowed no overdue item that has some, when tested, then it is over its allowance (p 0)', () => {
    const model = modelBuilder()
      .measures(overdue({ maxAllowed: 0 }))
      .build();
    const reps = [rep('A', { managerId: 'M1' }), rep('B', { managerId: 'M1' })];
    const [test] = teamTests({ model, reps, scorecards: cards(reps, () => [overdueResult(1, 0)]), isOutlier: none });
    expect(test?.p).toBe(0);
  });
});
