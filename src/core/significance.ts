/**
 * One-sided p-values: how likely a result at least this bad is for someone who is in fact at
 * the threshold. Every rule of the diagnosis (rules.ts, peers.ts) is one of these tests, so the
 * run can control its false flags across all of them at once (false-discovery.ts) instead of
 * each test spending the whole error budget on its own.
 *
 * Proportions use the score test, the test the Wilson interval inverts: a p-value below
 * (1 − confidence) / 2 is exactly a Wilson interval at `confidence` lying wholly on that side of
 * the threshold, so the evidence text (which shows the interval) and the rule always agree.
 * Counts use the Poisson tail, scaled by a dispersion (quasi-Poisson): dividing counts and
 * expectation by φ gives a Poisson variable whose variance, scaled back, is φ times the mean.
 */
import { binomialUpperTail, poissonLowerTail } from './stats';

/** Which side of the threshold is the bad one. */
export type Side = 'below' | 'above';

/** Chebyshev fit of ln(erfc(x) / t) − … in t = 1 / (1 + x/2) (Numerical Recipes' erfcc). */
const ERFC_COEFFICIENTS = [
  -1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223,
  0.17087277,
];

/** P(Z ≤ z) for a standard normal Z (complementary error function, relative error below 1.2e-7). */
export function normalCdf(z: number): number {
  if (z === Number.POSITIVE_INFINITY) return 1;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  let poly = 0;
  for (let i = ERFC_COEFFICIENTS.length - 1; i >= 0; i--) poly = poly * t + (ERFC_COEFFICIENTS[i] as number);
  const erfc = t * Math.exp(-x * x + poly);
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/**
 * Score test of `successes` of `trials` against the rate `threshold`: the probability of a rate
 * this far on the bad `side` for someone whose true rate is the threshold. At a threshold of 0
 * or 1 the variance vanishes and the answer is exact: any observation on the bad side is proof.
 */
export function proportionPValue(successes: number, trials: number, threshold: number, side: Side): number {
  if (trials <= 0) return 1;
  const rate = successes / trials;
  const bad = side === 'below' ? rate < threshold : rate > threshold;
  if (threshold <= 0 || threshold >= 1) return bad ? 0 : 1;
  const z = (rate - threshold) / Math.sqrt((threshold * (1 - threshold)) / trials);
  return side === 'below' ? normalCdf(z) : 1 - normalCdf(z);
}

/**
 * Two-sample test: is the rep's rate worse than the peers' by more than `margin`? The peers'
 * rate is itself estimated, so its variance counts too: three peers with a few customers each
 * are weak evidence of where "the team's level" is. The normal approximation understates the far
 * tail of a rare event, though (6 sales without a needs analysis of 30, against 5%: it says 1 in
 * 12,000, the binomial 1 in 300), so the p-value is also never below the exact binomial tail of
 * the rep's count at the peers' level shifted by the margin.
 */
export function peerProportionPValue(
  rep: { successes: number; trials: number },
  peers: { successes: number; trials: number },
  margin: number,
  side: Side,
): number {
  if (rep.trials <= 0) return 1;
  if (peers.trials <= 0) return 0;
  const rate = rep.successes / rep.trials;
  const peerRate = peers.successes / peers.trials;
  const threshold = side === 'below' ? peerRate - margin : peerRate + margin;
  const bad = side === 'below' ? rate < threshold : rate > threshold;
  if (threshold <= 0 || threshold >= 1) return bad ? 0 : 1;
  const variance = (threshold * (1 - threshold)) / rep.trials + (peerRate * (1 - peerRate)) / peers.trials;
  const z = (rate - threshold) / Math.sqrt(variance);
  const normal = side === 'below' ? normalCdf(z) : 1 - normalCdf(z);
  return Math.max(normal, binomialPValue(rep.successes, rep.trials, threshold, side));
}

/** Exact binomial test of `successes` of `trials` against the rate `threshold`, one-sided. */
export function binomialPValue(successes: number, trials: number, threshold: number, side: Side): number {
  return side === 'below'
    ? 1 - binomialUpperTail(successes + 1, trials, threshold)
    : binomialUpperTail(successes, trials, threshold);
}

/**
 * Quasi-Poisson test of an observed count against an expected one, with `dispersion` φ ≥ 1
 * (the variance is φ × the mean): below, P(X ≤ observed); above, P(X ≥ observed).
 */
export function countPValue(observed: number, expected: number, dispersion: number, side: Side): number {
  const phi = Math.max(1, dispersion);
  if (expected <= 0) return side === 'above' && observed > 0 ? 0 : 1;
  const k = observed / phi;
  const lambda = expected / phi;
  if (side === 'below') return observed >= expected ? 1 : poissonLowerTail(Math.floor(k), lambda);
  if (observed <= expected) return 1;
  return 1 - poissonLowerTail(Math.ceil(k) - 1, lambda);
}
