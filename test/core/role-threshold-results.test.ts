import type { GoalPerDay } from '../../src/core/measure-volume';
import { atRoleThresholds } from '../../src/core/role-thresholds';
import { poissonLowerTail } from '../../src/core/stats';
import { integrity, overdue, ratio, rep, responseTime, sequence, staleLead, volume } from './builders';
import {
  callsResult,
  integrityResult,
  overdueResult,
  ratioResult,
  responseResult,
  sequenceResult,
  staleResult,
} from './result-builders';

const setter = rep('S', { role: 'setter' });
const salesperson = rep('A');
const noGoal: GoalPerDay = () => null;

describe("a rep's result at their role's thresholds", () => {
  it('given thresholds for another role only, then the result is the measure’s own, untouched', () => {
    const result = ratioResult(10, 40);
    expect(atRoleThresholds(result, ratio({ byRole: { setter: { target: 0.45 } } }), salesperson, noGoal)).toBe(result);
    expect(atRoleThresholds(result, ratio(), setter, noGoal)).toBe(result);
  });

  it('given each kind with its own threshold for the role, then that threshold; with another kind’s only, the measure’s', () => {
    const at = (result: Parameters<typeof atRoleThresholds>[0], measure: Parameters<typeof atRoleThresholds>[1]) =>
      atRoleThresholds(result, measure, setter, noGoal);
    expect(at(ratioResult(10, 40), ratio({ byRole: { setter: { target: 0.45 } } }))).toMatchObject({ target: 0.45 });
    expect(at(responseResult(10, 40), responseTime({ byRole: { setter: { target: 0.9 } } }))).toMatchObject({
      target: 0.9,
    });
    expect(at(sequenceResult(1, 40), sequence({ byRole: { setter: { maxSkipShare: 0.2 } } }))).toMatchObject({
      maxSkipShare: 0.2,
    });
    expect(at(integrityResult(1, 40), integrity({ byRole: { setter: { maxSuspiciousShare: 0.1 } } }))).toMatchObject({
      maxSuspiciousShare: 0.1,
    });
    expect(at(overdueResult(4, 2), overdue({ byRole: { setter: { maxAllowed: 5 } } }))).toMatchObject({
      maxAllowed: 5,
    });
    expect(at(staleResult(4, 2), staleLead({ byRole: { setter: { maxAllowed: 6 } } }))).toMatchObject({
      maxAllowed: 6,
    });
    const minOnly = { byRole: { setter: { minSample: 60 } } };
    for (const [result, measure] of [
      [ratioResult(10, 40), ratio(minOnly)],
      [responseResult(10, 40), responseTime(minOnly)],
      [sequenceResult(1, 40), sequence(minOnly)],
      [integrityResult(1, 40), integrity(minOnly)],
      [overdueResult(4, 2), overdue(minOnly)],
      [staleResult(4, 2), staleLead(minOnly)],
      [callsResult(100, 200), volume(minOnly)],
    ] as const)
      expect(at(result, measure)).toBe(result);
  });

  it('given a fixed daily volume for the role, then the expectation and its tail are recomputed from the counts', () => {
    const result = atRoleThresholds(
      callsResult(300, 200),
      volume({ byRole: { setter: { perDay: 40 } } }),
      setter,
      noGoal,
    );
    expect(result).toMatchObject({
      expectedPerDay: 40,
      expected: 800,
      expectedAtOwnPerDay: null,
      lowerTail: poissonLowerTail(300, 800),
    });
  });

  it('given a goal volume for the role, then a salesperson’s plan sets it, and a setter, who has none, has no expectation', () => {
    const measure = volume({ perDay: 10, byRole: { salesperson: { perDay: 'goal' }, setter: { perDay: 'goal' } } });
    const plan: GoalPerDay = (_who, step) => (step === 'attempt' ? { atTeam: 12, atOwn: 18 } : null);
    expect(atRoleThresholds(callsResult(200, 200), measure, salesperson, plan)).toMatchObject({
      expectedPerDay: 12,
      expected: 240,
      expectedAtOwnPerDay: 18,
      lowerTail: poissonLowerTail(200, 240),
    });
    expect(atRoleThresholds(callsResult(200, 200), measure, setter, plan)).toMatchObject({
      expectedPerDay: null,
      expected: null,
      expectedAtOwnPerDay: null,
      lowerTail: null,
    });
  });
});
