/** The table `npm run predictive` prints: one row per seed and a row for all of them together. */
import { MAX_NOISE_PREDICTIVE, MIN_DRIVER_FIRST, type PredictiveScore } from './score';

const share = (part: number, whole: number): string =>
  whole === 0 ? '—' : `${((100 * part) / whole).toFixed(0)}% (${part}/${whole})`;

export function meetsBars(score: PredictiveScore): boolean {
  return (
    score.driverStores > 0 &&
    score.driverFirst / score.driverStores >= MIN_DRIVER_FIRST &&
    score.noisePredictive <= MAX_NOISE_PREDICTIVE * score.noiseCases &&
    score.shareNoisePredictive <= MAX_NOISE_PREDICTIVE * score.shareNoiseCases &&
    score.touchedNoisePredictive <= MAX_NOISE_PREDICTIVE * score.touchedNoiseCases &&
    score.thinNotEnough === score.thinStores
  );
}

export function sumScores(scores: readonly PredictiveScore[]): PredictiveScore {
  const sum = (key: Exclude<keyof PredictiveScore, 'errorRatio'>): number => scores.reduce((a, s) => a + s[key], 0);
  const ratios = scores.map((s) => s.errorRatio).filter((r): r is number => r !== null);
  return {
    driverStores: sum('driverStores'),
    driverFirst: sum('driverFirst'),
    driverThin: sum('driverThin'),
    quietStores: sum('quietStores'),
    quietClean: sum('quietClean'),
    noiseCases: sum('noiseCases'),
    noisePredictive: sum('noisePredictive'),
    shareNoiseCases: sum('shareNoiseCases'),
    shareNoisePredictive: sum('shareNoisePredictive'),
    touchedNoiseCases: sum('touchedNoiseCases'),
    touchedNoisePredictive: sum('touchedNoisePredictive'),
    bystanderCases: sum('bystanderCases'),
    bystanderPredictive: sum('bystanderPredictive'),
    thinStores: sum('thinStores'),
    thinNotEnough: sum('thinNotEnough'),
    errorRatio: ratios.length > 0 ? ratios.reduce((a, b) => a + b, 0) / ratios.length : null,
  };
}

export function scoreTable(rows: readonly { label: string; score: PredictiveScore }[]): string[] {
  const header = [
    'seed',
    `driver ranked first (≥ ${MIN_DRIVER_FIRST * 100}%)`,
    'driver: not enough data',
    'no-driver store: nothing predictive',
    `noise called predictive (≤ ${MAX_NOISE_PREDICTIVE * 100}%)`,
    `ratio and integrity noise called predictive (≤ ${MAX_NOISE_PREDICTIVE * 100}%)`,
    `new leads touched: noise called predictive (≤ ${MAX_NOISE_PREDICTIVE * 100}%)`,
    'other non-drivers called predictive',
    'thin store: not enough data',
    'out-of-sample error vs past sales',
    'bars',
  ];
  const body = rows.map(({ label, score: s }) => [
    label,
    share(s.driverFirst, s.driverStores),
    String(s.driverThin),
    share(s.quietClean, s.quietStores),
    share(s.noisePredictive, s.noiseCases),
    share(s.shareNoisePredictive, s.shareNoiseCases),
    share(s.touchedNoisePredictive, s.touchedNoiseCases),
    share(s.bystanderPredictive, s.bystanderCases),
    share(s.thinNotEnough, s.thinStores),
    s.errorRatio === null ? '—' : `${(100 * s.errorRatio).toFixed(1)}%`,
    meetsBars(s) ? 'met' : 'MISSED',
  ]);
  return [header, ...body]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .flatMap((line, i) => (i === 0 ? [line, `|${header.map(() => '---').join('|')}|`] : [line]));
}
