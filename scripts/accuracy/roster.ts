/**
 * The reps of one store and what is planted on each: their profile, weaknesses, levels,
 * goal, workload and the open items (overdue follow-ups, idle leads) they leave behind.
 * Salespeople are mostly clean, about a third weak (one weakness, some two), with the hard
 * negatives mixed in; setters, in the stores that have a BDC, are clean or have one weakness.
 */
import type { DayNumber } from '../../src/core/civil-date';
import type { RepRole } from '../../src/core/model';
import { perLead } from './funnel';
import type { Levels, Thresholds } from './levels';
import type { Random } from './random';
import { BUSY_ACTIVITY, FAKE_SHARE, repLevels } from './rep-levels';
import type { Profile } from './truth';
import { planted, type PlantedWeakness, type WeaknessDeck, type WeaknessKind } from './weaknesses';
import { growthFor, salesWorkload, type Workload, type WorkloadContext } from './workload';

export interface RosterContext extends WorkloadContext {
  random: Random;
  thresholds: Thresholds;
  deck: WeaknessDeck;
  todayDay: DayNumber;
  /** Every level exactly as planned (counts not drawn): the simulation's team. */
  exact: boolean;
}

export interface RepPlan extends Workload {
  name: string;
  role: RepRole;
  profile: Profile;
  weaknesses: PlantedWeakness[];
  tempting: PlantedWeakness[];
  levels: Levels;
  goal: number | null;
  /** First working day of a new hire; null for everyone else. */
  startDay: DayNumber | null;
  overdue: number;
  forgotten: number;
  messaged: number;
  fakeShare: number;
}

/** What a caller fixes about a salesperson instead of drawing it (tests, the simulation). */
export interface ForcedRep {
  profile: Profile;
  goal?: number;
  kinds?: readonly WeaknessKind[];
}

/** About half clean, a third weak, and each hard negative often enough to appear in every run of 20 stores. */
const PROFILES: readonly Profile[] = ['clean', 'weak', 'busy_low_conversion', 'new_hire', 'tiny_sample'];
const PROFILE_WEIGHTS = [0.44, 0.36, 0.06, 0.07, 0.07];
/** Of weak salespeople, the share with a second weakness. */
const PAIR_SHARE = 0.3;
/** Of setters, the share with a weakness. */
const WEAK_SETTER_SHARE = 0.3;
/** Open leads per rep touched lately only by an e-mail or a text (no configured step sees them). */
const MESSAGED_MEAN = 0.6;
/**
 * Goals of ordinary salespeople, units a month: above the national ten on purpose. At these
 * volumes most of a clean rep's ratios rest on at least minSample customers, so the tests the
 * judgement makes on them are live and a false flag can show, instead of being hidden by a
 * sample too small to test.
 */
const GOAL_RANGE: readonly [number, number] = [14, 28];
const TINY_GOAL_RANGE: readonly [number, number] = [1, 2];
/** Bad rates that look damning on a handful of customers. */
const TEMPTATIONS: readonly WeaknessKind[] = ['slow_response', 'skips_demo', 'low_close_rate'];
const BUSY_KINDS: readonly WeaknessKind[] = ['low_set_rate', 'low_close_rate'];

