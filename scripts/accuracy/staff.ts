/**
 * User records of a store: its managers and reps, with the fields the config reads named as
 * the config names them (the role conditions, the manager and store fields, the goal field),
 * so mapUsers sees salespeople, setters and managers exactly as the admin's mapping says.
 */
import type { GoalModel, MatchConditions, RepRole, TeamModel } from '../../src/core/model';
import type { Random } from './random';
import type { RecordSink } from './records';
import type { RepPlan } from './roster';
import { DAY_MS, type StoreClock } from './store-clock';
import type { StorePlan } from './store-plan';

/** A value that meets a condition (the first of a list). */
function satisfying(conditions: MatchConditions): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [path, expected] of Object.entries(conditions)) {
    if (path.includes('.')) throw new Error(`The benchmark cannot fill the relationship condition ${path} on User.`);
    fields[path] = Array.isArray(expected) ? (expected[0] ?? null) : expected;
  }
  return fields;
}

export interface StaffContext {
  sink: RecordSink;
  clock: StoreClock;
  random: Random;
  team: TeamModel;
  goals: GoalModel;
  now: number;
}

export interface Staff {
  /** The User Id of each rep, in the plan's order. */
  repIds: string[];
  /** The manager of each role's team (one manager for both when the store has no setters). */
  managers: Record<RepRole, string>;
}

/** Creates the store's users: a sales manager, a BDC manager when there are setters, and the reps. */
export function hireStaff(ctx: StaffContext, plan: StorePlan): Staff {
  const { sink, random, team, now } = ctx;
  const tenure = (): number => now - random.uniform(200, 3000) * DAY_MS;
  const store = team.storeField ? { [team.storeField]: plan.name } : {};
  const manager = (title: string): string =>
    sink.user(`${title} ${plan.name}`, tenure(), { Title: title, [team.managerField]: null, ...store });
  const salesManager = manager('Sales Manager');
  const bdcManager = plan.reps.some((rep) => rep.role === 'setter') ? manager('BDC Manager') : salesManager;

  const repIds = plan.reps.map((rep: RepPlan) => {
    const role = rep.role === 'salesperson' ? team.salespeople : team.setters;
    const fields: Record<string, unknown> = {
      ...satisfying(role),
      [team.managerField]: rep.role === 'salesperson' ? salesManager : bdcManager,
      ...store,
    };
    if (ctx.goals.userField) fields[ctx.goals.userField] = rep.goal;
    const startedAt = rep.startDay === null ? tenure() : ctx.clock.at(rep.startDay, 8 * 60);
    return sink.user(rep.name, startedAt, fields);
  });
  return { repIds, managers: { salesperson: salesManager, setter: bdcManager } };
}
