/**
 * Thresholds per role (ARCHITECTURE.md §6): a measure's `byRole` gives a role thresholds of its
 * own (a setter books from colder leads than a salesperson's own, so the same set rate means
 * something else). They are applied where each rep's result is produced (measure.ts), so that
 * everything reading the result (the rules, the peers, the evidence, the flag's Target__c, the
 * agenda) holds the rep to their own role's threshold without knowing about roles. The team's
 * pooled scorecard keeps the measure's own thresholds; the minimum sample per role is read by
 * `minSampleOf` (rules.ts), which is not part of a result.
 */
import type { VolumeResult, MeasureResult } from './measure-results';
import type { GoalNeed, GoalPerDay } from './measure-volume';
import type { MeasureModel, Rep } from './model';
import { poissonLowerTail } from './stats';

/** Any kind's thresholds for one role, read loosely: each kind sets only its own (the config sees to it). */
interface Thresholds {
  target?: number;
  maxSkipShare?: number;
  maxSuspiciousShare?: number;
  maxAllowed?: number;
  perDay?: number | 'goal';
}

/** The rep's result held to the thresholds of the rep's role, when the measure sets any for it. */
export function atRoleThresholds(
  result: MeasureResult,
  measure: MeasureModel,
  rep: Rep,
  goalPerDay: GoalPerDay,
): MeasureResult {
  const own: Thresholds | undefined = measure.byRole?.[rep.role];
  if (own === undefined) return result;
  switch (result.kind) {
    case 'ratio':
    case 'responseTime':
      return own.target === undefined ? result : { ...result, target: own.target };
    case 'sequence':
      return own.maxSkipShare === undefined ? result : { ...result, maxSkipShare: own.maxSkipShare };
    case 'integrity':
      return own.maxSuspiciousShare === undefined ? result : { ...result, maxSuspiciousShare: own.maxSuspiciousShare };
    case 'overdue':
    case 'staleLead':
      return own.maxAllowed === undefined ? result : { ...result, maxAllowed: own.maxAllowed };
    case 'volume': {
      if (own.perDay === undefined) return result;
      // As measure-volume.ts: only a salesperson has a goal plan to follow.
      const need =
        own.perDay !== 'goal'
          ? { atTeam: own.perDay, atOwn: null }
          : rep.role === 'salesperson'
            ? goalPerDay(rep, result.step)
            : null;
      return withExpectation(result, need);
    }
  }
}

/** A rep's volume against another expectation: what depends on it is recomputed from the counts. */
function withExpectation(result: VolumeResult, need: GoalNeed | null): VolumeResult {
  const expectedPerDay = need?.atTeam ?? null;
  const expected = expectedPerDay === null ? null : expectedPerDay * result.workingDays;
  return {
    ...result,
    expectedPerDay,
    expectedAtOwnPerDay: need?.atOwn ?? null,
    expected,
    lowerTail: expected === null ? null : poissonLowerTail(result.observed, expected),
  };
}
