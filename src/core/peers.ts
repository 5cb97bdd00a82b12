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
import { poissonLowerTail, wilsonInterval } from './stats';

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

export interface PeerSettings {
  confidence: number;
  /** How much worse than the peers a rep must be, as a share of the peers' value (rates: absolute). */
  peerMargin: number;
}

/**
 * Whether the rep is confidently worse than the peers' value by the margin. Rates compare the
 * rep's interval with the peers' rate moved by the margin; counts ask how unlikely the rep's
 * count would be for someone performing like the peers (Poisson, one-sided at the confidence).
 */
export function worseThanPeers(result: MeasureResult, peers: number | null, settings: PeerSettings): boolean {
  if (peers === null) return true;
  const alpha = (1 - settings.confidence) / 2;
  const margin = settings.peerMargin;
  switch (result.kind) {
    case 'ratio':
    case 'responseTime':
      return result.interval !== null && result.interval.high < peers - margin;
    case 'sequence':
      return result.interval !== null && result.interval.low > peers + margin;
    case 'integrity': {
      const interval = wilsonInterval(result.suspicious, result.checked, settings.confidence);
      return interval !== null && interval.low > peers + margin;
    }
    case 'volume': {
      const expected = peers * (1 - margin) * result.workingDays;
      return expected > 0 && poissonLowerTail(result.observed, expected) < alpha;
    }
    case 'overdue':
    case 'staleLead': {
      const expected = peers * (1 + margin);
      const atLeast = result.count === 0 ? 1 : 1 - poissonLowerTail(result.count - 1, expected);
      return atLeast < alpha;
    }
  }
}
