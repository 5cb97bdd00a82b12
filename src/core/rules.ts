/**
 * When a measure result is a weakness (ARCHITECTURE.md §6). The rules lean toward not flagging: a
 * manager's attention is scarce and a false flag costs trust.
 * - ratio (Skill): the denominator reaches `minSample` AND the whole Wilson interval lies
 *   below the target: a new rep with 5 contacts is never flagged on a ratio;
 * - responseTime: the whole interval lies below the target; sequence: the whole interval lies
 *   above `maxSkipShare` (the interval already widens for small samples);
 * - volume: observed below expected and P(X ≤ observed | Poisson(expected)) < 1 − confidence;
 *   with an expectation under TINY_EXPECTATION events no Poisson test can be confident, so
 *   the tolerance is simpler: flagged only for doing none at all of at least one expected;
 * - overdue, staleLead: more items than `maxAllowed`;
 * - integrity: a suspicious share above `maxSuspiciousShare`.
 */
import type { MeasureResult } from './measure-results';

/** Expected events below which the volume rule is "none at all" instead of the Poisson tail. */
export const TINY_EXPECTATION = 3;
/** With a tiny expectation, the least expected that still makes zero a shortfall. */
const TINY_MINIMUM = 1;

export interface RuleSettings {
  confidence: number;
  minSample: number;
}

export function isWeak(result: MeasureResult, settings: RuleSettings): boolean {
  switch (result.kind) {
    case 'volume': {
      const { expected, observed, lowerTail } = result;
      if (expected === null || lowerTail === null || observed >= expected) return false;
      if (expected < TINY_EXPECTATION) return observed === 0 && expected >= TINY_MINIMUM;
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
    case 'integrity':
      return result.value !== null && result.value > result.maxSuspiciousShare;
  }
}

/** Whether a higher value is better (rates achieved, volumes) or worse (items, skips, fakes). */
export function higherIsBetter(result: MeasureResult): boolean {
  return result.kind === 'volume' || result.kind === 'ratio' || result.kind === 'responseTime';
}
