/**
 * Several reps' results of one measure as one result: the team's, as a manager's team is judged
 * (team-diagnosis.ts). Counts add up, rates are recomputed from the summed counts (a rep with
 * many customers weighs more than one with few), and an allowance per rep (overdue, stale
 * leads) becomes the team's allowance: `maxAllowed` × members, with the value shown per rep.
 */
import type { MeasureResult } from './measure-results';
import { wilsonInterval } from './stats';

export function pooledResult(results: readonly MeasureResult[], confidence: number): MeasureResult | null {
  const first = results[0];
  if (!first) return null;
  const sum = (pick: (r: MeasureResult) => number): number => results.reduce((total, r) => total + pick(r), 0);
  const rate = (num: number, den: number): number | null => (den > 0 ? num / den : null);
  const merged = (pick: (r: MeasureResult) => Record<string, number> | null): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const r of results) for (const [key, n] of Object.entries(pick(r) ?? {})) out[key] = (out[key] ?? 0) + n;
    return out;
  };
  switch (first.kind) {
    case 'volume': {
      const observed = sum((r) => (r.kind === 'volume' ? r.observed : 0));
      const workingDays = sum((r) => (r.kind === 'volume' ? r.workingDays : 0));
      const known = results.every((r) => r.kind === 'volume' && r.expected !== null);
      const expected = known ? sum((r) => (r.kind === 'volume' ? (r.expected ?? 0) : 0)) : null;
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
      const successes = sum((r) => (r.kind === 'ratio' ? r.successes : 0));
      const trials = sum((r) => (r.kind === 'ratio' ? r.trials : 0));
      const interval = wilsonInterval(successes, trials, confidence);
      return { ...first, successes, trials, value: rate(successes, trials), interval };
    }
    case 'responseTime': {
      const within = sum((r) => (r.kind === 'responseTime' ? r.within : 0));
      const decided = sum((r) => (r.kind === 'responseTime' ? r.decided : 0));
      const pending = sum((r) => (r.kind === 'responseTime' ? r.pending : 0));
      const interval = wilsonInterval(within, decided, confidence);
      return { ...first, within, decided, pending, value: rate(within, decided), interval, medianMinutes: null };
    }
    case 'sequence': {
      const skipped = sum((r) => (r.kind === 'sequence' ? r.skipped : 0));
      const reached = sum((r) => (r.kind === 'sequence' ? r.reached : 0));
      const skippedBySteps = merged((r) => (r.kind === 'sequence' ? r.skippedBySteps : null));
      const interval = wilsonInterval(skipped, reached, confidence);
      return { ...first, skipped, reached, value: rate(skipped, reached), interval, skippedBySteps };
    }
    case 'integrity': {
      const suspicious = sum((r) => (r.kind === 'integrity' ? r.suspicious : 0));
      const checked = sum((r) => (r.kind === 'integrity' ? r.checked : 0));
      return {
        ...first,
        suspicious,
        checked,
        inBursts: sum((r) => (r.kind === 'integrity' ? r.inBursts : 0)),
        tooShort: sum((r) => (r.kind === 'integrity' ? r.tooShort : 0)),
        suspiciousBySteps: merged((r) => (r.kind === 'integrity' ? r.suspiciousBySteps : null)),
        value: rate(suspicious, checked),
      };
    }
    case 'overdue': {
      const count = sum((r) => (r.kind === 'overdue' ? r.count : 0));
      return {
        ...first,
        count,
        maxAllowed: first.maxAllowed * results.length,
        items: [],
        value: count / results.length,
      };
    }
    case 'staleLead': {
      const count = sum((r) => (r.kind === 'staleLead' ? r.count : 0));
      return {
        ...first,
        count,
        maxAllowed: first.maxAllowed * results.length,
        leads: [],
        value: count / results.length,
      };
    }
  }
}
