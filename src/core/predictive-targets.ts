/**
 * Targets calibrated on the store (issue 12): per configured volume, ratio and response-time
 * measure, what the store's strong performers reach beside the configured target, and what an
 * admin might change: raise or lower a target, consider dropping a configured measure the
 * history shows to be worth next to nothing, add a step that is predictive here but not measured.
 *
 * The strong performers' level is the 75th percentile of the salespeople's own levels
 * (predictive-levels.ts), shrunk toward the configured target with weight n / (n + 6) for n
 * people: the 75th percentile of a few people moves a lot from one hire to the next (its
 * standard error is about 1.4 between-person deviations over √n), so a store with the 6 people
 * the analysis needs at least gives its own figure and the admin's the same say, 12 people two
 * thirds, 25 people four fifths. Weeks do not enter the weight: a person's level over 4 weeks
 * or more is already far steadier than who happens to be on the team.
 */
import { DealershipCalendar } from './calendar';
import type { MeasureModel } from './model';
import { MIN_PEOPLE, quantile, WEEKS_PER_MONTH } from './predictive-effects';
import { personVolumes, ratioLevels, responseLevels, type RateContext } from './predictive-levels';
import { type AnalyzedMeasure, analysisTable, type StoreAnalysis, type StoreAnalysisInput } from './predictive-store';

/** People whose weight equals the configured target's: the fewest the analysis reads (MIN_PEOPLE). */
export const SHRINK_PEOPLE = MIN_PEOPLE;
/** A level within this share of the target is no reason to touch the config. */
export const KEEP_WITHIN = 0.1;
/** A worth whose interval's top is below this share of a salesperson's monthly units is next to nothing. */
export const NEGLIGIBLE_WORTH = 0.05;
/** The p75 of fewer people than this is no level at all; from here to MIN_PEOPLE it is shown, not acted on. */
const MIN_LEVEL_PEOPLE = 3;

export type TargetUnit = 'per working day' | 'share';
export type Suggestion = 'raise' | 'lower' | 'keep' | 'consider dropping' | 'not enough data';

export interface TargetRow {
  /** The measure's id in the config. */
  readonly id: string;
  readonly label: string;
  readonly kind: 'volume' | 'ratio' | 'responseTime';
  readonly unit: TargetUnit;
  /** The config key holding the salespeople's target: `perDay`, `target` or `byRole.salesperson.<key>`. */
  readonly key: string;
  /** The salespeople's configured target; `goal` for a volume the goal plan sets per rep. */
  readonly configured: number | 'goal';
  /** People with a level of their own. */
  readonly people: number;
  readonly median: number | null;
  readonly p75: number | null;
  /** n / (n + SHRINK_PEOPLE); null when there is no number to shrink toward. */
  readonly weight: number | null;
  /** The strong performers' level: p75 shrunk toward the configured target. */
  readonly level: number | null;
  /** level − configured. */
  readonly gap: number | null;
  readonly suggestion: Suggestion;
  /** The new value for `key`, rounded as a config writes it; null unless raise or lower. */
  readonly suggested: number | null;
  /** The analysis row of the measure's candidate (its verdict and worth), when it is one. */
  readonly analyzed: AnalyzedMeasure | null;
  /** Setters are among the reps and held to the same top-level key (no byRole.setter of their own). */
  readonly holdsSetters: boolean;
}

export interface AddedMeasure {
  readonly step: string;
  readonly analyzed: AnalyzedMeasure;
  readonly people: number;
  /** The strong performers' events per working day (p75, nothing to shrink toward). */
  readonly perDay: number;
}

export interface StoreTargets {
  readonly rows: readonly TargetRow[];
  readonly additions: readonly AddedMeasure[];
  /** The outcome's units a month per salesperson at work: the yardstick of a negligible worth. */
  readonly outcomePerMonth: number;
}

