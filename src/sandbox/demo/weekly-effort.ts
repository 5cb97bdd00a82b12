import { mixSeed, Rng } from './rng';
import type { DemoProfile } from './types';

/**
 * The demo's planted week-to-week driver (what `execution-coach analyze` should find): each
 * salesperson's appointment setting swings from week to week, as it does when a salesperson
 * spends some weeks working the phones for appointments and others on the floor and on
 * deliveries. In a strong week more of their conversations become appointments, which show and
 * sell over the next days and weeks; their lead flow, calls and contacts do not swing.
 *
 * Everything else in the generator is steady on purpose (quota coins, evenly spread lead
 * arrivals), so without this a salesperson's good and bad weeks would be noise the analysis
 * rightly calls "not predictive here". The swing averages 1 over the weeks, so a 30-day window
 * still holds the salesperson's usual rate, give or take the few points a month of swings moves
 * it (well inside the margin profiles.ts keeps above the targets).
 */
const SWING_SD = 0.25;
const SWING_RANGE: readonly [number, number] = [0.5, 1.5];
const MS_PER_DAY = 86_400_000;
/** Salt of the swings' random stream, apart from the workers' own streams. */
const SWING_STREAM = 0x5e7;

/** Whether a salesperson of this profile has weeks on and off the phones. */
export function swingsWeekly(profile: DemoProfile): boolean {
  return profile !== 'strong';
}

export class WeeklyEffort {
  /** No swing: the BDC agent's job is the phones every week. */
  static readonly steady = new WeeklyEffort(null);

  private readonly scales = new Map<number, number>();

  /** `seed`: the worker's own; null for no swing. */
  constructor(private readonly seed: number | null) {}

  /** Multiplier of the set rate in the Monday-to-Sunday week of a local `YYYY-MM-DD` date. */
  setScaleOn(date: string): number {
    if (this.seed === null) return 1;
    // Monday-based week number: 1970-01-01 was a Thursday.
    const week = Math.floor((Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY + 3) / 7);
    let scale = this.scales.get(week);
    if (scale === undefined) {
      // Each week draws from its own stream, so the swings do not depend on the order weeks are asked in.
      const rng = new Rng(mixSeed(mixSeed(this.seed, SWING_STREAM), week));
      // A sum of three uniforms: bell-shaped, standard deviation 0.5.
      const bell = rng.next() + rng.next() + rng.next() - 1.5;
      scale = Math.min(SWING_RANGE[1], Math.max(SWING_RANGE[0], 1 + 2 * SWING_SD * bell));
      this.scales.set(week, scale);
    }
    return scale;
  }
}
