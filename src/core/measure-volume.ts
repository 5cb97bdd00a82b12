/**
 * Volume: events of one step credited to the rep in the period (suspicious ones excluded)
 * against expected = perDay × working days. `perDay: 'goal'` takes the rep's goal-plan
 * requirement per working day for that step; setters have no goal, so no expectation applies
 * to them there. The Poisson lower tail P(X ≤ observed | λ = expected) says how unlikely the
 * shortfall is for someone who does work at the expected rate.
 */
import type { Rep, VolumeMeasure } from './model';
import type { MeasureResults, VolumeResult } from './measure-results';
import { poissonLowerTail } from './stats';
import type { StepCounts } from './step-counts';
import type { Period } from './window';

/** The rep's expected events of a step per working day, when the goal plan sets one. */
export type GoalPerDay = (rep: Rep, step: string) => number | null;

/** Working days of the period the rep could work: those since they started (all of them when unknown). */
export type RepWorkingDays = (rep: Rep, period: Period) => number;

export function measureVolume(
  measure: VolumeMeasure,
  reps: readonly Rep[],
  counts: StepCounts,
  period: Period,
  goalPerDay: GoalPerDay,
  repWorkingDays: RepWorkingDays,
): MeasureResults<VolumeResult> {
  const result = (
    observed: number,
    expectedPerDay: number | null,
    members: number,
    workingDays: number,
  ): VolumeResult => {
    const expected = expectedPerDay === null ? null : expectedPerDay * workingDays * members;
    return {
      kind: 'volume',
      measure: measure.id,
      step: measure.step,
      observed,
      workingDays,
      value: workingDays > 0 && members > 0 ? observed / workingDays / members : null,
      expectedPerDay,
      expected,
      lowerTail: expected === null ? null : poissonLowerTail(observed, expected),
    };
  };
  const expectedFor = (rep: Rep): number | null => {
    if (measure.perDay !== 'goal') return measure.perDay;
    return rep.role === 'salesperson' ? goalPerDay(rep, measure.step) : null;
  };
  const salespeople = reps.filter((rep) => rep.role === 'salesperson').length;
  return {
    reps: reps.map((rep, index) =>
      result(counts.ofRep(index, measure.step), expectedFor(rep), 1, repWorkingDays(rep, period)),
    ),
    // The team's expectation is per salesperson only when it is the same number for everyone.
    team: result(
      counts.ofTeam(measure.step),
      measure.perDay === 'goal' ? null : measure.perDay,
      salespeople,
      period.workingDays,
    ),
  };
}
