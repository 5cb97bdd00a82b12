/**
 * The goal plan (ARCHITECTURE.md §6): a salesperson's monthly unit goal worked backwards along the
 * funnel into what each step needs per month and per working day. Each step-to-next ratio is
 * the rep's own over the window (next ÷ this, both credited to the rep, capped at 1), shrunk
 * toward the team's ratio by `priorStrength` pseudo-observations, so a new rep's plan starts
 * from the team's ratios and becomes their own as their sample grows. Month-to-date pace
 * compares what was done up to yesterday with what the plan expects by then.
 */
import type { CoachModel, Rep } from './model';
import { shrinkRate } from './stats';
import type { StepCounts } from './step-counts';
import type { MonthToDate } from './window';

export type GoalSource = 'user' | 'override' | 'default';

export interface GoalPlanStep {
  step: string;
  /** The rep's events of this step in the window (the sample its ratio rests on). */
  sample: number;
  /** The rep's own ratio to the next funnel step (capped at 1); null for the last step or no sample. */
  ratioToNext: number | null;
  /** The team's ratio to the next step; null for the last step or when the team has no sample. */
  teamRatioToNext: number | null;
  /** The rep's ratio shrunk toward the team's: the one the plan uses. */
  plannedRatioToNext: number | null;
  /** Events of this step needed per month; null when a later ratio is zero (no plan possible). */
  requiredPerMonth: number | null;
  requiredPerWorkingDay: number | null;
  /**
   * Per working day at the typical salesperson's ratios instead (typicalRatios): what the goal
   * needs from someone who converts like the peers. A rep's activity is judged against this, so
   * that a rep who converts badly but works hard is coached on converting, not told to do even
   * more of what does not convert.
   */
  requiredPerWorkingDayAtTeam: number | null;
  /** Events done this month up to yesterday. */
  monthToDate: number;
  /** What the plan expects by now: requiredPerWorkingDay × working days elapsed. */
  expectedByNow: number | null;
  /** Whether the month-to-date count has reached what is expected by now. */
  onTrack: boolean | null;
}

export interface GoalPlan {
  repId: string;
  name: string;
  monthlyGoal: number;
  goalSource: GoalSource;
  workingDaysInMonth: number;
  workingDaysElapsed: number;
  /** In funnel order, ending with the goal step. */
  steps: GoalPlanStep[];
}

export function monthlyGoalOf(rep: Rep, model: CoachModel): { goal: number; source: GoalSource } {
  if (rep.monthlyGoal !== null) return { goal: rep.monthlyGoal, source: 'user' };
  const override = model.goals.overrides[rep.id];
  if (override !== undefined) return { goal: override, source: 'override' };
  return { goal: model.goals.defaultMonthly, source: 'default' };
}

export function goalPlan(
  rep: Rep,
  repIndex: number,
  model: CoachModel,
  window: StepCounts,
  monthToDate: StepCounts,
  month: MonthToDate,
  /** Working days of the month so far that the rep was there (see tenure.ts). */
  elapsed: number = month.workingDays,
  /** The typical salesperson's ratio from each funnel step to the next (typicalRatios). */
  typical: ReadonlyArray<number | null> = [],
): GoalPlan {
  const funnel = model.goals.funnel;
  const { goal, source } = monthlyGoalOf(rep, model);
  const ratio = (next: number, prev: number): number | null => (prev > 0 ? Math.min(1, next / prev) : null);

  const ratios = funnel.map((step, i) => {
    const next = funnel[i + 1];
    if (next === undefined) return { own: null, team: null, planned: null };
    const sample = window.ofRep(repIndex, step);
    const own = window.ofRep(repIndex, next);
    const team = ratio(window.ofTeam(next), window.ofTeam(step));
    return {
      own: ratio(own, sample),
      team,
      planned: shrinkRate(Math.min(own, sample), sample, team ?? 0, model.coaching.priorStrength),
    };
  });

  // Backwards from the goal: what step i needs is what step i+1 needs over the ratio between them.
  const backwards = (ratioOf: (i: number) => number | null): Array<number | null> => {
    const required = new Array<number | null>(funnel.length).fill(null);
    let needed: number | null = goal;
    for (let i = funnel.length - 1; i >= 0; i--) {
      const ratio = ratioOf(i);
      if (i < funnel.length - 1) needed = needed === null || !ratio ? null : needed / ratio;
      required[i] = needed;
    }
    return required;
  };
  const required = backwards((i) => ratios[i]?.planned ?? null);
  const requiredAtTeam = backwards((i) => typical[i] ?? ratios[i]?.team ?? null);
  const days = month.workingDaysInMonth;
  const perWorkingDay = (perMonth: number | null): number | null =>
    perMonth === null || days === 0 ? null : perMonth / days;

  const steps = funnel.map((step, i): GoalPlanStep => {
    const perMonth = required[i] ?? null;
    const perDay = perWorkingDay(perMonth);
    const done = monthToDate.ofRep(repIndex, step);
    const expectedByNow = perDay === null ? null : perDay * elapsed;
    return {
      step,
      sample: window.ofRep(repIndex, step),
      ratioToNext: ratios[i]?.own ?? null,
      teamRatioToNext: ratios[i]?.team ?? null,
      plannedRatioToNext: ratios[i]?.planned ?? null,
      requiredPerMonth: perMonth,
      requiredPerWorkingDay: perDay,
      requiredPerWorkingDayAtTeam: perWorkingDay(requiredAtTeam[i] ?? null),
      monthToDate: done,
      expectedByNow,
      onTrack: expectedByNow === null ? null : done >= expectedByNow,
    };
  });
  return {
    repId: rep.id,
    name: rep.name,
    monthlyGoal: goal,
    goalSource: source,
    workingDaysInMonth: month.workingDaysInMonth,
    workingDaysElapsed: elapsed,
    steps,
  };
}

/** Fewer events of a step than this make a rep's own ratio too noisy to stand for a typical one. */
export const TYPICAL_MIN_EVENTS = 10;

/**
 * The typical salesperson's ratio from each funnel step to the next: the median of their own
 * ratios (among those with TYPICAL_MIN_EVENTS of the step), not the pooled one, so that the reps
 * who convert badly do not lower the bar, through a lower pooled conversion, for everyone's
 * activity. Null where fewer than three salespeople have the events.
 */
export function typicalRatios(model: CoachModel, reps: readonly Rep[], window: StepCounts): Array<number | null> {
  const funnel = model.goals.funnel;
  return funnel.map((step, i) => {
    const next = funnel[i + 1];
    if (next === undefined) return null;
    const own: number[] = [];
    reps.forEach((rep, index) => {
      const from = window.ofRep(index, step);
      if (rep.role === 'salesperson' && from >= TYPICAL_MIN_EVENTS)
        own.push(Math.min(1, window.ofRep(index, next) / from));
    });
    if (own.length < 3) return null;
    own.sort((a, b) => a - b);
    const middle = own.length >> 1;
    return own.length % 2 === 1 ? (own[middle] as number) : ((own[middle - 1] as number) + (own[middle] as number)) / 2;
  });
}
