import type { IntegrityResult, SequenceResult } from '../../src/core/measure-results';
import { pooledResult } from '../../src/core/pooled-result';
import { wilsonInterval } from '../../src/core/stats';
import {
  callsResult,
  integrityResult,
  overdueResult,
  ratioResult,
  responseResult,
  sequenceResult,
  staleResult,
} from './result-builders';

describe("a team's pooled result", () => {
  it('given no results, then none', () => {
    expect(pooledResult([], 0.9)).toBeNull();
  });

  it('given volumes, then calls and days add up, and the expectation only when every rep has one', () => {
    const pooled = pooledResult([callsResult(100, 200, 3), callsResult(300, 200, 5)], 0.9);
    expect(pooled).toMatchObject({
      observed: 400,
      workingDays: 40,
      value: 10,
      expected: 400,
      expectedPerDay: 10,
      expectedAtOwnPerDay: null,
      lowerTail: null,
      joinedInPeriod: false,
      dailyDispersion: null,
    });
    expect(pooledResult([callsResult(100, 200), callsResult(300, null)], 0.9)).toMatchObject({
      expected: null,
      expectedPerDay: null,
    });
    expect(pooledResult([callsResult(0, 0, null, { workingDays: 0 })], 0.9)).toMatchObject({
      value: null,
      expectedPerDay: null,
    });
  });

  it('given rates, then the counts add up and the rate and interval come from the sums', () => {
    expect(pooledResult([ratioResult(10, 40), ratioResult(30, 60)], 0.9)).toMatchObject({
      successes: 40,
      trials: 100,
      value: 0.4,
      interval: wilsonInterval(40, 100, 0.9),
    });
    expect(pooledResult([ratioResult(0, 0), ratioResult(0, 0)], 0.9)).toMatchObject({ value: null, interval: null });
  });

  it('given response times, then answered, decided and pending add up; no median for a pool', () => {
    const pending = { ...responseResult(30, 40), pending: 2, medianMinutes: 12 };
    expect(pooledResult([pending, { ...responseResult(10, 20), pending: 1 }], 0.9)).toMatchObject({
      within: 40,
      decided: 60,
      pending: 3,
      value: 40 / 60,
      interval: wilsonInterval(40, 60, 0.9),
      medianMinutes: null,
    });
  });

  it('given skips and suspicious events, then counts and counts by step add up', () => {
    const skips: SequenceResult[] = [
      { ...sequenceResult(3, 20), skippedBySteps: { demo: 2, needs_analysis: 1 } },
      { ...sequenceResult(5, 30), skippedBySteps: { demo: 5 } },
    ];
    expect(pooledResult(skips, 0.9)).toMatchObject({
      skipped: 8,
      reached: 50,
      value: 0.16,
      interval: wilsonInterval(8, 50, 0.9),
      skippedBySteps: { demo: 7, needs_analysis: 1 },
    });
    const fakes: IntegrityResult[] = [
      { ...integrityResult(4, 100), inBursts: 3, tooShort: 1, suspiciousBySteps: { attempt: 4 } },
      { ...integrityResult(6, 50), inBursts: 6, tooShort: 0, suspiciousBySteps: { attempt: 2, contact: 4 } },
    ];
    expect(pooledResult(fakes, 0.9)).toMatchObject({
      suspicious: 10,
      checked: 150,
      inBursts: 9,
      tooShort: 1,
      suspiciousBySteps: { attempt: 6, contact: 4 },
      value: 10 / 150,
    });
  });

  it("given open items, then the team's count against its members' allowances, the value per rep", () => {
    const overdue = pooledResult([overdueResult(4, 2), overdueResult(1, 2), overdueResult(1, 2)], 0.9);
    expect(overdue).toMatchObject({ count: 6, maxAllowed: 6, items: [], value: 2 });
    const stale = pooledResult([staleResult(3, 5), staleResult(6, 5)], 0.9);
    expect(stale).toMatchObject({ count: 9, maxAllowed: 10, leads: [], value: 4.5 });
  });

  it('given a result of another kind among them (never, for one measure), then it is left out', () => {
    expect(pooledResult([ratioResult(10, 40), overdueResult(3)], 0.9)).toMatchObject({ successes: 10, trials: 40 });
    expect(pooledResult([overdueResult(3, 1), ratioResult(10, 40)], 0.9)).toMatchObject({ count: 3, maxAllowed: 1 });
  });
});
