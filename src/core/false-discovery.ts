/**
 * False flags controlled across a whole run, not test by test. A run tests every rep on every
 * measure (and every manager's team): a dozen tests per person, each at 5%, flag a clean team of
 * ten several times a run, and whoever is flagged is simply unlucky. The Benjamini–Hochberg
 * procedure keeps the expected share of false flags among all flags at `level`; on a team with
 * nothing to find it keeps the chance of any flag at all at `level`, while a store with many
 * real weaknesses keeps most of its power.
 *
 * Most tests of a run are of reps far better than the threshold, whose one-sided p-values sit
 * near 1 and would only dilute the procedure. So only tests on the bad side of the threshold
 * (p ≤ 1/2) take part, each with its p-value conditioned on that (2p): for a one-sided test
 * whose nulls are "at the threshold or better", these conditional p-values are still valid
 * (uniformly conservative nulls; Zhao, Small and Su, 2019).
 */

/** Tests with a p-value above this are on the good side of their threshold and take no part. */
export const SELECTION = 0.5;

/**
 * The largest p-value that is a discovery among `pValues` at `level`, or −1 when none is: the
 * tests with p ≤ the returned value are the discoveries. Order of the input does not matter.
 */
export function discoveryThreshold(pValues: readonly number[], level: number): number {
  const sorted = pValues.filter((p) => p <= SELECTION).sort((a, b) => a - b);
  const m = sorted.length;
  for (let rank = m; rank >= 1; rank--) {
    const p = sorted[rank - 1] as number;
    if (p / SELECTION <= (rank / m) * level) return p;
  }
  return -1;
}
