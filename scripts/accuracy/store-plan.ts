/**
 * One store: its size (4 to 25 people), whether a BDC books for it, the team levels of each
 * role with the store's team-wide gaps, and the plan of every rep.
 */
import type { RepRole } from '../../src/core/model';
import { LEVEL_KEYS, LEVEL_MEASURE, type LevelKey, type Levels } from './levels';
import { type ForcedRep, planSalesperson, planSetters, type RepPlan, type RosterContext } from './roster';
import type { WeaknessKind } from './weaknesses';
import { drawGaps, gapsOf, SETTER_KEYS, teamLevels } from './team-levels';
import type { Profile } from './truth';

export interface StorePlan {
  name: string;
  team: Record<RepRole, Levels>;
  /** Measure ids on which the role's team is planted worse than the threshold. */
  gaps: Record<RepRole, ReadonlySet<string>>;
  reps: RepPlan[];
}

/** What the caller fixes about a store instead of drawing it (the simulation's team). */
export interface StoreShape {
  size?: number;
  bdc?: boolean;
  team?: Levels;
  profile?: Profile;
  goal?: number;
  /** Weaknesses planted on the first salespeople, one list each. */
  plant?: ReadonlyArray<readonly WeaknessKind[]>;
}

const MIN_SIZE = 4;
const MAX_SIZE = 25;
/**
 * Stores of at least this many reps may have a BDC (half of them do), of two to five setters:
 * setters come at least in pairs so that each has peers of their own role to be compared with.
 */
const BDC_MIN_SIZE = 7;
const BDC_SHARE = 0.5;

export function planStore(ctx: RosterContext, name: string, shape: StoreShape = {}): StorePlan {
  const { random, thresholds } = ctx;
  const size = shape.size ?? random.int(MIN_SIZE, MAX_SIZE);
  const bdc = shape.bdc ?? (size >= BDC_MIN_SIZE && random.chance(BDC_SHARE));
  const setterCount = bdc ? Math.min(5, Math.max(2, Math.round(size * random.uniform(0.15, 0.3)))) : 0;
  const sales = shape.team ?? teamLevels(random, thresholds, drawGaps(random, 'salesperson'));
  const setterTeam = shape.team ?? teamLevels(random, thresholds, drawGaps(random, 'setter'), SETTER_KEYS, sales);
  // Of each salesperson's sales, the share that comes from appointments the BDC books (about half).
  const bdcShare = bdc ? random.uniform(0.4, 0.7) : 0;

  const forced = (i: number): ForcedRep | undefined => {
    const kinds = shape.plant?.[i];
    if (kinds) return { profile: 'weak', goal: shape.goal, kinds };
    return shape.profile === undefined ? undefined : { profile: shape.profile, goal: shape.goal };
  };
  const salespeople = Array.from({ length: size - setterCount }, (_, i) =>
    planSalesperson(ctx, sales, bdcShare, forced(i)),
  );
  const feed = salespeople.reduce((sum, rep) => sum + rep.feedShownPerDay, 0);
  const setters = setterCount > 0 ? planSetters(ctx, setterCount, setterTeam, sales, feed) : [];
  return {
    name,
    team: { salesperson: sales, setter: setterTeam },
    gaps: {
      salesperson: measuresOf(gapsOf(sales, thresholds, LEVEL_KEYS)),
      setter: measuresOf(setterCount > 0 ? gapsOf(setterTeam, thresholds, SETTER_KEYS) : []),
    },
    reps: [...salespeople, ...setters],
  };
}

function measuresOf(keys: readonly LevelKey[]): ReadonlySet<string> {
  return new Set(keys.map((key) => LEVEL_MEASURE[key]));
}
