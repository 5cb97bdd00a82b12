import fc from 'fast-check';
import {
  lnGamma,
  median,
  normalQuantile,
  binomialUpperTail,
  poissonLowerTail,
  shrinkRate,
  twoSidedZ,
  wilsonInterval,
} from '../../src/core/stats';

describe('the normal quantile', () => {
  it('given common confidences, then the usual z values', () => {
    expect(twoSidedZ(0.9)).toBeCloseTo(1.6448536, 6);
    expect(twoSidedZ(0.95)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.3613409, 6);
  });

  it('given p outside (0, 1), then it refuses, naming the p it got', () => {
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => normalQuantile(0)).toThrow('normalQuantile needs 0 < p < 1, got 0');
  });

  it('given p in the central region, then z to 12 digits on both sides (mpmath, 40 digits)', () => {
    expect(normalQuantile(0.3)).toBeCloseTo(-0.524400512708041, 12);
    expect(normalQuantile(0.8)).toBeCloseTo(0.841621233572914, 12);
    expect(normalQuantile(0.925)).toBeCloseTo(1.439531470938456, 12);
  });

  it('given p in the tails, near and far, then z to 12 digits (mpmath, 40 digits)', () => {
    expect(normalQuantile(0.02)).toBeCloseTo(-2.053748910631823, 12);
    expect(normalQuantile(1 - 1e-12)).toBeCloseTo(7.034486910047835, 12);
    expect(normalQuantile(1e-20)).toBeCloseTo(-9.26234008979841, 12);
  });
});

describe('the Wilson score interval', () => {
  it('given 14 of 100 at 90%, then the interval computed independently (Python statistics.NormalDist)', () => {
    const interval = wilsonInterval(14, 100, 0.9);
    expect(interval?.low).toBeCloseTo(0.092373, 6);
    expect(interval?.high).toBeCloseTo(0.206594, 6);
  });

  it('given no trials, then no interval (an unknown rate, not zero)', () => {
    expect(wilsonInterval(0, 0, 0.9)).toBeNull();
  });

  it('property: the interval lies in [0, 1] and contains the observed rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 0.999, noNaN: true }),
        (n, share, confidence) => {
          const k = Math.round(share * n);
          const interval = wilsonInterval(k, n, confidence);
          expect(interval).not.toBeNull();
          if (!interval) return;
          expect(interval.low).toBeGreaterThanOrEqual(0);
          expect(interval.high).toBeLessThanOrEqual(1);
          expect(interval.low).toBeLessThanOrEqual(k / n);
          expect(interval.high).toBeGreaterThanOrEqual(k / n);
        },
      ),
    );
  });

  it('property: with the same rate, a larger sample gives a narrower interval', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 2, max: 50 }),
        (n, kRaw, factor) => {
          const k = kRaw % (n + 1);
          const small = wilsonInterval(k, n, 0.9);
          const large = wilsonInterval(k * factor, n * factor, 0.9);
          if (!small || !large) throw new Error('expected intervals');
          expect(large.high - large.low).toBeLessThan(small.high - small.low);
        },
      ),
    );
  });
});

