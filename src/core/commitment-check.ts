/**
 * The follow-up check of a commitment: the same measure over the days since the commitment,
 * compared with the value the flag was written with (its baseline). Improved means the value
 * moved the right way (higher for rates and volumes, lower for counts, skips and suspicious
 * activity); with no baseline, it means the weakness rule no longer holds. No data since the
 * commitment is Not Improved: there is nothing to show for it.
 */
import { dateFromDay } from './civil-date';
import { num, pct } from './finding-text';
import type { OpenFlag } from './flags';
import type { MeasureResult } from './measure-results';
import type { CoachModel, MeasureModel, RepRole } from './model';
import { higherIsBetter, isWeak, minSampleOf } from './rules';

export interface CommitmentCheck {
  flagKey: string;
  /** The rep the flag is about; null for a team flag (its manager's team). */
  repId: string | null;
  measure: string;
  status: 'Improved' | 'Not Improved';
  before: number | null;
  after: number | null;
  /** For Outcome__c, e.g. "Appointment set rate 14% → 31% since 2026-11-03". */
  text: string;
}

/**
 * `result`: the measure over the days since the commitment (a team flag: the team's, pooled);
 * `role`: the flagged rep's, or the team's.
 */
export function checkCommitment(
  flag: OpenFlag,
  measure: MeasureModel,
  result: MeasureResult | undefined,
  model: CoachModel,
  sinceDay: number,
  role: RepRole,
): CommitmentCheck {
  const before = flag.actual;
  const after = result?.value ?? null;
  let improved = false;
  if (result && after !== null) {
    improved =
      before === null
        ? !isWeak(result, { confidence: model.coaching.confidence, minSample: minSampleOf(measure, model, role) })
        : higherIsBetter(result)
          ? after > before
          : after < before;
  }
  const since = dateFromDay(sinceDay);
  const text =
    after === null
      ? `${measure.label}: no activity to measure since ${since}`
      : `${measure.label} ${show(result, before)} → ${show(result, after)} since ${since}`;
  return {
    flagKey: flag.key,
    repId: flag.scope === 'Rep' ? flag.repId : null,
    measure: measure.id,
    status: improved ? 'Improved' : 'Not Improved',
    before,
    after,
    text,
  };
}

function show(result: MeasureResult | undefined, value: number | null): string {
  if (!result) return num(value);
  const isRate =
    result.kind === 'ratio' ||
    result.kind === 'responseTime' ||
    result.kind === 'sequence' ||
    result.kind === 'integrity';
  return isRate ? pct(value) : num(value);
}
