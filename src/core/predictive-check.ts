/**
 * The out-of-sample check of the ranking: the effects are estimated on the earlier weeks only,
 * and the later weeks' sales are predicted twice, from the person's past sales alone (the
 * baseline: their average over the earlier weeks) and from that plus the slope of the measure the
 * earlier weeks ranked first, applied to how far the person's week sits from their own earlier
 * average. If the measure predicts, the second error is the smaller; if the earlier weeks found
 * no measure predictive, the model is the baseline and both errors are equal.
 */
import { type EffectOptions, estimateEffects } from './predictive-effects';
import type { Panel } from './predictive-panel';

export interface OutOfSample {
  /** The first week predicted; the fit used only weeks whose lag window ended before it. */
  readonly splitWeek: number;
  /** The measure the earlier weeks ranked first as predictive here; null when none was. */
  readonly measure: string | null;
  readonly fittedRows: number;
  readonly predictedRows: number;
  /** Root mean squared error of weekly units, the model's and the baseline's. */
  readonly modelError: number;
  readonly baselineError: number;
}

/** Default share of the weeks the fit sees. */
const TRAIN_SHARE = 2 / 3;
/**
 * Bootstrap draws of the fit on the earlier weeks, half the analysis's own: the check needs only which measure those
 * weeks rank first as predictive here, not intervals to print, and this second bootstrap was a third of the
 * bootstrap's time on a year of a large store.
 */
const CHECK_REPLICATES = 200;

/** Null when the panel has no later week with a person seen earlier. */
export function outOfSampleCheck(panel: Panel, options: EffectOptions, trainShare = TRAIN_SHARE): OutOfSample | null {
  if (panel.week.length === 0) return null;
  const first = Math.min(...panel.week);
  const last = Math.max(...panel.week);
  const splitWeek = first + Math.max(1, Math.round((last - first + 1) * trainShare));
  const train = subPanel(panel, (i) => (panel.week[i] as number) + panel.lag.to < splitWeek);
  const top =
    estimateEffects(train, { replicates: CHECK_REPLICATES, ...options }).find((e) => e.verdict === 'predictive here') ??
    null;
  const measureAt = top ? panel.measures.findIndex((m) => m.id === top.id) : -1;
  const x = measureAt >= 0 ? panel.measures[measureAt]?.values : undefined;

  // Each person's earlier average of the outcome and of the measure.
  const past = new Map<number, { n: number; y: number; xn: number; x: number }>();
  for (let i = 0; i < train.person.length; i++) {
    const p = train.person[i] as number;
    const acc = past.get(p) ?? { n: 0, y: 0, xn: 0, x: 0 };
    acc.n++;
    acc.y += train.outcome[i] as number;
    const value = top ? (train.measures[measureAt]?.values[i] as number) : Number.NaN;
    if (!Number.isNaN(value)) {
      acc.xn++;
      acc.x += value;
    }
    past.set(p, acc);
  }
  let model = 0;
  let baseline = 0;
  let predicted = 0;
  for (let i = 0; i < panel.person.length; i++) {
    const acc = past.get(panel.person[i] as number);
    if ((panel.week[i] as number) < splitWeek || !acc) continue;
    const base = acc.y / acc.n;
    const value = x ? (x[i] as number) : Number.NaN;
    const shift = top?.slope && acc.xn > 0 && !Number.isNaN(value) ? top.slope * (value - acc.x / acc.xn) : 0;
    const actual = panel.outcome[i] as number;
    baseline += (actual - base) ** 2;
    model += (actual - base - shift) ** 2;
    predicted++;
  }
  if (predicted === 0) return null;
  return {
    splitWeek,
    measure: top?.id ?? null,
    fittedRows: train.person.length,
    predictedRows: predicted,
    modelError: Math.sqrt(model / predicted),
    baselineError: Math.sqrt(baseline / predicted),
  };
}

function subPanel(panel: Panel, keep: (row: number) => boolean): Panel {
  const rows = [...panel.person.keys()].filter(keep);
  return {
    person: Int32Array.from(rows, (i) => panel.person[i] as number),
    week: Int32Array.from(rows, (i) => panel.week[i] as number),
    outcome: Float64Array.from(rows, (i) => panel.outcome[i] as number),
    measures: panel.measures.map((m) => ({ ...m, values: Float64Array.from(rows, (i) => m.values[i] as number) })),
    lag: panel.lag,
  };
}
