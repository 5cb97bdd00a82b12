/**
 * Which candidate measures predict the store's sales, and what a realistic improvement in each
 * is worth (issue 12). Per measure: the within slope (predictive-within.ts), a cluster bootstrap
 * over people for its interval (people, not weeks, are resampled, because one person's weeks
 * share habits and the lag windows of neighbouring weeks overlap), and the worth of moving from
 * the peers' median to their 75th percentile, in units per month, with its interval.
 *
 * The verdict: "predictive here" when the slope's interval lies above zero; "not predictive
 * here" when there was enough data and it does not; "not enough data" below MIN_PEOPLE people
 * with MIN_WEEKS_PER_PERSON weeks each, or MIN_PERSON_WEEKS person-weeks in all.
 */
import type { Panel, PanelMeasure } from './predictive-panel';
import { drawnSlope, personSums, withinSlope, type WithinRows } from './predictive-within';
import { seededRandom } from './seeded-random';
import type { Interval } from './stats';

/**
 * A cluster bootstrap over fewer than six people cannot give an interval worth the name: four
 * people have 35 distinct resamples, and the percentile interval of so few is far too narrow.
 */
export const MIN_PEOPLE = 6;
/** A person's own level is estimated from their weeks; fewer than four leave almost no within variation. */
export const MIN_WEEKS_PER_PERSON = 4;
/** Eight weeks of six people: two months of a small team, the least over which a lag of a month can be seen. */
export const MIN_PERSON_WEEKS = 48;
/**
 * From this many people a draw reuses the rows demeaned once with everyone in (per-person sums, G
 * operations a draw) instead of demeaning its own reweighted rows (sweeps over every row). It then
 * holds the week levels at the whole store's, leaving out their own uncertainty, which shrinks as
 * people are added: negligible on a large store, where the sweeps are most of the analysis's time,
 * but on a team of a few dozen it narrows the intervals enough to call more noise predictive, so
 * small stores keep the exact draws (README, "execution-coach analyze" and the bench figures).
 */
export const ONCE_DEMEANED_FROM_PEOPLE = 100;
/** The month of the worth, and of a leak priced by the store's effect (leak-store.ts). */
export const WEEKS_PER_MONTH = 52 / 12;

export type Verdict = 'predictive here' | 'not predictive here' | 'not enough data';

/** The t with P(T ≤ t) = p for Student's t with `df` degrees of freedom (src/lib/student-t.ts: stdlib's). */
export type TQuantile = (p: number, df: number) => number;

export interface EffectOptions {
  /** Seeds the bootstrap: the same data and seed give the same intervals. */
  readonly seed: number;
  /** The t quantile of the intervals, given rather than imported: core imports no package. */
  readonly tQuantile: TQuantile;
  /** Bootstrap draws (default 400). */
  readonly replicates?: number;
  /** Two-sided coverage of the intervals (default 0.95). */
  readonly confidence?: number;
  /** People from which draws reuse the once-demeaned rows (default ONCE_DEMEANED_FROM_PEOPLE). */
  readonly onceDemeanedFromPeople?: number;
}

export interface MeasureEffect {
  readonly id: string;
  readonly kind: PanelMeasure['kind'];
  readonly verdict: Verdict;
  /** People and person-weeks the estimate rests on. */
  readonly people: number;
  readonly personWeeks: number;
  /** Extra units per week in the lag window per unit more of the measure in a week; null without data. */
  readonly slope: number | null;
  readonly slopeInterval: Interval | null;
  /** The peers' median and 75th percentile of the people's own averages. */
  readonly peers: { readonly median: number; readonly p75: number } | null;
  /** Units per month that moving from the peers' median to their 75th percentile is worth. */
  readonly worth: number | null;
  readonly worthInterval: Interval | null;
}

const VERDICT_ORDER: Record<Verdict, number> = { 'predictive here': 0, 'not predictive here': 1, 'not enough data': 2 };

/**
 * The effect of every measure in the panel, ranked: "predictive here" first, then "not
 * predictive here", then "not enough data"; within each, by the low end of the worth's interval,
 * the worth the store's data vouches for. A measure whose point worth is large only because
 * its people are far apart, while its slope is loosely pinned down, does not outrank one whose
 * smaller worth is sure (a noise measure that crosses the line by chance is usually the former).
 */
export function estimateEffects(panel: Panel, options: EffectOptions): MeasureEffect[] {
  const effects = panel.measures.map((measure, index) => estimateOne(panel, measure, options, index));
  return effects.sort(
    (a, b) =>
      VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || (b.worthInterval?.low ?? 0) - (a.worthInterval?.low ?? 0),
  );
}

