/**
 * A rep against their peers (ARCHITECTURE.md §6). A weakness the whole team shares is not one
 * person's: a rep closing 46% in a team that closes 46% against a 60% target needs no flag of
 * their own. So an individual flag needs the rep confidently worse than the target (rules.ts)
 * and than their peers by `coaching.peerMargin`.
 *
 * Peers: the other reps of the same role (a setter is never held to salespeople), in the rep's
 * store when it has at least MIN_STORE_PEERS of them, else in the whole dealership. A rep with no
 * peer at all is judged against the target alone. Peers' values pool their counts, the way the
 * team's do, so a peer with a large sample weighs more than one with a small one.
 */
import type { MeasureResult } from './measure-results';
import type { Rep } from './model';
import { normalQuantile, wilsonInterval } from './stats';

/** Fewer same-role colleagues than this in a store make a noisy yardstick: compare across stores. */
export const MIN_STORE_PEERS = 3;

/** By rep index, the indices of that rep's peers. */
export function peerGroups(reps: readonly Rep[]): number[][] {
  return reps.map((rep, self) => {
    const sameRole = reps.flatMap((other, index) => (index !== self && other.role === rep.role ? [index] : []));
    const sameStore = sameRole.filter((index) => rep.store !== null && reps[index]?.store === rep.store);
    return sameStore.length >= MIN_STORE_PEERS ? sameStore : sameRole;
  });
}

/**
 * The peers' yardstick for one measure: their pooled value (a rate, events per working day, or
 * items per rep) and, for volumes and counts, how much more than Poisson their totals spread.
 */
export interface PeerYardstick {
  value: number | null;
  /**
   * How much more than Poisson the peers' totals spread around the pooled rate (1 = Poisson; never below).
   * Real people's daily counts vary more than Poisson, and a test that ignores it flags a rep
   * working exactly like the peers far more often than its confidence says.
   */
  dispersion: number;
}

export function peerYardstick(results: readonly MeasureResult[]): PeerYardstick {
  const value = peerValue(results);
  return { value, dispersion: value === null ? 1 : dispersionOf(results, value) };
}

/** The peers' pooled value of one measure: a rate, events per working day, or items per rep. */
export function peerValue(results: readonly MeasureResult[]): number | null {
  const first = results[0];
  if (!first) return null;
  const sum = (pick: (r: MeasureResult) => number): number => results.reduce((total, r) => total + pick(r), 0);
  const share = (num: number, den: number): number | null => (den > 0 ? num / den : null);
  switch (first.kind) {
    case 'volume':
      return share(
        sum((r) => (r.kind === 'volume' ? r.observed : 0)),
        sum((r) => (r.kind === 'volume' ? r.workingDays : 0)),
      );
    case 'ratio':
      return share(
        sum((r) => (r.kind === 'ratio' ? r.successes : 0)),
        sum((r) => (r.kind === 'ratio' ? r.trials : 0)),
      );
    case 'responseTime':
      return share(
        sum((r) => (r.kind === 'responseTime' ? r.within : 0)),
        sum((r) => (r.kind === 'responseTime' ? r.decided : 0)),
      );
    case 'sequence':
      return share(
        sum((r) => (r.kind === 'sequence' ? r.skipped : 0)),
        sum((r) => (r.kind === 'sequence' ? r.reached : 0)),
      );
    case 'integrity':
      return share(
        sum((r) => (r.kind === 'integrity' ? r.suspicious : 0)),
        sum((r) => (r.kind === 'integrity' ? r.checked : 0)),
      );
    case 'overdue':
    case 'staleLead':
      return sum((r) => (r.kind === first.kind ? r.count : 0)) / results.length;
  }
}

/** Observed and expected totals of one result, for the counts that are tested as Poisson. */
function countOf(result: MeasureResult, value: number): { observed: number; expected: number } | null {
  if (result.kind === 'volume') return { observed: result.observed, expected: value * result.workingDays };
  if (result.kind === 'overdue' || result.kind === 'staleLead') return { observed: result.count, expected: value };
  return null;
}

/** The median of a chi-square with one degree of freedom: a Poisson peer's squared residual, typically. */
const MEDIAN_CHI_SQUARE_1 = 0.4549;

/**
 * The typical peer's squared Pearson residual over a Poisson one's. A median, not a mean: one peer
 * who is weak, or busy beyond the rest, must not widen the yardstick until nobody is ever flagged.
 */
function dispersionOf(results: readonly MeasureResult[], value: number): number {
  const residuals: number[] = [];
  for (const result of results) {
    const count = countOf(result, value);
    if (count === null || count.expected <= 0) continue;
    residuals.push((count.observed - count.expected) ** 2 / count.expected);
  }
  if (residuals.length < 3) return 1;
  residuals.sort((a, b) => a - b);
  const middle = residuals.length / 2;
  const median =
    residuals.length % 2 === 1
      ? (residuals[Math.floor(middle)] as number)
      : ((residuals[middle - 1] as number) + (residuals[middle] as number)) / 2;
  return Math.max(1, median / MEDIAN_CHI_SQUARE_1);
}

export interface PeerSettings {
  confidence: number;
  /** How much worse than the peers a rep must be, as a share of the peers' value (rates: absolute). */
  peerMargin: number;
}

/**
 * Whether the rep is confidently worse than the peers' value by the margin. Rates compare the
 * rep's interval with the peers' rate moved by the margin; volumes and counts ask how unlikely
 * the rep's total would be for someone working like the peers (one-sided, at the confidence).
 */
export function worseThanPeers(result: MeasureResult, peers: PeerYardstick, settings: PeerSettings): boolean {
  if (peers.value === null) return true;
  const alpha = (1 - settings.confidence) / 2;
  const margin = settings.peerMargin;
  switch (result.kind) {
    case 'ratio':
    case 'responseTime':
      return result.interval !== null && result.interval.high < peers.value - margin;
    case 'sequence':
      return result.interval !== null && result.interval.low > peers.value + margin;
    case 'integrity': {
      const interval = wilsonInterval(result.suspicious, result.checked, settings.confidence);
      return interval !== null && interval.low > peers.value + margin;
    }
    case 'volume':
    case 'overdue':
    case 'staleLead': {
      const count = countOf(result, peers.value);
      if (count === null) return false;
      const lower = result.kind === 'volume';
      // Poisson, widened by the peers' dispersion: the rep is judged against what working like
      // the peers gives, with the spread working like the peers shows.
      const expected = count.expected * (lower ? 1 - margin : 1 + margin);
      if (expected <= 0) return !lower && count.observed > 0;
      const z = (count.observed - expected) / Math.sqrt(peers.dispersion * expected);
      const critical = normalQuantile(1 - alpha);
      return lower ? z < -critical : z > critical;
    }
  }
}
