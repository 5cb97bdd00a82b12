/**
 * Volume: events of one step credited to the rep in the period (suspicious ones excluded)
 * against expected = perDay × working days. `perDay: 'goal'` takes what the rep's goal needs
 * per working day of that step at the team's conversion (goal-plan.ts): a rep who converts
 * badly must not be told to make up for it with volume, so the expectation is what someone
 * converting like the team would need, and what the rep's own conversion would demand is kept
 * for the evidence. Setters have no goal, so no expectation applies to them there. The Poisson
 * lower tail P(X ≤ observed | λ = expected) says how unlikely the shortfall is for someone who
 * does work at the expected rate.
 */
import type { Rep, VolumeMeasure } from './model';
import type { MeasureResults, VolumeResult } from './measure-results';
import { poissonLowerTail } from './stats';
import type { StepCounts } from './step-counts';
import type { Period } from './window';

/** What a rep's goal needs of a step per working day, at the team's conversion and at their own. */
export interface GoalNeed {
  atTeam: number | null;
  atOwn: number | null;
}

/** The rep's goal need of a step, when the goal plan sets one (salespeople). */
export type GoalPerDay = (rep: Rep, step: string) => GoalNeed | null;

/** Working days of the period the rep could work: those since they started (all of them when unknown). */
export type RepWorkingDays = (rep: Rep, period: Period) => number;

/** A rep's day-to-day dispersion of a step's count (daily-spread.ts). */
export type RepSpread = (repIndex: number, step: string) => number | null;

export function measureVolume(
  measure: VolumeMeasure,
  reps: readonly Rep[],
  counts: StepCounts,
  period: Period,
  goalPerDay: GoalPerDay,
  repWorkingDays: RepWorkingDays,
  spread: RepSpread,
): MeasureResults<VolumeResult> {
  const result = (
    observed: number,
    need: GoalNeed | null,
    members: number,
    workingDays: number,
    dailyDispersion: number | null,
    joinedInPeriod = false,
  ): VolumeResult => {
    const expectedPerDay = need?.atTeam ?? null;
    const expected = expectedPerDay === null ? null : expectedPerDay * workingDays * members;
    return {
      kind: 'volume',
      measure: measure.id,
      step: measure.step,
      observed,
      workingDays,
      value: workingDays > 0 && members > 0 ? observed / workingDays / members : null,
      expectedPerDay,
      expectedAtOwnPerDay: need?.atOwn ?? null,
      expected,
      lowerTail: expected === null ? null : poissonLowerTail(observed, expected),
      joinedInPeriod,
      dailyDispersion,
    };
  };
  const fixed = (perDay: number): GoalNeed => ({ atTeam: perDay, atOwn: null });
  const expectedFor = (rep: Rep): GoalNeed | null => {
    if (measure.perDay !== 'goal') return fixed(measure.perDay);
    return rep.role === 'salesperson' ? goalPerDay(rep, measure.step) : null;
  };
  const salespeople = reps.filter((rep) => rep.role === 'salesperson').length;
  return {
    reps: reps.map((rep, index) =>
      result(
        counts.ofRep(index, measure.step),
        expectedFor(rep),
        1,
        repWorkingDays(rep, period),
        spread(index, measure.step),
        repWorkingDays(rep, period) < period.workingDays,
      ),
    ),
    // The team's expectation is per salesperson only when it is the same number for everyone.
    team: result(
      counts.ofTeam(measure.step),
      measure.perDay === 'goal' ? null : fixed(measure.perDay),
      salespeople,
      period.workingDays,
      null,
    ),
  };
}
