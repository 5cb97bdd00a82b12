/**
 * The follow-up check of a commitment (ARCHITECTURE.md §5.3): the same measure over the days since the commitment,
 * against the value and sample the flag was written with (its baseline), decided on evidence with the statistics of
 * the flags (significance.ts) at the coaching confidence:
 * - nothing is decided on less than the sample the flags need (`minSample`);
 * - Improved: the measure since is at target, or confidently better than the baseline (a two-sample test for
 *   rates, the baseline's pace as the expectation for volumes);
 * - Not Improved: neither, and confidently worse than the target, the test that raises a flag;
 * - Waiting: neither is confident yet. The flag stays Committed and its Outcome says so, until `outcomeWaitDays`
 *   after the follow-up date; then it is decided on what there is (the value's direction against the baseline) and
 *   the Outcome says that too. One more appointment on a sample of three is not an improvement.
 * Overdue items and stale leads are counts of facts, not samples: at or under the allowance is Improved at once.
 */
import { dateFromDay, dayFromDate } from './civil-date';
import { num, pct } from './finding-text';
import type { OpenFlag } from './flags';
import type { MeasureResult } from './measure-results';
import type { CoachModel, MeasureModel, RepRole } from './model';
import { higherIsBetter, minSampleOf, oneSidedLevel, targetPValue } from './rules';
import { countPValue, peerProportionPValue, proportionPValue, type Side } from './significance';
import { sampleOf, targetOf } from './weakness';
import { countsOf } from './peers';

export type CheckStatus = 'Improved' | 'Not Improved' | 'Waiting';

export interface CommitmentCheck {
  flagKey: string;
  /** The rep the flag is about; null for a team flag (its manager's team). */
  repId: string | null;
  measure: string;
  /** Waiting: too little data yet; the flag stays Committed. */
  status: CheckStatus;
  before: number | null;
  after: number | null;
  /** For Outcome__c, e.g. "Appointment set rate 14% → 31% since 2026-11-03 (sample 58): confidently better". */
  text: string;
}

export interface CheckContext {
  model: CoachModel;
  /** The day the measuring since the commitment starts. */
  sinceDay: number;
  todayDay: number;
  /** The flagged rep's role, or the team's. */
  role: RepRole;
}

/** `result`: the measure over the days since the commitment (a team flag: the team's, pooled). */
export function checkCommitment(
  flag: OpenFlag,
  measure: MeasureModel,
  result: MeasureResult | undefined,
  context: CheckContext,
): CommitmentCheck {
  const { model } = context;
  const before = flag.actual;
  const after = result?.value ?? null;
  const since = dateFromDay(context.sinceDay);
  const check = (status: CheckStatus, text: string): CommitmentCheck => ({
    flagKey: flag.key,
    repId: flag.scope === 'Rep' ? flag.repId : null,
    measure: measure.id,
    status,
    before,
    after,
    text,
  });
  const followUp = dayFromDate(flag.followUpDate ?? '') ?? context.todayDay;
  const lastDay = followUp + model.coaching.outcomeWaitDays;
  const waitedOut = context.todayDay >= lastDay;

  if (!result || after === null) {
    if (waitedOut)
      return check(
        'Not Improved',
        `${measure.label}: no activity to measure since ${since}, waited to ${dateFromDay(lastDay)}`,
      );
    return check(
      'Waiting',
      `Waiting for data: ${measure.label}, no activity to measure since ${since} yet; decided by ${dateFromDay(lastDay)}`,
    );
  }
  const moved = `${measure.label} ${show(result, before)} → ${show(result, after)} since ${since}`;
  if (result.kind === 'overdue' || result.kind === 'staleLead') {
    const within = result.count <= result.maxAllowed;
    return check(
      within ? 'Improved' : 'Not Improved',
      `${moved}: ${within ? 'within' : 'over'} the ${result.maxAllowed} allowed`,
    );
  }
  const minSample = minSampleOf(measure, model, context.role);
  const level = oneSidedLevel(model.coaching.confidence);
  const worseThanTarget = targetPValue(result, minSample, dispersionOf(result));
  const sample = sampleText(result, minSample);
  // Nothing is judged below the sample the flags need (`targetPValue` is null there): 3 of 5 is not a trend.
  if (worseThanTarget !== null) {
    if (atTarget(result)) return check('Improved', `${moved} (${sample}): at target ${show(result, targetOf(result))}`);
    if (betterThanBaselinePValue(result, flag) < level)
      return check('Improved', `${moved} (${sample}): confidently better`);
    if (worseThanTarget < level)
      return check('Not Improved', `${moved} (${sample}): still short of target ${show(result, targetOf(result))}`);
  }
  if (!waitedOut)
    return check(
      'Waiting',
      `Waiting for data: ${moved} (${sample}), not conclusive yet; decided by ${dateFromDay(lastDay)}`,
    );
  const better = before === null ? atTarget(result) : higherIsBetter(result) ? after > before : after < before;
  return check(
    better ? 'Improved' : 'Not Improved',
    `${moved}, decided on thin data (${sample}) on ${dateFromDay(lastDay)}`,
  );
}

/**
 * The p-value of "better than the baseline": for a rate, a two-sample test against the flag's value on its sample
 * (baseline successes = value × sample); for a volume, the count since against the baseline's pace over the same
 * working days, widened by the rep's day-to-day spread. 1 when there is no baseline to compare with.
 */
function betterThanBaselinePValue(result: MeasureResult, flag: OpenFlag): number {
  const before = flag.actual;
  if (before === null) return 1;
  const side: Side = higherIsBetter(result) ? 'above' : 'below';
  if (result.kind === 'volume')
    return countPValue(result.observed, before * result.workingDays, dispersionOf(result), 'above');
  const since = countsOf(result);
  if (since === null) return 1;
  if (flag.sampleSize === null || flag.sampleSize <= 0)
    return proportionPValue(since.successes, since.trials, before, side);
  const baseline = { successes: Math.round(before * flag.sampleSize), trials: flag.sampleSize };
  return peerProportionPValue(since, baseline, 0, side);
}

/** At or better than the threshold, as a point value. */
function atTarget(result: MeasureResult): boolean {
  const target = targetOf(result);
  if (result.value === null || target === null) return false;
  return higherIsBetter(result) ? result.value >= target : result.value <= target;
}

function dispersionOf(result: MeasureResult): number {
  return result.kind === 'volume' ? Math.max(1, result.dailyDispersion ?? 1) : 1;
}

/** The sample a result rests on, as the flags count it (expected events for a volume, else its denominator). */
function sampleText(result: MeasureResult, minSample: number): string {
  const size = result.kind === 'volume' ? (result.expected ?? 0) : sampleOf(result);
  const shown = result.kind === 'volume' ? `${num(size)} expected` : `sample ${size}`;
  return size < minSample ? `${shown}, ${minSample} needed` : shown;
}

function show(result: MeasureResult, value: number | null): string {
  const isRate =
    result.kind === 'ratio' ||
    result.kind === 'responseTime' ||
    result.kind === 'sequence' ||
    result.kind === 'integrity';
  return isRate ? pct(value) : num(value);
}
