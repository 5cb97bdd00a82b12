import { discoveryThreshold, SELECTION } from '../../src/core/false-discovery';
import {
  binomialPValue,
  countPValue,
  normalCdf,
  peerProportionPValue,
  proportionPValue,
} from '../../src/core/significance';
import { poissonLowerTail } from '../../src/core/stats';
import { wilsonInterval } from '../../src/core/stats';

describe('one-sided p-values', () => {
  it('given standard normal quantiles, then the CDF returns their probabilities', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(-1.6448536)).toBeCloseTo(0.05, 6);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
    expect([normalCdf(Number.NEGATIVE_INFINITY), normalCdf(Number.POSITIVE_INFINITY)]).toEqual([0, 1]);
  });

  it('given any count, then the score test is below 5% exactly when the 90% Wilson interval lies below the target', () => {
    for (let successes = 0; successes <= 60; successes++) {
      const p = proportionPValue(successes, 60, 0.6, 'below');
      const interval = wilsonInterval(successes, 60, 0.9);
      expect(p < 0.05).toBe((interval?.high ?? 1) < 0.6);
    }
  });

  it('given shares to keep low, then the upper side is tested; at the thresholds 0 and 1 the answer is exact', () => {
    expect(proportionPValue(20, 50, 0.1, 'above')).toBeLessThan(0.001);
    expect(proportionPValue(4, 50, 0.05, 'above')).toBeGreaterThan(0.05); // 8% of 50 is no proof of more than 5%
    expect(proportionPValue(3, 40, 0.1, 'above')).toBeGreaterThan(0.5); // on the good side
    expect(proportionPValue(1, 40, 0, 'above')).toBe(0);
    expect(proportionPValue(0, 40, 0, 'above')).toBe(1);
    expect(proportionPValue(39, 40, 1, 'below')).toBe(0);
    expect(proportionPValue(0, 0, 0.5, 'below')).toBe(1);
  });

  it('given a rep and peers, then the margin moves the threshold and the peers’ sample counts', () => {
    const rep = { successes: 30, trials: 100 };
    const peers = { successes: 400, trials: 1000 };
    expect(peerProportionPValue(rep, peers, 0, 'below')).toBeLessThan(peerProportionPValue(rep, peers, 0.05, 'below'));
    expect(peerProportionPValue(rep, { successes: 8, trials: 20 }, 0, 'below')).toBeGreaterThan(
      peerProportionPValue(rep, peers, 0, 'below'),
    );
    expect(peerProportionPValue(rep, { successes: 0, trials: 0 }, 0.05, 'below')).toBe(0);
    expect(peerProportionPValue({ successes: 0, trials: 0 }, peers, 0.05, 'below')).toBe(1);
    expect(
      peerProportionPValue({ successes: 50, trials: 100 }, { successes: 200, trials: 1000 }, 0.05, 'above'),
    ).toBeLessThan(0.001);
  });

  it('given a rare event, then the peer test is never more sure than the exact binomial tail', () => {
    // 6 skips of 30 against peers at 0 (margin 5%): the normal approximation says about 1 in
    // 12,000; a rep truly at 5% skips 6 or more of 30 one time in 300.
    const rep = { successes: 6, trials: 30 };
    const peers = { successes: 0, trials: 1_000_000 };
    expect(peerProportionPValue(rep, peers, 0.05, 'above')).toBeCloseTo(0.0032824855950018, 10);
    expect(binomialPValue(6, 30, 0.05, 'above')).toBeCloseTo(0.0032824855950018, 12);
    expect(binomialPValue(0, 10, 0.5, 'below')).toBeCloseTo(1 / 1024, 14);
    expect(binomialPValue(10, 10, 0.5, 'below')).toBeCloseTo(1, 12);
  });

  it('given counts, then the Poisson tails, widened by the dispersion', () => {
    expect(countPValue(0, 2.3, 1, 'below')).toBeCloseTo(Math.exp(-2.3), 6);
    expect(countPValue(200, 240, 1, 'below')).toBeLessThan(0.01);
    expect(countPValue(200, 240, 4, 'below')).toBeGreaterThan(0.05);
    expect(countPValue(240, 240, 1, 'below')).toBe(1);
    expect(countPValue(10, 3, 1, 'above')).toBeCloseTo(0.0011, 3);
    expect(countPValue(3, 3, 1, 'above')).toBe(1);
    expect(countPValue(1, 0, 1, 'above')).toBe(0);
    expect(countPValue(0, 0, 1, 'below')).toBe(1);
  });

  it('given a dispersion, then counts and expectation are both divided by it (quasi-Poisson)', () => {
    // 200 against 240 with φ = 4 is 50 against 60 on the Poisson scale.
    expect(countPValue(200, 240, 4, 'below')).toBeCloseTo(poissonLowerTail(50, 60), 12);
    expect(countPValue(40, 12, 4, 'above')).toBeCloseTo(1 - poissonLowerTail(9, 3), 12);
    expect(countPValue(200, 240, 0.5, 'below')).toBe(countPValue(200, 240, 1, 'below')); // never below Poisson
  });

  it('given nothing expected, then only an observed count on the bad side is proof', () => {
    expect(countPValue(0, 0, 1, 'above')).toBe(1);
    expect(countPValue(3, 0, 1, 'below')).toBe(1);
    expect(countPValue(3, -1, 1, 'above')).toBe(0);
  });
});

