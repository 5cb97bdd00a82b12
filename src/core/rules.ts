/**
 * When a measure result is a weakness (ARCHITECTURE.md §6). The rules lean toward not flagging: a
 * manager's attention is scarce and a false flag costs trust.
 * - ratio (Skill): the denominator reaches `minSample` AND the whole Wilson interval lies
 *   below the target: a new rep with 5 contacts is never flagged on a ratio;
 * - responseTime: the whole interval lies below the target; sequence: the whole interval lies
 *   above `maxSkipShare` (the interval already widens for small samples);
 * - volume: observed below expected and P(X ≤ observed | Poisson(expected)) < 1 − confidence,
 *   whatever the expectation: with 1.5 expected, doing none happens 22% of the time to someone
 *   who works at the expected rate, so it is no evidence (zero counts from 2.3 expected up);
 * - overdue, staleLead: more items than `maxAllowed`;
 * - integrity: the whole interval of the suspicious share above `maxSuspiciousShare`, like
 *   sequence: 4 odd calls of 50 is 8%, and also what an honest rep logs on a bad week.
 */
import type { MeasureResult } from './measure-results';
import { wilsonInterval } from './stats';

export interface RuleSettings {
  confidence: number;
  minSample: number;
}

export function isWeak(result: MeasureResult, settings: RuleSettings): boolean {
  switch (result.kind) {
    case 'volume': {
      const { expected, observed, lowerTail } = result;
      if (expected === null || lowerTail === null || observed >= expected) return false;
      return lowerTail < 1 - settings.confidence;
    }
    case 'ratio':
      return result.trials >= settings.minSample && result.interval !== null && result.interval.high < result.target;
    case 'responseTime':
      return result.interval !== null && result.interval.high < result.target;
    case 'sequence':
      return result.interval !== null && result.interval.low > result.maxSkipShare;
    case 'overdue':
    case 'staleLead':
      return result.count > result.maxAllowed;
    case 'integrity': {
      const interval = wilsonInterval(result.suspicious, result.checked, settings.confidence);
      return interval !== null && interval.low > result.maxSuspiciousShare;
    }
  }
}

/** Whether a higher value is better (rates achieved, volumes) or worse (items, skips, fakes). */
export function higherIsBetter(result: MeasureResult): boolean {
  return result.kind === 'volume' || result.kind === 'ratio' || result.kind === 'responseTime';
}