const FIRST = ['Ana', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ira', 'Jo', 'Kai', 'Lena', 'Milo', 'Nia'];
const LAST = ['Abbot', 'Brandt', 'Cruz', 'Dahl', 'Engel', 'Frost', 'Guerra', 'Holm', 'Ivers', 'Joshi', 'Kerr'];

export function repName(random: Random): string {
  return `${random.pick(FIRST)} ${random.pick(LAST)}`;
}

export function planSalesperson(ctx: RosterContext, team: Levels, bdcShare: number, forced?: ForcedRep): RepPlan {
  const { random } = ctx;
  const profile = forced?.profile ?? PROFILES[random.weighted(PROFILE_WEIGHTS)] ?? 'clean';
  const kinds: WeaknessKind[] = [...(forced?.kinds ?? [])];
  const tempting: WeaknessKind[] = [];
  if (forced?.kinds === undefined) drawWeaknesses(ctx, profile, kinds, tempting);
  const levels = repLevels(team, ctx.thresholds, [...kinds, ...tempting]);
  if (profile === 'busy_low_conversion') levels.activity = team.activity * BUSY_ACTIVITY;
  const range = profile === 'tiny_sample' ? TINY_GOAL_RANGE : GOAL_RANGE;
  let goal = forced?.goal ?? random.int(range[0], range[1]);
  let work = salesWorkload(ctx, team, levels, goal, bdcShare);
  const growth = growthFor(ctx, levels, work, kinds);
  if (growth > 1) {
    goal = Math.ceil(goal * growth);
    work = salesWorkload(ctx, team, levels, goal, bdcShare);
  }
  return {
    ...work,
    ...openItems(ctx, levels, team, kinds),
    name: repName(random),
    role: 'salesperson',
    profile,
    weaknesses: kinds.map(planted),
    tempting: tempting.map(planted),
    levels,
    goal,
    startDay: profile === 'new_hire' ? ctx.todayDay - random.int(9, 16) : null,
    fakeShare: kinds.includes('fake_calls') ? FAKE_SHARE : 0,
  };
}

/** The weaknesses (or, on a tiny sample, the temptation) a drawn profile gets. */
function drawWeaknesses(ctx: RosterContext, profile: Profile, kinds: WeaknessKind[], tempting: WeaknessKind[]): void {
  const { random, deck } = ctx;
  if (profile === 'weak') {
    kinds.push(deck.draw('salesperson'));
    if (random.chance(PAIR_SHARE)) kinds.push(deck.draw('salesperson', kinds));
  } else if (profile === 'busy_low_conversion') {
    kinds.push(random.pick(BUSY_KINDS));
  } else if (profile === 'tiny_sample') {
    tempting.push(random.pick(TEMPTATIONS));
  }
}

/** Setters working enough leads, at their own levels, to book `feedShownPerDay` shows between them. */
export function planSetters(
  ctx: RosterContext,
  count: number,
  team: Levels,
  sellers: Levels,
  feedShownPerDay: number,
): RepPlan[] {
  const { random } = ctx;
  return Array.from({ length: count }, (): RepPlan => {
    const kinds = random.chance(WEAK_SETTER_SHARE) ? [ctx.deck.draw('setter')] : [];
    const levels = repLevels(team, ctx.thresholds, kinds);
    const base = { leadsPerDay: feedShownPerDay / count / perLead(levels, sellers).shown, feedShownPerDay: 0 };
    const growth = growthFor(ctx, levels, base, kinds);
    return {
      leadsPerDay: base.leadsPerDay * growth,
      feedShownPerDay: 0,
      ...openItems(ctx, levels, team, kinds),
      name: repName(random),
      role: 'setter',
      profile: kinds.length > 0 ? 'weak' : 'clean',
      weaknesses: kinds.map(planted),
      tempting: [],
      levels,
      goal: null,
      startDay: null,
      fakeShare: kinds.includes('fake_calls') ? FAKE_SHARE : 0,
    };
  });
}

/**
 * Open items left behind: overdue follow-ups and leads forgotten, drawn around the team's
 * level (exactly it in the simulation) or set to the planted count. An overdue follow-up's
 * lead is idle too, so the idle leads planted besides them make up the rest of the stale count.
 */
function openItems(ctx: RosterContext, levels: Levels, team: Levels, kinds: readonly WeaknessKind[]) {
  const { random, exact } = ctx;
  const count = (mean: number): number => (exact ? Math.round(mean) : random.poisson(mean));
  const overdue = kinds.includes('overdue_follow_ups') ? levels.overdue : count(team.overdue);
  const stale = kinds.includes('stale_leads') ? levels.stale : count(team.stale);
  return { overdue, forgotten: Math.max(0, stale - overdue), messaged: random.poisson(MESSAGED_MEAN) };
}
