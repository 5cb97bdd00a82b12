/**
 * What a rep's finding and a team's share: the measure, its diagnosis, the step, the value
 * against the threshold, the sample, and the leak with its severity. One builder for both, so a
 * team flag and a rep flag for the same result can never disagree on any of these numbers.
 */
import { type Leak, type LeakContext, leakOf, weakStep } from './leak';
import { type StoreEffects, storeLeakOf } from './leak-store';
import type { MeasureResult } from './measure-results';
import type { CoachModel, DiagnosisKind, MeasureKind, MeasureModel, Severity } from './model';

export interface Weakness {
  measure: string;
  kind: MeasureKind;
  diagnosis: DiagnosisKind;
  /** Step the weakness is about. */
  step: string;
  actual: number | null;
  target: number | null;
  /** The denominator the value rests on. */
  sampleSize: number;
  /** Estimated units lost per month, rounded to cents of a unit. */
  lostUnits: number;
  severity: Severity;
}

export interface PricingContext extends LeakContext {
  /** The store's measured effects (leak-store.ts): for a salesperson's finding when `coaching.leakSource` is store. */
  storeEffects?: StoreEffects;
}

export function weaknessOf(
  result: MeasureResult,
  measure: MeasureModel,
  model: CoachModel,
  context: PricingContext,
): { weakness: Weakness; leak: Leak } {
  const byStore = context.storeEffects ? storeLeakOf(result, measure, context.storeEffects) : null;
  const leak = byStore ?? leakOf(result, measure, context);
  const lostUnits = Math.round(leak.units * 100) / 100;
  return {
    leak,
    weakness: {
      measure: measure.id,
      kind: result.kind,
      diagnosis: measure.diagnosis,
      step: weakStep(result, measure),
      actual: result.value,
      target: targetOf(result),
      sampleSize: sampleOf(result),
      lostUnits,
      severity: severityOf(lostUnits, model.coaching.severity),
    },
  };
}

export function severityOf(lostUnits: number, thresholds: { medium: number; high: number }): Severity {
  return lostUnits >= thresholds.high ? 'High' : lostUnits >= thresholds.medium ? 'Medium' : 'Low';
}

export function targetOf(result: MeasureResult): number | null {
  switch (result.kind) {
    case 'volume':
      return result.expectedPerDay;
    case 'ratio':
    case 'responseTime':
      return result.target;
    case 'overdue':
    case 'staleLead':
      return result.maxAllowed;
    case 'sequence':
      return result.maxSkipShare;
    case 'integrity':
      return result.maxSuspiciousShare;
  }
}

export function sampleOf(result: MeasureResult): number {
  switch (result.kind) {
    case 'volume':
      return result.workingDays;
    case 'ratio':
      return result.trials;
    case 'responseTime':
      return result.decided;
    case 'overdue':
    case 'staleLead':
      return result.count;
    case 'sequence':
      return result.reached;
    case 'integrity':
      return result.checked;
  }
}
