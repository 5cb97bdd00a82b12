/**
 * The statistics behind the diagnosis, computed rather than looked up so any configured
 * confidence works: the normal quantile (Wichura's AS 241, accurate to about 1e-16), the
 * Wilson score interval for a proportion, the Poisson and binomial tails for "confidently below
 * an expected count or rate", the median, and beta-binomial shrinkage toward the team's rate.
 * (The analysis's t quantile is stdlib's, a capability it is given: src/lib/student-t.ts. These
 * stay written here: checked to 30 digits they are exact where stdlib's are not, e.g. its
 * Poisson CDF is 0.4% off at λ = 5,000, k = 4,800, a month of a busy store's expected calls.)
 */

export interface Interval {
  low: number;
  high: number;
}

/** The z with P(Z ≤ z) = p for a standard normal Z; p in (0, 1). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r + 45921.95393154987) * r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852546 + 28729.085735721943) * r + 39307.89580009271) * r + 21213.794301586597) * r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r + 1.2704582524523684) * r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r + 0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    z =
      (((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -z : z;
}

/** z of a two-sided interval at `confidence` (0.9 → 1.645). */
export function twoSidedZ(confidence: number): number {
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * Wilson score interval for `successes` out of `trials` at a two-sided `confidence`; null
 * when there are no trials (an unknown rate, not a rate of zero). At the extremes the bound
 * is set exactly (0 or 1) so rounding can never leave the observed rate outside.
 */
export function wilsonInterval(successes: number, trials: number, confidence: number): Interval | null {
  if (trials <= 0) return null;
  const p = successes / trials;
  const z = twoSidedZ(confidence);
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return {
    low: successes <= 0 ? 0 : Math.min(p, Math.max(0, centre - half)),
    high: successes >= trials ? 1 : Math.max(p, Math.min(1, centre + half)),
  };
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9; relative error about 1e-15). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0] as number;
  const t = y + 7.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] as number) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905,
  -0.13857109526572012, 0.000009984369578019572, 1.5056327351493116e-7,
];

/** Terms of a Poisson series below this share of the running sum no longer change it. */
const SERIES_EPSILON = 1e-17;

/**
 * P(X ≤ k) for X ~ Poisson(λ), summed in log space from the term at k outward so that large
 * λ (thousands of expected calls) neither underflows nor loses precision.
 */
export function poissonLowerTail(k: number, lambda: number): number {
  if (k < 0) return 0;
  if (lambda <= 0) return 1;
  const n = Math.floor(k);
  const logTerm = (i: number): number => -lambda + i * Math.log(lambda) - lnGamma(i + 1);
  if (n < lambda) {
    // Terms fall as i drops below k: sum k, k-1, … 0.
    let term = 1;
    let sum = 1;
    for (let i = n; i > 0 && term > SERIES_EPSILON * sum; i--) {
      term *= i / lambda;
      sum += term;
    }
    return Math.min(1, Math.exp(logTerm(n) + Math.log(sum)));
  }
  // Terms fall as i rises above λ: the upper tail k+1, k+2, … is the short sum.
  let term = 1;
  let sum = 1;
  for (let i = n + 2; term > SERIES_EPSILON * sum; i++) {
    term *= lambda / i;
    sum += term;
  }
  return Math.max(0, 1 - Math.exp(logTerm(n + 1) + Math.log(sum)));
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), summed in log space from the term at k outward, like the
 * Poisson tail: upward when k lies above the mean (the terms fall as i rises), else as one minus
 * the lower tail summed downward from k − 1.
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  const from = Math.ceil(k);
  if (from <= 0) return 1;
  if (from > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const odds = p / (1 - p);
  const logTerm = (i: number): number =>
    lnGamma(n + 1) - lnGamma(i + 1) - lnGamma(n - i + 1) + i * Math.log(p) + (n - i) * Math.log(1 - p);
  let term = 1;
  let sum = 1;
  if (from >= n * p) {
    for (let i = from; i < n && term > SERIES_EPSILON * sum; i++) {
      term *= ((n - i) / (i + 1)) * odds;
      sum += term;
    }
    return Math.min(1, Math.exp(logTerm(from) + Math.log(sum)));
  }
  for (let i = from - 1; i > 0 && term > SERIES_EPSILON * sum; i--) {
    term *= i / ((n - i + 1) * odds);
    sum += term;
  }
  return Math.max(0, 1 - Math.exp(logTerm(from - 1) + Math.log(sum)));
}

/** Median of the values; null for none. Does not reorder the input. */
export function median(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Beta-binomial shrinkage: `successes` of `trials` pulled toward `prior` with the weight of
 * `strength` pseudo-trials, `(k + m·p) / (n + m)`. Small samples lean on the team's rate,
 * large ones on the rep's own.
 */
export function shrinkRate(successes: number, trials: number, prior: number, strength: number): number {
  const weight = trials + strength;
  return weight > 0 ? (successes + strength * prior) / weight : prior;
}
