/**
 * Team tests (ARCHITECTURE.md §6): for each manager's team of one role and each measure, whether
 * the team as a whole is worse than the target. A rep who is clearly worse than the peers is
 * left out of the pool first: a team gap must not be one person's gap averaged over everyone.
 * A team needs two members beside those left out; a team of one is that rep.
 *
 * Volumes that follow the goal are not tested for a team: their expectation is worked back from
 * the same team's conversions and from goals someone set, so a whole team short of it says more
 * about the goals (or about sales a BDC feeds in, which the salespeople's own funnel does not
 * show) than about a process the manager should fix. Fixed expectations (perDay: 12) are tested.
 */
import type { MeasureResult, Scorecard } from './measure-results';
import type { CoachModel, Rep, RepRole } from './model';
import { peerYardstick } from './peers';
import { pooledResult } from './pooled-result';
import { minSampleOf, targetPValue } from './rules';
import { countPValue } from './significance';

export const MIN_TEAM_MEMBERS = 2;

export interface TeamTest {
  managerId: string;
  role: RepRole;
  /** The measure's index in the config. */
  order: number;
  /** Rep indices pooled. */
  members: number[];
  result: MeasureResult;
  p: number;
}

export interface TeamTestInput {
  model: CoachModel;
  reps: readonly Rep[];
  scorecards: readonly Scorecard[];
  /** Whether a rep is clearly worse than the peers on a measure (left out of the team's pool). */
  isOutlier: (repIndex: number, order: number) => boolean;
  /** Measures not judged this run (they read a step that matches nothing: silent-steps.ts). */
  unjudged?: ReadonlySet<string>;
}

export function teamTests(input: TeamTestInput): TeamTest[] {
  const { model, reps, scorecards } = input;
  const teams = new Map<string, { managerId: string; role: RepRole; members: number[] }>();
  reps.forEach((rep, index) => {
    if (rep.managerId === null) return;
    const key = `${rep.managerId}\u0000${rep.role}`;
    const team = teams.get(key) ?? { managerId: rep.managerId, role: rep.role, members: [] };
    team.members.push(index);
    teams.set(key, team);
  });
  const tests: TeamTest[] = [];
  for (const team of [...teams.values()].sort((a, b) => compare(a.managerId, b.managerId) || compare(a.role, b.role))) {
    model.measures.forEach((measure, order) => {
      if (measure.kind === 'volume' && measure.perDay === 'goal') return;
      if (input.unjudged?.has(measure.id) === true) return;
      const members = team.members.filter((index) => !input.isOutlier(index, order));
      if (members.length < MIN_TEAM_MEMBERS) return;
      // A rep still ramping up (started in the window) is no measure of the team's pace.
      const results = members
        .flatMap((index) => scorecards[index]?.results[order] ?? [])
        .filter((r) => r.kind !== 'volume' || !r.joinedInPeriod);
      const result = pooledResult(results, model.coaching.confidence);
      if (result === null) return;
      const dispersion = peerYardstick(results).dispersion;
      // A team's open items are many reps' worth: whether the team is over its allowance is a
      // question of spread, not the one rep's tolerance a single count is held to.
      const p =
        result.kind === 'overdue' || result.kind === 'staleLead'
          ? countPValue(result.count, result.maxAllowed, dispersion, 'above')
          : targetPValue(result, minSampleOf(measure, model, team.role), dispersion);
      if (p !== null) tests.push({ managerId: team.managerId, role: team.role, order, members, result, p });
    });
  }
  return tests;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
