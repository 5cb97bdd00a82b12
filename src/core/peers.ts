/**
 * A rep against their peers (ARCHITECTURE.md §6). A weakness the whole team shares is not one
 * person's: a rep closing 46% in a team that closes 46% against a 60% target needs no flag of
 * their own. So an individual flag needs the rep worse than the target (rules.ts) and than their
 * peers by `coaching.peerMargin`; the team's own gap is a team finding (team-diagnosis.ts).
 *
 * Peers: the other reps of the same role (a setter is never held to salespeople), in the rep's
 * store when it has at least MIN_STORE_PEERS of them, else in the whole dealership. A rep with no
 * peer at all is judged against the target alone. Peers' values pool their counts, the way the
 * team's do, so a peer with a large sample weighs more than one with a small one.
 */
import type { MeasureResult } from './measure-results';
import type { Rep } from './model';
import { countPValue, peerProportionPValue } from './significance';

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
 * By rep index, the rep's own store's colleagues of the same role when their peers span stores
 * (fewer than MIN_STORE_PEERS of them at home); empty when the peers are the store's own, or the
 * rep has no store. Other stores' people make the yardstick less noisy, but when a store's whole
 * team of that role is below the others', each of its people is below the mixed peers: their
 * shared gap, put on one person. So such a rep must be below these colleagues too.
 */
export function storeColleagues(reps: readonly Rep[], groups: readonly (readonly number[])[]): number[][] {
  return reps.map((rep, self) => {
    const group = groups[self] ?? [];
    if (rep.store === null || group.every((index) => reps[index]?.store === rep.store)) return [];
    return group.filter((index) => reps[index]?.store === rep.store);
  });
}

/** The peers' yardstick for one measure. */
export interface PeerYardstick {
  /** Their pooled value, as the rep's is shown: a rate, events per working day, or items per rep. */
  value: number | null;
  /** Rates and shares: the pooled counts, so that the test knows how sure the peers' rate is. */
  pooled: { successes: number; trials: number } | null;
  /**
   * Volumes with an expectation: what the typical peer did over what was expected of them. Goals
   * differ (a rep with a goal of 28 calls more than one with 14), so a rep is compared with the
   * peers' share of their own expectation, not with their calls per day.
   */
  attainment: number | null;
  /**
   * How much more than Poisson counts spread (1 = Poisson; never below): the spread of the peers'
   * totals around the yardstick, and for volumes at least the peers' day-to-day spread. Real
   * people's daily counts vary more than Poisson, and people differ; a test that ignores either
   * flags a rep working exactly like the peers far more often than its confidence says.
   */
  dispersion: number;
  /**
   * Volumes: the peers' typical day-to-day spread alone (1 when unknown). Whether a rep falls short
   * of their own expectation is a question about that rep's pace, whose noise is the spread of
   * their days; how much people differ from each other is the peer test's yardstick, not theirs.
   */
  daily: number;
}

export const NO_PEERS: PeerYardstick = { value: null, pooled: null, attainment: null, dispersion: 1, daily: 1 };

export function peerYardstick(results: readonly MeasureResult[]): PeerYardstick {
  const value = peerValue(results);
  if (value === null) return NO_PEERS;
  const pooled = pooledOf(results);
  const attainment = attainmentOf(results);
  // A rep must be beyond both the noise of a day and the usual differences between people.
  const between = dispersionOf(results, value, attainment);
  const daily = dailyDispersionOf(results) ?? 1;
  return { value, pooled, attainment, dispersion: Math.max(between, daily), daily };
}

/**
 * The peers a rep is held to once the run knows who is clearly worse than their own peers (the
 * outliers the team tests leave out too): without them. Pooled in, a colleague closing half as
 * well as everyone else lowers the bar for the rest. All of them when none would be left, and:
 * - open items: their allowance is a fact, not a test (rules.ts), so the test against the peers'
 *   few items is the only statistical one, and its yardstick stays the whole group's;
 * - peers from other stores too (`oneStore` false: too few colleagues in the rep's own): the group
 *   mixes teams, and those clearly worse in it may be the rep's own team, whose shared gap, left
 *   out, would be read as the rep's own.
 */
export function typicalPeers(
  result: MeasureResult,
  group: readonly number[],
  isOutlier: (index: number) => boolean,
  oneStore: boolean,
): readonly number[] {
  if (!oneStore || result.kind === 'overdue' || result.kind === 'staleLead') return group;
  const kept = group.filter((index) => !isOutlier(index));
  return kept.length === 0 || kept.length === group.length ? group : kept;
}

/**
 * Volumes: the peers' typical day-to-day spread (the median of their own, so that one erratic
 * peer does not widen it for everyone). A rep's own spread is not used: a rep who stops calling
 * for a week has a wide spread because of the very weakness being tested. Null with fewer than
 * three peers' spreads.
 */