export function calibrateTargets(input: Omit<StoreAnalysisInput, 'tQuantile'>, analysis: StoreAnalysis): StoreTargets {
  const { model } = input;
  const calendar = new DealershipCalendar(model.dealership);
  // As the analysis: salespeople only, suspicious events set aside, yesterday the last day.
  const table = input.table ?? analysisTable(input);
  const volumes = personVolumes(table, calendar, calendar.dayOf(input.now) - 1);
  const context: RateContext = {
    table,
    calendar,
    volumes,
    priorStrength: model.coaching.priorStrength,
    confidence: model.coaching.confidence,
  };
  const outcomePerMonth =
    volumes.teamPerDay(analysis.outcomeStep) * model.dealership.workingDays.length * WEEKS_PER_MONTH;
  const byCandidate = new Map(analysis.measures.map((m) => [m.id, m]));
  const setters = input.reps.some((rep) => rep.role === 'setter');
  const rows: TargetRow[] = [];
  for (const measure of model.measures) {
    const calibrated = (levels: readonly number[], candidate: string): void => {
      const found = row(measure as Calibrated, levels, byCandidate.get(candidate) ?? null, outcomePerMonth);
      const own = (measure.byRole?.setter as Record<string, unknown> | undefined)?.[found.key];
      rows.push({ ...found, holdsSetters: setters && !found.key.startsWith('byRole.') && own === undefined });
    };
    if (measure.kind === 'volume') calibrated(volumes.perDay.get(measure.step) ?? [], measure.step);
    else if (measure.kind === 'ratio') calibrated(ratioLevels(measure, context), measure.id);
    else if (measure.kind === 'responseTime') calibrated(responseLevels(measure, context), measure.id);
  }
  // Only a step the config's own chain to the sale runs through is offered: a side step that follows from a
  // predictive one (a no-show follows from an appointment set) predicts too, but more of it is no aim.
  const chain = new Set(
    model.measures.flatMap((m) => (m.kind === 'ratio' || m.kind === 'responseTime' ? [m.from, m.to] : [])),
  );
  const additions: AddedMeasure[] = [];
  for (const analyzed of analysis.measures) {
    const levels = volumes.perDay.get(analyzed.id) ?? [];
    if (analyzed.source !== 'step' || analyzed.verdict !== 'predictive here' || levels.length < MIN_PEOPLE) continue;
    if (!chain.has(analyzed.id)) continue;
    additions.push({ step: analyzed.id, analyzed, people: levels.length, perDay: p75Of(levels) });
  }
  return { rows, additions, outcomePerMonth };
}

type Calibrated = Extract<MeasureModel, { kind: 'volume' | 'ratio' | 'responseTime' }>;

function row(
  measure: Calibrated,
  levels: readonly number[],
  analyzed: AnalyzedMeasure | null,
  outcomePerMonth: number,
): Omit<TargetRow, 'holdsSetters'> {
  const { key, configured } = configuredTarget(measure);
  const unit: TargetUnit = measure.kind === 'volume' ? 'per working day' : 'share';
  const people = levels.length;
  const sorted = [...levels].sort((a, b) => a - b);
  const p75 = people >= MIN_LEVEL_PEOPLE ? quantile(sorted, 0.75) : null;
  const weight = configured === 'goal' || p75 === null ? null : people / (people + SHRINK_PEOPLE);
  const level = p75 === null ? null : weight === null ? p75 : weight * p75 + (1 - weight) * (configured as number);
  const gap = level === null || configured === 'goal' ? null : level - configured;
  const base = {
    id: measure.id,
    label: measure.label,
    kind: measure.kind,
    unit,
    key,
    configured,
    people,
    median: p75 === null ? null : quantile(sorted, 0.5),
    p75,
    weight,
    level,
    gap,
    analyzed,
  };
  if (negligible(analyzed, outcomePerMonth)) return { ...base, suggestion: 'consider dropping', suggested: null };
  if (level === null || people < MIN_PEOPLE) return { ...base, suggestion: 'not enough data', suggested: null };
  const suggested = roundForConfig(level, unit);
  if (gap === null || Math.abs(gap) <= KEEP_WITHIN * Math.max(Math.abs(configured as number), Math.abs(level)))
    return { ...base, suggestion: 'keep', suggested: null };
  if (suggested === configured) return { ...base, suggestion: 'keep', suggested: null };
  return { ...base, suggestion: gap > 0 ? 'raise' : 'lower', suggested };
}

/**
 * Not predictive here, and the history rules out more than a negligible worth: the top of the
 * interval of a median → p75 move is under a twentieth of a salesperson's monthly units. A wide
 * interval that only fails to exclude zero is no reason to drop anything.
 */
function negligible(analyzed: AnalyzedMeasure | null, outcomePerMonth: number): boolean {
  const top = analyzed?.worthInterval?.high;
  return analyzed?.verdict === 'not predictive here' && top !== undefined && top < NEGLIGIBLE_WORTH * outcomePerMonth;
}

/** The target salespeople are held to, and where the config keeps it (their byRole entry wins). */
function configuredTarget(measure: Calibrated): { key: string; configured: number | 'goal' } {
  if (measure.kind === 'volume') {
    const own = measure.byRole?.salesperson?.perDay;
    return own === undefined
      ? { key: 'perDay', configured: measure.perDay }
      : { key: 'byRole.salesperson.perDay', configured: own };
  }
  const own = measure.byRole?.salesperson?.target;
  return own === undefined
    ? { key: 'target', configured: measure.target }
    : { key: 'byRole.salesperson.target', configured: own };
}

function p75Of(levels: readonly number[]): number {
  return quantile(
    [...levels].sort((a, b) => a - b),
    0.75,
  );
}

/** As an admin writes it: a share to the percent, a count a day to a tenth (a hundredth below one). */
export function roundForConfig(value: number, unit: TargetUnit): number {
  const places = unit === 'share' || Math.abs(value) < 1 ? 2 : 1;
  return Number(value.toFixed(places));
}
