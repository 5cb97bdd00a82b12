/** The figures of a predictive run against the bars of issue 12. */
import type { StoreResult } from './benchmark';
import { DRIVER_MEASURE, NOISE_MEASURE, SHARE_NOISE_MEASURES, TOUCH_NOISE } from './store';

export const MIN_DRIVER_FIRST = 0.9;
export const MAX_NOISE_PREDICTIVE = 0.05;

export interface PredictiveScore {
  /** Driver stores with enough data for their driver, and those whose driver was ranked first and predictive. */
  readonly driverStores: number;
  readonly driverFirst: number;
  /** Driver stores the analysis said it had not enough data for. */
  readonly driverThin: number;
  /** Stores with no driver (enough data), and those where nothing was called predictive. */
  readonly quietStores: number;
  readonly quietClean: number;
  /** Stores where the noise measure had enough data, and where it was called predictive. */
  readonly noiseCases: number;
  readonly noisePredictive: number;
  /** Cases of the ratio and integrity shares (noise in every store) with enough data, and those called predictive. */
  readonly shareNoiseCases: number;
  readonly shareNoisePredictive: number;
  /** Cases of the share of new inquiries touched within three days (a staleLead measure's; noise everywhere). */
  readonly touchedNoiseCases: number;
  readonly touchedNoisePredictive: number;
  /** Other measures that were not the driver but were called predictive, of all such cases. */
  readonly bystanderCases: number;
  readonly bystanderPredictive: number;
  /** 4-week, 4-person stores, and those where every measure said "not enough data". */
  readonly thinStores: number;
  readonly thinNotEnough: number;
  /** Mean out-of-sample error ratio, model / baseline, over driver stores with a check (< 1: the model helps). */
  readonly errorRatio: number | null;
}

export function scorePredictive(results: readonly StoreResult[]): PredictiveScore {
  let [driverStores, driverFirst, driverThin, quietStores, quietClean] = [0, 0, 0, 0, 0];
  let [noiseCases, noisePredictive, bystanderCases, bystanderPredictive, thinStores, thinNotEnough] = [
    0, 0, 0, 0, 0, 0,
  ];
  let [shareNoiseCases, shareNoisePredictive, touchedNoiseCases, touchedNoisePredictive] = [0, 0, 0, 0];
  const ratios: number[] = [];
  for (const { shape, effects, check } of results) {
    if (shape.weeks <= 4) {
      thinStores++;
      if (effects.every((e) => e.verdict === 'not enough data')) thinNotEnough++;
      continue;
    }
    const driver = shape.kind === 'none' ? null : DRIVER_MEASURE[shape.kind];
    for (const e of effects) {
      if (e.verdict === 'not enough data' || e.id === driver) continue;
      const predictive = e.verdict === 'predictive here' ? 1 : 0;
      if (e.id === NOISE_MEASURE) {
        noiseCases++;
        noisePredictive += predictive;
      } else if (SHARE_NOISE_MEASURES.includes(e.id)) {
        shareNoiseCases++;
        shareNoisePredictive += predictive;
      } else if (e.id === TOUCH_NOISE.id) {
        touchedNoiseCases++;
        touchedNoisePredictive += predictive;
      } else {
        bystanderCases++;
        bystanderPredictive += predictive;
      }
    }
    if (driver === null) {
      if (effects.some((e) => e.verdict !== 'not enough data')) {
        quietStores++;
        if (effects.every((e) => e.verdict !== 'predictive here')) quietClean++;
      }
      continue;
    }
    const planted = effects.find((e) => e.id === driver);
    if (!planted || planted.verdict === 'not enough data') {
      driverThin++;
      continue;
    }
    driverStores++;
    if (effects[0]?.id === driver && effects[0].verdict === 'predictive here') driverFirst++;
    if (check && check.baselineError > 0) ratios.push(check.modelError / check.baselineError);
  }
  const errorRatio = ratios.length > 0 ? ratios.reduce((a, b) => a + b, 0) / ratios.length : null;
  return {
    driverStores,
    driverFirst,
    driverThin,
    quietStores,
    quietClean,
    noiseCases,
    noisePredictive,
    shareNoiseCases,
    shareNoisePredictive,
    touchedNoiseCases,
    touchedNoisePredictive,
    bystanderCases,
    bystanderPredictive,
    thinStores,
    thinNotEnough,
    errorRatio,
  };
}