describe('the Poisson lower tail', () => {
  it('given small cases, then it matches the direct sum', () => {
    expect(poissonLowerTail(0, 2)).toBeCloseTo(Math.exp(-2), 12);
    expect(poissonLowerTail(2, 3)).toBeCloseTo(Math.exp(-3) * (1 + 3 + 4.5), 12);
    expect(poissonLowerTail(5, 3)).toBeCloseTo(0.9160820579686966, 12);
    expect(poissonLowerTail(-1, 3)).toBe(0);
    expect(poissonLowerTail(4, 0)).toBe(1);
  });

  it('given a large expectation, then it neither underflows nor exceeds 1', () => {
    // λ = 2000: the direct sum of 1901 terms (in Python, with lgamma) gives 0.01254642429161.
    expect(poissonLowerTail(1900, 2000)).toBeCloseTo(0.01254642429161, 12);
    expect(poissonLowerTail(2100, 2000)).toBeLessThanOrEqual(1);
    expect(poissonLowerTail(100, 2000)).toBeGreaterThanOrEqual(0);
  });

  it('property: the tail rises with k', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.double({ min: 0.1, max: 300, noNaN: true }), (k, lambda) => {
        expect(poissonLowerTail(k + 1, lambda)).toBeGreaterThanOrEqual(poissonLowerTail(k, lambda) - 1e-12);
      }),
    );
  });

  it('given a binomial, then P(X ≥ k) matches the direct sum on both sides of the mean', () => {
    // Direct sums of C(n, i) pⁱ (1 − p)ⁿ⁻ⁱ (in Python, with fractions).
    expect(binomialUpperTail(6, 30, 0.05)).toBeCloseTo(0.0032824855950018, 12);
    expect(binomialUpperTail(17, 34, 0.24)).toBeCloseTo(0.0008952461543525, 12);
    expect(binomialUpperTail(2, 10, 0.5)).toBeCloseTo(1 - 11 / 1024, 12);
    expect(binomialUpperTail(10, 10, 0.5)).toBeCloseTo(1 / 1024, 14);
    expect(binomialUpperTail(1, 3, 0.2)).toBeCloseTo(1 - 0.8 ** 3, 12);
  });

  it('given the edges, then the tail is exact: nothing above n, everything from 0, and certain rates', () => {
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(-2, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
    expect(binomialUpperTail(3, 10, 0)).toBe(0);
    expect(binomialUpperTail(3, 10, 1)).toBe(1);
    expect(binomialUpperTail(2.5, 10, 0.5)).toBe(binomialUpperTail(3, 10, 0.5));
  });

  it('property: the binomial tail falls as k rises and stays within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, p, at) => {
          const k = Math.floor(at * n);
          const tail = binomialUpperTail(k, n, p);
          expect(tail).toBeGreaterThanOrEqual(0);
          expect(tail).toBeLessThanOrEqual(1);
          expect(binomialUpperTail(k + 1, n, p)).toBeLessThanOrEqual(tail + 1e-12);
        },
      ),
    );
  });

  it('given ln Γ, then factorials come out exact to 12 digits', () => {
    expect(Math.exp(lnGamma(11))).toBeCloseTo(3628800, 4);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });

  it('given ln Γ below 1/2 (the reflection formula), then the values mpmath gives to 12 digits', () => {
    expect(lnGamma(0.25)).toBeCloseTo(1.288022524698077, 12);
    expect(lnGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
  });

  it('given k at or above λ (the upper-tail sum), then the values mpmath gives to 12 digits', () => {
    expect(poissonLowerTail(5, 5)).toBeCloseTo(0.615960654833063, 12);
    expect(poissonLowerTail(12, 5)).toBeCloseTo(0.997981148372563, 12);
    expect(poissonLowerTail(2100, 2000)).toBeCloseTo(0.987209279908079, 12);
  });

  it('given a fractional k, then it counts up to its whole part', () => {
    expect(poissonLowerTail(3.7, 2.5)).toBe(poissonLowerTail(3, 2.5));
    expect(poissonLowerTail(3, 2.5)).toBeCloseTo(0.757576133133066, 12);
  });

  it('given any negative k, then 0: no count is below zero', () => {
    expect(poissonLowerTail(-2, 3)).toBe(0);
    expect(poissonLowerTail(-0.5, 3)).toBe(0);
  });
});

describe('median and shrinkage', () => {
  it('given odd, even and no values, then the middle, the mean of the middle two, and null', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('given a small sample, then the rate leans toward the team; a large one toward the rep', () => {
    expect(shrinkRate(1, 5, 0.4, 20)).toBeCloseTo((1 + 8) / 25, 12);
    expect(shrinkRate(100, 500, 0.4, 20)).toBeCloseTo(108 / 520, 12);
    expect(shrinkRate(0, 0, 0.4, 0)).toBe(0.4);
  });
});

describe('the binomial tail, past the cases above', () => {
  it('given a rate below the mean whose odds are not even, when summed downward, then the exact tail', () => {
    // P(X ≥ 2) for X ~ Binomial(10, 0.3): one minus P(X = 0) and P(X = 1).
    expect(binomialUpperTail(2, 10, 0.3)).toBeCloseTo(1 - 0.7 ** 10 - 10 * 0.3 * 0.7 ** 9, 12);
  });

  it('given every trial a success at a rare rate, when summed, then the tiny tail is kept to its relative precision', () => {
    // 0.05³⁰ ≈ 9.3e-40: one minus the lower tail would round it to 0.
    expect(binomialUpperTail(30, 30, 0.05) / 0.05 ** 30).toBeCloseTo(1, 10);
  });

  it('given k of 0 at a rate of 0, or k beyond n + 1, when asked, then certain (1) and impossible (0)', () => {
    expect(binomialUpperTail(0, 10, 0)).toBe(1);
    expect(binomialUpperTail(12, 10, 0.3)).toBe(0);
  });

  it('given a rate of 1, when every trial must succeed, then certain (1), not 0 × log 0', () => {
    expect(binomialUpperTail(10, 10, 1)).toBe(1);
  });
});

describe('ln Γ near zero', () => {
  it('given x of 1e-9, when ln Γ is computed, then −ln x − γx, which only the reflection keeps to 1e-12', () => {
    // Lanczos alone drifts by about 3e-8 this close to the pole at 0.
    const eulerGamma = 0.5772156649015329;
    expect(lnGamma(1e-9)).toBeCloseTo(-Math.log(1e-9) - eulerGamma * 1e-9, 12);
  });
});
