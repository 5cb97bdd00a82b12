/**
 * When a measure result is worse than its threshold (ARCHITECTURE.md §6), as a one-sided p-value:
 * how likely a result this bad is for someone who is exactly at the threshold. The diagnosis
 * combines it with the test against the peers (peers.ts) and controls false flags across the
 * run (false-discovery.ts); on its own, at the single-test level, it is `isWeak`.
 * - ratio, responseTime (rates achieved): score test of the rate below the target;
 * - sequence, integrity (shares to keep low): score test of the share above the tolerated one,
 *   so 4 odd calls of 50 (8%) is not proof of more than 5%;
 * - volume: quasi-Poisson lower tail of the count against the expectation, with the day-to-day
 *   spread the peers show: with 1.5 expected, doing none happens 22% of the time to someone who
 *   works at the expected rate, so it is no evidence;
 * - overdue, staleLead: items beyond `maxAllowed` are the admin's stated tolerance, a fact rather
 *   than a sample (p 0 or 1); whether they are this rep's problem is the peers' test, and a
 *   team's pooled count is tested against the team's allowance (team-diagnosis.ts).
 * Every kind needs a sample before it is tested at all (null: not tested): `minSample`
 * customers for a rate or share, an expectation of `minSample` events for a volume. One late
 * lead, or one sale without a demo out of two, says nothing about a rep. A rep who started during
 * the window is not judged on volume yet: they start with no older leads to call back.
 * Thresholds are the ones a result carries: a rep's are their own role's (role-thresholds.ts).
 */
import type { MeasureResult } from './measure-results';
import type { CoachModel, MeasureModel, RepRole } from './model';
import { countPValue, proportionPValue } from './significance';

export interface RuleSettings {
  confidence: number;
  /** The measure's minimum sample for the rep's role (`minSampleOf`). */
  minSample: number;
}

/**
 * The p-value of "worse than the threshold", or null when the result cannot be tested (below
 * its minimum sample, or no expectation applies). `dispersion` widens count tests (≥ 1).
 */
export function targetPValue(result: MeasureResult, minSample: number, dispersion = 1): number | null {
  switch (result.kind) {
    case 'volume':
      if (result.joinedInPeriod || result.expected === null || result.expected < minSample) return null;
      return countPValue(result.observed, result.expected, dispersion, 'below');
    case 'ratio':
      if (result.trials < minSample) return null;
      return proportionPValue(result.successes, result.trials, result.target, 'below');
    case 'responseTime':
      if (result.decided < minSample) return null;
      return proportionPValue(result.within, result.decided, result.target, 'below');
    case 'sequence':
      if (result.reached < minSample) return null;
      return proportionPValue(result.skipped, result.reached, result.maxSkipShare, 'above');
    case 'integrity':
      if (result.checked < minSample) return null;
      return proportionPValue(result.suspicious, result.checked, result.maxSuspiciousShare, 'above');
    case 'overdue':
    case 'staleLead':
      return result.count > result.maxAllowed ? 0 : 1;
  }
}

/**
 * The minimum sample of a measure for a role: the role's own (`byRole`), else the measure's, else
 * the coaching default. Without a role (the team scorecard), the measure's.
 */
export function minSampleOf(measure: MeasureModel, model: CoachModel, role?: RepRole): number {
  const own = role === undefined ? undefined : measure.byRole?.[role]?.minSample;
  return own ?? measure.minSample ?? model.coaching.minSample;
}

/** The one-sided error a single test may make at `confidence`: the far side of its interval. */
export function oneSidedLevel(confidence: number): number {
  return (1 - confidence) / 2;
}

/** Worse than the threshold as a single test (no peers, no run-wide control): commitment checks. */
export function isWeak(result: MeasureResult, settings: RuleSettings): boolean {
  const p = targetPValue(result, settings.minSample);
  return p !== null && p < oneSidedLevel(settings.confidence);
}

/** Whether a higher value is better (rates achieved, volumes) or worse (items, skips, fakes). */
export function higherIsBetter(result: MeasureResult): boolean {
  return result.kind === 'volume' || result.kind === 'ratio' || result.kind === 'responseTime';
}
