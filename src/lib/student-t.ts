/**
 * The Student t quantile of the analysis's intervals, stdlib's (exact to double precision), loaded the first time it
 * is asked for. It is about 400 small modules, 0.15 s and 7 MB of every start-up, and only the predictive analysis
 * needs it: `analyze`, the scorecard page's section and a sync with `coaching.leakSource: store`. The core takes it
 * as a capability (`EffectOptions.tQuantile`) and imports no package.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import type { TQuantile } from '../core/predictive-effects';

export const studentTQuantile: TQuantile = (p, df) => {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError(`tQuantile needs 0 < p < 1 and df > 0, got ${p}, ${df}`);
  // require caches the module: after the first call this is a lookup.
  return (require('@stdlib/stats-base-dists-t-quantile') as TQuantile)(p, df);
};
