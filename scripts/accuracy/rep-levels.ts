/**
 * A rep's own levels: the team's, except where a weakness is planted. A planted level is
 * clearly worse than both the team and the config's threshold (half of the lower of the two
 * for a rate), so that on the sample the workload gives it (see roster.ts) a sound test tells
 * it from the team at any reasonable confidence, and it stays a weakness of this rep even in
 * a store whose whole team is below target.
 */
import { maxDemoFor } from './funnel';
import type { Levels, Thresholds } from './levels';
import { WEAKNESSES, type WeaknessKind } from './weaknesses';

/** Share of a fake caller's logged call events that are fakes (the config tolerates 5%). */
export const FAKE_SHARE = 0.3;
/** Activity of a rep planted as doing too little, and of a busy rep, relative to the team's. */
export const LOW_ACTIVITY = 0.5;
export const BUSY_ACTIVITY = 1.5;

export function repLevels(team: Levels, thresholds: Thresholds, kinds: readonly WeaknessKind[]): Levels {
  const levels = { ...team };
  for (const kind of kinds) {
    const key = WEAKNESSES[kind].level;
    switch (key) {
      case 'activity':
        levels.activity = team.activity * LOW_ACTIVITY;
        break;
      case 'demoSkip':
      case 'naSkip':
        levels[key] = Math.min(0.8, Math.max(0.55, team[key] + 0.3));
        break;
      case 'stale':
        levels.stale = Math.ceil(Math.max(team.stale, thresholds.stale) * 2 + 6);
        break;
      case 'overdue':
        levels.overdue = Math.ceil(Math.max(team.overdue, thresholds.overdue) * 2 + 4);
        break;
      case 'suspicious':
        // Fakes are planted as bursts of calls (fake-calls.ts); the rep's real calls stay as the team's.
        break;
      default:
        levels[key] = 0.5 * Math.min(team[key], thresholds[key]);
    }
  }
  // Selling without a demo needs customers who were not given one: the demo rate falls to make room.
  if (kinds.includes('skips_demo'))
    levels.demo = Math.min(levels.demo, 0.9 * maxDemoFor(levels.demoSkip, levels.writeUp));
  return levels;
}
