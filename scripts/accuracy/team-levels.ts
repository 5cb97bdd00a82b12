/**
 * A store's team levels, per role. Most levels sit comfortably on the good side of the config's
 * threshold; a few, chosen per store, sit clearly on the bad side: a team-wide gap, the case
 * where the whole team closes 46% against a 60% target. Both margins are wide (several points
 * of a rate, several items of a count) so that "the team is at, above or below target" is a
 * fact of the planted truth, not something the window's sampling noise could turn around.
 */
import { type LevelKey, type Levels, type Thresholds, isWorse, LEVEL_KEYS } from './levels';
import type { Random } from './random';

/** Levels a setter's work touches: the BDC calls, reaches and books; the sale is the salesperson's. */
export const SETTER_KEYS: readonly LevelKey[] = ['respond', 'contact', 'set', 'show', 'suspicious', 'stale', 'overdue'];

const clampRate = (value: number): number => Math.min(0.95, Math.max(0.05, value));

/** A level clearly better than the threshold. */
function aboveThreshold(random: Random, key: LevelKey, threshold: number): number {
  switch (key) {
    case 'activity':
      return random.uniform(1.0, 1.15);
    case 'respond':
      return Math.min(0.97, threshold + random.uniform(0.08, 0.15));
    case 'demoSkip':
    case 'naSkip':
    case 'suspicious':
      return threshold * random.uniform(0, 0.4);
    case 'stale':
    case 'overdue':
      return threshold * random.uniform(0.1, 0.4);
    default:
      return clampRate(threshold + random.uniform(0.05, 0.12));
  }
}

/** A level clearly worse than the threshold: the team-wide gap. */
function belowThreshold(random: Random, key: LevelKey, threshold: number): number {
  switch (key) {
    case 'activity':
      return random.uniform(0.7, 0.8);
    case 'respond':
      return threshold - random.uniform(0.12, 0.2);
    case 'demoSkip':
      return threshold + random.uniform(0.08, 0.15);
    case 'naSkip':
      return threshold + random.uniform(0.1, 0.2);
    case 'suspicious':
      return threshold + random.uniform(0.03, 0.06);
    case 'stale':
      return threshold + random.uniform(3, 7);
    case 'overdue':
      return threshold + random.uniform(2, 4);
    default:
      return clampRate(threshold - random.uniform(0.1, 0.16));
  }
}

/**
 * Team levels with the given gaps. `keys` limits which levels are drawn for the role; the
 * others keep the `base` value (a setter's demo rate is never used).
 */
export function teamLevels(
  random: Random,
  thresholds: Thresholds,
  gaps: ReadonlySet<LevelKey>,
  keys: readonly LevelKey[] = LEVEL_KEYS,
  base?: Levels,
): Levels {
  const levels: Levels = { ...(base ?? thresholds) };
  for (const key of keys) {
    levels[key] = gaps.has(key)
      ? belowThreshold(random, key, thresholds[key])
      : aboveThreshold(random, key, thresholds[key]);
  }
  return levels;
}

/** Which levels of a store's team are gaps: up to three for salespeople, the set rate often for setters. */
export function drawGaps(random: Random, role: 'salesperson' | 'setter'): Set<LevelKey> {
  if (role === 'setter') {
    // A BDC often books fewer of the customers it reaches than salespeople do: the "roles mixed" case.
    const gaps = new Set<LevelKey>();
    if (random.chance(0.5)) gaps.add('set');
    if (random.chance(0.15)) gaps.add(random.pick(SETTER_KEYS.filter((k) => k !== 'set')));
    return gaps;
  }
  const count = random.weighted([0.3, 0.35, 0.25, 0.1]);
  return new Set(random.shuffled(LEVEL_KEYS).slice(0, count));
}

/** The measures (by level) on which the planted team is worse than the config's threshold. */
export function gapsOf(levels: Levels, thresholds: Thresholds, keys: readonly LevelKey[]): LevelKey[] {
  return keys.filter((key) => isWorse(key, levels[key], thresholds[key]));
}
