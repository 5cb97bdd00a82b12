/**
 * Levels: how well a team or a rep does each thing the reference config measures, in the
 * generator's own terms (probabilities per customer, shares, counts of open items). Each level
 * names the measure a correct judgement reads it through and the threshold the config sets
 * there, read from the model so that a retuned target moves the planted levels with it.
 */
import type { CoachModel, MeasureModel } from '../../src/core/model';

export interface Levels {
  /** Share of new leads first called within the SLA. */
  respond: number;
  /** Calls made ÷ calls the goal needs at the team's conversion (1 = exactly enough). */
  activity: number;
  /** P(reached | called), per customer. */
  contact: number;
  /** P(appointment set | reached). */
  set: number;
  /** P(shown | appointment set). */
  show: number;
  /** P(demo drive | shown). */
  demo: number;
  /** P(write-up | demo). */
  writeUp: number;
  /** P(sold | write-up after a demo). */
  close: number;
  /** Share of sales made without a demo drive. */
  demoSkip: number;
  /** Share of write-ups made without a needs analysis. */
  naSkip: number;
  /** Share of logged call events that are implausible (integrity). */
  suspicious: number;
  /** Mean open leads left idle (truly stale) per rep. */
  stale: number;
  /** Mean open follow-up tasks past due per rep. */
  overdue: number;
}

export type LevelKey = keyof Levels;

/** The measure of the reference config that reads each level. */
export const LEVEL_MEASURE: Readonly<Record<LevelKey, string>> = {
  respond: 'lead_response',
  activity: 'outbound_calls',
  contact: 'contact_rate',
  set: 'appointment_set_rate',
  show: 'show_rate',
  demo: 'demo_rate',
  writeUp: 'write_up_rate',
  close: 'close_rate',
  demoSkip: 'demo_before_sale',
  naSkip: 'needs_analysis_before_write_up',
  suspicious: 'call_integrity',
  stale: 'stale_leads',
  overdue: 'overdue_follow_ups',
};

export const LEVEL_KEYS = Object.keys(LEVEL_MEASURE) as LevelKey[];

/** Levels where more is better; on the others (skips, fakes, open items) less is better. */
const HIGHER_IS_BETTER: ReadonlySet<LevelKey> = new Set([
  'respond',
  'activity',
  'contact',
  'set',
  'show',
  'demo',
  'writeUp',
  'close',
]);

export function higherIsBetter(key: LevelKey): boolean {
  return HIGHER_IS_BETTER.has(key);
}

/** The config's threshold for each level: a target rate, a tolerated share or count; 1 for the goal's volume. */
export type Thresholds = Readonly<Record<LevelKey, number>>;

export function thresholdsOf(model: CoachModel): Thresholds {
  const entries = LEVEL_KEYS.map((key) => [key, thresholdOf(measureOf(model, LEVEL_MEASURE[key]))] as const);
  return Object.fromEntries(entries) as Record<LevelKey, number>;
}

export function measureOf(model: CoachModel, id: string): MeasureModel {
  const measure = model.measures.find((m) => m.id === id);
  if (!measure) throw new Error(`The benchmark plants levels of "${id}", which the config does not measure.`);
  return measure;
}

function thresholdOf(measure: MeasureModel): number {
  switch (measure.kind) {
    case 'ratio':
    case 'responseTime':
      return measure.target;
    case 'sequence':
      return measure.maxSkipShare;
    case 'integrity':
      return measure.maxSuspiciousShare;
    case 'overdue':
    case 'staleLead':
      return measure.maxAllowed;
    case 'volume':
      // The generator sizes workloads on what the goal needs; a fixed per-day expectation is another model.
      if (measure.perDay !== 'goal') throw new Error(`The benchmark expects ${measure.id} to follow the goal.`);
      return 1;
  }
}

/** Whether `level` is worse than the threshold (strictly: a level exactly at it is not a gap). */
export function isWorse(key: LevelKey, level: number, threshold: number): boolean {
  return higherIsBetter(key) ? level < threshold : level > threshold;
}

/** Every level exactly at its threshold: the simulation's team. */
export function atThresholds(thresholds: Thresholds): Levels {
  return { ...thresholds };
}
