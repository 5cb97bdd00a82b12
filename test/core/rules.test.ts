import { higherIsBetter, isWeak, oneSidedLevel, targetPValue } from '../../src/core/rules';
import {
  callsResult,
  integrityResult,
  overdueResult,
  ratioResult,
  responseResult,
  sequenceResult,
  staleResult,
} from './result-builders';

describe('the minimum sample of each kind', () => {
  it('given a rate on exactly the minimum sample, then it is tested; one customer fewer, it is not', () => {
    expect(targetPValue(ratioResult(10, 30), 30)).toEqual(expect.any(Number));
    expect(targetPValue(ratioResult(10, 29), 30)).toBeNull();
    expect(targetPValue(responseResult(10, 30), 30)).toEqual(expect.any(Number));
    expect(targetPValue(responseResult(10, 29), 30)).toBeNull();
    expect(targetPValue(sequenceResult(10, 30), 30)).toEqual(expect.any(Number));
    expect(targetPValue(sequenceResult(10, 29), 30)).toBeNull();
    expect(targetPValue(integrityResult(10, 30), 30)).toEqual(expect.any(Number));
    expect(targetPValue(integrityResult(10, 29), 30)).toBeNull();
  });

  it('given a volume, then it needs an expectation of the minimum sample, and a rep who was there all along', () => {
    expect(targetPValue(callsResult(10, 30), 30)).toEqual(expect.any(Number));
    expect(targetPValue(callsResult(10, 29.9), 30)).toBeNull();
    expect(targetPValue(callsResult(10, null), 30)).toBeNull();
    expect(targetPValue(callsResult(10, 300, null, { joinedInPeriod: true }), 30)).toBeNull();
  });
});

describe('which side of the threshold is bad', () => {
  it('given rates achieved, then few is bad and many is not', () => {
    expect(targetPValue(ratioResult(6, 40), 30) as number).toBeLessThan(0.001); // 15% against 60%
    expect(targetPValue(ratioResult(36, 40), 30) as number).toBeGreaterThan(0.99);
    expect(targetPValue(responseResult(12, 40, 0.8), 30) as number).toBeLessThan(0.001);
    expect(targetPValue(responseResult(39, 40, 0.8), 30) as number).toBeGreaterThan(0.9);
  });

  it('given shares to keep low, then many is bad and few is not', () => {
    expect(targetPValue(sequenceResult(20, 40, 0.1), 30) as number).toBeLessThan(0.001);
    expect(targetPValue(sequenceResult(1, 40, 0.1), 30) as number).toBeGreaterThan(0.9);
    expect(targetPValue(integrityResult(20, 100, 0.05), 30) as number).toBeLessThan(0.001);
    expect(targetPValue(integrityResult(1, 100, 0.05), 30) as number).toBeGreaterThan(0.9);
  });

  it('given a volume, then doing less is bad, and a wider day-to-day spread makes it less sure', () => {
    const calls = callsResult(200, 240);
    expect(targetPValue(calls, 30) as number).toBeLessThan(0.01);
    expect(targetPValue(calls, 30, 4) as number).toBeGreaterThan(0.05);
    expect(targetPValue(callsResult(260, 240), 30)).toBe(1);
  });

  it('given open items, then more than allowed is a fact (p 0) and exactly the allowance is fine (p 1)', () => {
    expect(targetPValue(overdueResult(4, 3), 30)).toBe(0);
    expect(targetPValue(overdueResult(3, 3), 30)).toBe(1);
    expect(targetPValue(staleResult(6, 5), 30)).toBe(0);
    expect(targetPValue(staleResult(5, 5), 30)).toBe(1);
  });
});

describe('a single test at the stated confidence (commitment checks)', () => {
  it('given a confidence of 0.9, then the one-sided level is 5%', () => {
    expect(oneSidedLevel(0.9)).toBeCloseTo(0.05, 12);
    expect(oneSidedLevel(0.98)).toBeCloseTo(0.01, 12);
  });

  it('given results either side of the level, then weak only when the p-value is below it', () => {
    const settings = { confidence: 0.9, minSample: 30 };
    expect(isWeak(ratioResult(6, 40), settings)).toBe(true);
    expect(isWeak(ratioResult(24, 40), settings)).toBe(false); // exactly at the 60% target
    expect(isWeak(ratioResult(2, 10), settings)).toBe(false); // below the minimum sample
    expect(isWeak(overdueResult(4, 3), settings)).toBe(true);
    expect(isWeak(overdueResult(3, 3), settings)).toBe(false);
  });

  it('given a p-value exactly at the level, then it is not weak (the interval touches the target)', () => {
    // Open items give p 0 or 1 only; a level of 1 (confidence −1) puts p = 1 exactly on it.
    expect(isWeak(overdueResult(3, 3), { confidence: -1, minSample: 30 })).toBe(false);
  });
});

describe('which way is better', () => {
  it('given each kind, then higher is better for volumes and rates, worse for items, skips and fakes', () => {
    expect(higherIsBetter(callsResult(10, 20))).toBe(true);
    expect(higherIsBetter(ratioResult(1, 2))).toBe(true);
    expect(higherIsBetter(responseResult(1, 2))).toBe(true);
    expect(higherIsBetter(sequenceResult(1, 2))).toBe(false);
    expect(higherIsBetter(integrityResult(1, 2))).toBe(false);
    expect(higherIsBetter(overdueResult(1))).toBe(false);
    expect(higherIsBetter(staleResult(1))).toBe(false);
  });
});