function dailyDispersionOf(results: readonly MeasureResult[]): number | null {
  const spreads = results.flatMap((r) =>
    r.kind === 'volume' && r.dailyDispersion !== null ? [r.dailyDispersion] : [],
  );
  if (spreads.length < 3) return null;
  return Math.max(1, medianOf(spreads) as number);
}

/** The peers' pooled value of one measure: a rate, events per working day, or items per rep. */
export function peerValue(results: readonly MeasureResult[]): number | null {
  const first = results[0];
  if (!first) return null;
  if (first.kind === 'overdue' || first.kind === 'staleLead')
    return results.reduce((total, r) => total + (r.kind === first.kind ? r.count : 0), 0) / results.length;
  if (first.kind === 'volume') {
    const days = results.reduce((total, r) => total + (r.kind === 'volume' ? r.workingDays : 0), 0);
    return days > 0 ? results.reduce((total, r) => total + (r.kind === 'volume' ? r.observed : 0), 0) / days : null;
  }
  const pooled = pooledOf(results);
  return pooled !== null && pooled.trials > 0 ? pooled.successes / pooled.trials : null;
}

/** The counts behind a rate or share: achieved (or skipped, or suspicious) of those that could be. */
export function countsOf(result: MeasureResult): { successes: number; trials: number } | null {
  switch (result.kind) {
    case 'ratio':
      return { successes: result.successes, trials: result.trials };
    case 'responseTime':
      return { successes: result.within, trials: result.decided };
    case 'sequence':
      return { successes: result.skipped, trials: result.reached };
    case 'integrity':
      return { successes: result.suspicious, trials: result.checked };
    default:
      return null;
  }
}

function pooledOf(results: readonly MeasureResult[]): { successes: number; trials: number } | null {
  let successes = 0;
  let trials = 0;
  for (const result of results) {
    const counts = countsOf(result);
    if (counts === null) return null;
    successes += counts.successes;
    trials += counts.trials;
  }
  return { successes, trials };
}

/**
 * The typical peer's attainment: the median, not the pooled share, so that a busy peer (half as
 * much again) or one who does half the work neither raises nor lowers the bar for the others.
 */
function attainmentOf(results: readonly MeasureResult[]): number | null {
  const shares: number[] = [];
  for (const result of results) {
    if (result.kind !== 'volume' || result.expected === null) return null;
    if (result.expected > 0) shares.push(result.observed / result.expected);
  }
  return medianOf(shares);
}

function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Observed and expected (working like the peers) count of one result, for counts tested as Poisson. */
function countOf(
  result: MeasureResult,
  peers: { value: number | null; attainment: number | null },
): { observed: number; expected: number } | null {
  if (result.kind === 'volume') {
    if (peers.attainment !== null && result.expected !== null)
      return { observed: result.observed, expected: peers.attainment * result.expected };
    return peers.value === null ? null : { observed: result.observed, expected: peers.value * result.workingDays };
  }
  if (result.kind === 'overdue' || result.kind === 'staleLead')
    return peers.value === null ? null : { observed: result.count, expected: peers.value };
  return null;
}

/** The median of a chi-square with one degree of freedom: a Poisson peer's squared residual, typically. */
const MEDIAN_CHI_SQUARE_1 = 0.4549;

/**
 * The typical peer's squared Pearson residual over a Poisson one's. A median, not a mean: one peer
 * who is weak, or busy beyond the rest, must not widen the yardstick until nobody is ever flagged.
 */
function dispersionOf(results: readonly MeasureResult[], value: number, attainment: number | null): number {
  const residuals: number[] = [];
  for (const result of results) {
    const count = countOf(result, { value, attainment });
    if (count === null || count.expected <= 0) continue;
    residuals.push((count.observed - count.expected) ** 2 / count.expected);
  }
  if (residuals.length < 3) return 1;
  return Math.max(1, (medianOf(residuals) as number) / MEDIAN_CHI_SQUARE_1);
}

/**
 * The p-value of "worse than the peers by more than `margin`" (a share of the peers' value for
 * counts, an absolute difference for rates); 0 when there are no peers, so that the target
 * alone decides. Volumes and counts ask how unlikely the rep's total would be for someone
 * working like the peers, with the spread working like the peers shows.
 */
export function peerPValue(result: MeasureResult, peers: PeerYardstick, margin: number): number {
  if (peers.value === null) return 0;
  switch (result.kind) {
    case 'ratio':
    case 'responseTime':
    case 'sequence':
    case 'integrity': {
      const counts = countsOf(result);
      if (counts === null || peers.pooled === null) return 1;
      const side = result.kind === 'ratio' || result.kind === 'responseTime' ? 'below' : 'above';
      return peerProportionPValue(counts, peers.pooled, margin, side);
    }
    case 'volume':
    case 'overdue':
    case 'staleLead': {
      const count = countOf(result, peers);
      if (count === null) return 1;
      const lower = result.kind === 'volume';
      const expected = count.expected * (lower ? 1 - margin : 1 + margin);
      return countPValue(count.observed, expected, peers.dispersion, lower ? 'below' : 'above');
    }
  }
}
