/**
 * Several reps' results of one measure as one result: the team's, as a manager's team is judged
 * (team-diagnosis.ts). Counts add up, rates are recomputed from the summed counts (a rep with
 * many customers weighs more than one with few), and an allowance per rep (overdue, stale
 * leads) becomes the team's allowance: `maxAllowed` × members, with the value shown per rep.
 * Results of another kind than the first (never, for one measure) are left out.
 */
import type { MeasureResult } from './measure-results';
import { wilsonInterval } from './stats';

type ResultOf<K extends MeasureResult['kind']> = Extract<MeasureResult, { kind: K }>;

function ofKind<K extends MeasureResult['kind']>(results: readonly MeasureResult[], kind: K): ResultOf<K>[] {
  return results.filter((r): r is ResultOf<K> => r.kind === kind);
}

function total<T>(results: readonly T[], pick: (r: T) => number): number {
  return results.reduce((sum, r) => sum + pick(r), 0);
}

function rate(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

/** Counts by step, added up over the results. */
function merged<T>(results: readonly T[], pick: (r: T) => Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of results) for (const [key, n] of Object.entries(pick(r))) out[key] = (out[key] ?? 0) + n;
  return out;
}

export function pooledResult(results: readonly MeasureResult[], confidence: number): MeasureResult | null {
  const first = results[0];
  if (!first) return null;
  switch (first.kind) {
    case 'volume': {
      const all = ofKind(results, 'volume');
      const observed = total(all, (r) => r.observed);
      const workingDays = total(all, (r) => r.workingDays);
      const known = all.every((r) => r.expected !== null);
      const expected = known ? total(all, (r) => r.expected ?? 0) : null;
      return {
        ...first,
        observed,
        workingDays,
        value: rate(observed, workingDays),
        expected,
        expectedPerDay: expected === null ? null : rate(expected, workingDays),
        expectedAtOwnPerDay: null,
        lowerTail: null,
        joinedInPeriod: false,
        dailyDispersion: null,
      };
    }
    case 'ratio': {
      const all = ofKind(results, 'ratio');
      const successes = total(all, (r) => r.successes);
      const trials = total(all, (r) => r.trials);
      const interval = wilsonInterval(successes, trials, confidence);
      return { ...first, successes, trials, value: rate(successes, trials), interval };
    }
    case 'responseTime': {
      const all = ofKind(results, 'responseTime');
      const within = total(all, (r) => r.within);
      const decided = total(all, (r) => r.decided);
      const pending = total(all, (r) => r.pending);
      const interval = wilsonInterval(within, decided, confidence);
      return { ...first, within, decided, pending, value: rate(within, decided), interval, medianMinutes: null };
    }
    case 'sequence': {
      const all = ofKind(results, 'sequence');
      const skipped = total(all, (r) => r.skipped);
      const reached = total(all, (r) => r.reached);
      const interval = wilsonInterval(skipped, reached, confidence);
      const skippedBySteps = merged(all, (r) => r.skippedBySteps);
      return { ...first, skipped, reached, value: rate(skipped, reached), interval, skippedBySteps };
    }
    case 'integrity': {
      const all = ofKind(results, 'integrity');
      const suspicious = total(all, (r) => r.suspicious);
      const checked = total(all, (r) => r.checked);
      return {
        ...first,
        suspicious,
        checked,
        inBursts: total(all, (r) => r.inBursts),
        tooShort: total(all, (r) => r.tooShort),
        suspiciousBySteps: merged(all, (r) => r.suspiciousBySteps),
        value: rate(suspicious, checked),
      };
    }
    case 'overdue': {
      const all = ofKind(results, 'overdue');
      const count = total(all, (r) => r.count);
      return { ...first, count, maxAllowed: first.maxAllowed * all.length, items: [], value: count / all.length };
    }
    case 'staleLead': {
      const all = ofKind(results, 'staleLead');
      const count = total(all, (r) => r.count);
      return { ...first, count, maxAllowed: first.maxAllowed * all.length, leads: [], value: count / all.length };
    }
  }
}