function estimateOne(panel: Panel, measure: PanelMeasure, options: EffectOptions, index: number): MeasureEffect {
  const rows = withinRows(panel, measure);
  const base = { id: measure.id, kind: measure.kind, people: rows.people, personWeeks: rows.x.length };
  const empty = { ...base, slope: null, slopeInterval: null, peers: null, worth: null, worthInterval: null };
  if (rows.people < MIN_PEOPLE || rows.x.length < MIN_PERSON_WEEKS) return { ...empty, verdict: 'not enough data' };
  const means = personMeans(rows);
  const all = new Float64Array(rows.people).fill(1);
  const slope = withinSlope(rows, all);
  if (slope === null) return { ...empty, verdict: 'not enough data' };
  const peers = peerLevels(means, all);
  // The slope is per week of the lag window (the outcome is the window's weekly average), and a
  // lasting move raises every week's activity, each of which adds to the L weeks after it: in the
  // steady state the move is worth slope × L a week (leak-store.ts prices shortfalls alike).
  const perUnit = (peers.p75 - peers.median) * lagWeeks(panel) * WEEKS_PER_MONTH;
  const worth = slope * perUnit;

  // Each measure draws from its own stream, so adding a measure does not move the others' intervals.
  const random = seededRandom((options.seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b1));
  const replicates = options.replicates ?? 400;
  const slopes: number[] = [];
  const sums = rows.people >= (options.onceDemeanedFromPeople ?? ONCE_DEMEANED_FROM_PEOPLE) ? personSums(rows) : null;
  for (let r = 0; r < replicates; r++) {
    const weight = new Float64Array(rows.people);
    for (let k = 0; k < rows.people; k++) {
      const drawn = Math.floor(random() * rows.people);
      weight[drawn] = (weight[drawn] as number) + 1;
    }
    const s = sums ? drawnSlope(sums, weight) : withinSlope(rows, weight);
    if (s !== null) slopes.push(s);
  }
  // A measure that often has no within variation in a resample rests on one or two people.
  if (slopes.length < 0.9 * replicates) return { ...empty, verdict: 'not enough data' };
  const margin =
    options.tQuantile(1 - (1 - (options.confidence ?? 0.95)) / 2, rows.people - 1) * standardDeviation(slopes);
  const slopeInterval = { low: slope - margin, high: slope + margin };
  return {
    ...base,
    verdict: slopeInterval.low > 0 ? 'predictive here' : 'not predictive here',
    slope,
    slopeInterval,
    peers,
    worth,
    worthInterval: { low: slopeInterval.low * perUnit, high: slopeInterval.high * perUnit },
  };
}

/** Weeks in the panel's lag window: 4 for weeks 1–4 after. */
export function lagWeeks(panel: Pick<Panel, 'lag'>): number {
  return panel.lag.to - panel.lag.from + 1;
}

/** The measure's defined rows of people with enough weeks, people and weeks renumbered from 0. */
function withinRows(panel: Panel, measure: PanelMeasure): WithinRows {
  const weeksOf = new Map<number, number>();
  for (let i = 0; i < panel.person.length; i++) {
    if (Number.isNaN(measure.values[i])) continue;
    const p = panel.person[i] as number;
    weeksOf.set(p, (weeksOf.get(p) ?? 0) + 1);
  }
  const personIndex = new Map<number, number>();
  const weekIndex = new Map<number, number>();
  const kept: number[] = [];
  for (let i = 0; i < panel.person.length; i++) {
    const p = panel.person[i] as number;
    if (Number.isNaN(measure.values[i]) || (weeksOf.get(p) ?? 0) < MIN_WEEKS_PER_PERSON) continue;
    if (!personIndex.has(p)) personIndex.set(p, personIndex.size);
    if (!weekIndex.has(panel.week[i] as number)) weekIndex.set(panel.week[i] as number, weekIndex.size);
    kept.push(i);
  }
  return {
    person: Int32Array.from(kept, (i) => personIndex.get(panel.person[i] as number) as number),
    week: Int32Array.from(kept, (i) => weekIndex.get(panel.week[i] as number) as number),
    x: Float64Array.from(kept, (i) => measure.values[i] as number),
    y: Float64Array.from(kept, (i) => panel.outcome[i] as number),
    people: personIndex.size,
    weeks: weekIndex.size,
  };
}

function personMeans(rows: WithinRows): Float64Array {
  const sum = new Float64Array(rows.people);
  const count = new Float64Array(rows.people);
  for (let i = 0; i < rows.x.length; i++) {
    const p = rows.person[i] as number;
    sum[p] = (sum[p] as number) + (rows.x[i] as number);
    count[p] = (count[p] as number) + 1;
  }
  return sum.map((s, p) => s / (count[p] as number));
}

/** Median and 75th percentile of the people's own averages, each person counted `weight` times. */
function peerLevels(means: Float64Array, weight: Float64Array): { median: number; p75: number } {
  const values: number[] = [];
  means.forEach((m, p) => {
    for (let k = 0; k < (weight[p] as number); k++) values.push(m);
  });
  values.sort((a, b) => a - b);
  return { median: quantile(values, 0.5), p75: quantile(values, 0.75) };
}

/** Linear-interpolated quantile of sorted values (the R-7 / spreadsheet definition). */
export function quantile(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.min(low + 1, sorted.length - 1);
  return (sorted[low] as number) + (at - low) * ((sorted[high] as number) - (sorted[low] as number));
}

function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1));
}
