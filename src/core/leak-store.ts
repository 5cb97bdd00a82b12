/**
 * A leak priced by the store's own history instead of the conversion chain (issue 12,
 * `coaching.leakSource: store`): where the predictive analysis (predictive-store.ts) is confident
 * that an activity goes with later sales here, its measured effect prices a shortfall in it.
 *
 * Units. The analysis' outcome is a rep's average weekly units over the L weeks of the lag window
 * (weeks 1–4 after: L = 4), so its slope b is the extra units a week, over each of those L weeks,
 * that one week with one more event a working day goes with (a count measure), or with a share of
 * leads answered within the SLA higher by 1, i.e. 100 points (a response measure). A shortfall kept
 * up week after week forgoes b in each of the L weeks after every week of it: b × L units a week in
 * the steady state. In units a month:
 * - volume:       (expected − observed) ÷ working days  [events a working day]
 *                 × b × L                              [units a week per event a working day]
 *                 × 52/12                              [weeks a month];
 * - responseTime: (target − actual) × b × L × 52/12     [share × units a week per share × …].
 * The shortfall is already a rate, so the window-to-month scale the chain applies to counts does
 * not apply; 52/12 is the month of the analysis' worth. b × L is exact when a rep's weeks vary
 * independently around their own level; weeks that move together (a habit changing slowly) make b
 * carry some of the neighbouring weeks' effect, which b × L then counts again: one more reason for
 * the low end.
 *
 * b is the low end of its 95% interval, not the point estimate: a manager must not be told of a
 * bigger loss than the data vouches for, and it is the low end that `analyze` ranks by. The
 * verdict "predictive here" means that low end is above zero, so the leak is a loss. Any other
 * verdict (not predictive here, not enough data), an activity the analysis has no candidate for
 * (the outcome step itself) or another kind of measure is priced by the chain (leak.ts).
 */
import { fmt, type Leak } from './leak';
import type { MeasureResult } from './measure-results';
import type { MeasureModel } from './model';
import { lagWeeks, type MeasureEffect, WEEKS_PER_MONTH } from './predictive-effects';

/** What a store's effect needs to price a leak: the analysis' per-measure figures. */
export type StoreEffect = Pick<
  MeasureEffect,
  'id' | 'kind' | 'verdict' | 'slope' | 'slopeInterval' | 'people' | 'personWeeks'
>;

/** The store's measured effects (`analyzeStore(...)`: its lag window and measures). */
export interface StoreEffects {
  readonly lag: { readonly from: number; readonly to: number };
  readonly measures: readonly StoreEffect[];
}

/** The leak by the store's own effect, or null when the chain must price it. */
export function storeLeakOf(result: MeasureResult, measure: MeasureModel, effects: StoreEffects): Leak | null {
  switch (result.kind) {
    case 'volume': {
      const effect = confident(effects, result.step, 'per working day');
      if (!effect || result.expected === null || result.workingDays <= 0) return null;
      const perDay = Math.max(0, result.expected - result.observed) / result.workingDays;
      return priced(perDay, effect, 'one more a working day', `shortfall ${fmt(perDay)} a working day`);
    }
    case 'responseTime': {
      const effect = confident(effects, measure.id, 'share');
      if (!effect) return null;
      const actual = result.value ?? 0;
      return priced(
        Math.max(0, result.target - actual),
        effect,
        `100% of leads answered within ${result.slaMinutes} min`,
        `(${fmt(result.target)} − ${fmt(actual)})`,
      );
    }
    default:
      return null;
  }
}

interface Confident {
  readonly low: number;
  readonly high: number;
  readonly people: number;
  readonly personWeeks: number;
  readonly lag: StoreEffects['lag'];
}

function confident(effects: StoreEffects, id: string, kind: StoreEffect['kind']): Confident | null {
  const effect = effects.measures.find((e) => e.id === id && e.kind === kind);
  if (!effect || effect.verdict !== 'predictive here' || effect.slopeInterval === null) return null;
  const { low, high } = effect.slopeInterval;
  const { people, personWeeks } = effect;
  return low > 0 ? { low, high, people, personWeeks, lag: effects.lag } : null;
}

function priced(gap: number, effect: Confident, perWhat: string, gapText: string): Leak {
  const { from, to } = effect.lag;
  const weeks = lagWeeks(effect);
  const when = weeks === 1 ? `in week ${from} after` : `in each of weeks ${from}–${to} after`;
  const source =
    `by this store's own history (analyze: predictive here, from ${effect.people} salespeople and ` +
    `${effect.personWeeks} person-weeks: ${perWhat} goes with ${fmt(effect.low)}…${fmt(effect.high)} more units ` +
    `a week, 95% interval, ${when}; the low end is used)`;
  return {
    units: gap * effect.low * weeks * WEEKS_PER_MONTH,
    formula: `${source}: ${gapText} × ${fmt(effect.low)} × ${weeks} weeks after × ${fmt(WEEKS_PER_MONTH)} weeks a month`,
  };
}