describe('rates at the ends of the scale', () => {
  it('given a threshold of 0 or 1, then nobody is below 0 or above 1, and anyone else is on the bad side for sure', () => {
    expect(proportionPValue(0, 40, 0, 'below')).toBe(1);
    expect(proportionPValue(40, 40, 1, 'below')).toBe(1);
    expect(proportionPValue(39, 40, 1, 'below')).toBe(0);
    expect(proportionPValue(40, 40, 1, 'above')).toBe(1);
    expect(proportionPValue(0, 40, 0, 'above')).toBe(1);
  });

  it('given peers at 100% (or 0%) and no margin, then a rep as good is not worse, and one below them surely is', () => {
    const all = { successes: 200, trials: 200 };
    expect(peerProportionPValue({ successes: 40, trials: 40 }, all, 0, 'below')).toBe(1);
    expect(peerProportionPValue({ successes: 36, trials: 40 }, all, 0, 'below')).toBe(0);
    const none = { successes: 0, trials: 200 };
    expect(peerProportionPValue({ successes: 0, trials: 40 }, none, 0, 'above')).toBe(1);
    expect(peerProportionPValue({ successes: 2, trials: 40 }, none, 0, 'above')).toBe(0);
  });
});

describe('false flags controlled across a run', () => {
  it('given p-values, then Benjamini–Hochberg over those on the bad side, conditioned on it', () => {
    // Selected: 0.001, 0.01, 0.03, 0.2 (m = 4); 2p against rank/4 × 5%: 0.02 ≤ 0.025, but 0.06 > 0.0375.
    expect(discoveryThreshold([0.001, 0.01, 0.03, 0.2, 0.7, 0.9], 0.05)).toBe(0.01);
    expect(discoveryThreshold([0.001, 0.004, 0.9], 0.05)).toBe(0.004);
    expect(discoveryThreshold([0.2, 0.6], 0.05)).toBe(-1);
    expect(discoveryThreshold([], 0.05)).toBe(-1);
  });

  it('given the same p-values in any order, then the same threshold', () => {
    const ps = [0.3, 0.0001, 0.02, 0.004, 0.8, 0.011];
    expect(discoveryThreshold([...ps].reverse(), 0.05)).toBe(discoveryThreshold(ps, 0.05));
  });

  it('given tests far on the good side, then they do not dilute the procedure', () => {
    const bad = [0.0005, 0.002];
    expect(discoveryThreshold([...bad, ...Array<number>(100).fill(0.99)], 0.05)).toBe(0.002);
    expect(SELECTION).toBe(0.5);
  });

  it('given a test exactly at ½, then it takes part: it is not on the good side', () => {
    // m = 2: 2 × 0.015 = 0.03 > 1/2 × 5%; were the ½ left out (m = 1), 0.03 ≤ 5% would be a discovery.
    expect(discoveryThreshold([0.015, 0.5], 0.05)).toBe(-1);
  });

  it('given a p-value exactly on its step of the procedure, then it is a discovery', () => {
    // m = 2: 2 × 0.0125 = 1/2 × 5%, exactly (both are 0.0125 scaled by powers of two).
    expect(discoveryThreshold([0.0125, 0.3], 0.05)).toBe(0.0125);
  });
});
