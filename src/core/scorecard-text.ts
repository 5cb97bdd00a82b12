/**
 * The words of a rep's numbers, shared by the one-on-one agenda and the scorecard: one review line per measure
 * (value, target, the team's value, and for a volume the month's pace), the goal's pace, and what each working day
 * left in the month needs to reach the goal.
 */
import { num, pct } from './finding-text';
import type { GoalPlan } from './goal-plan';
import type { MeasureResult } from './measure-results';
import type { CoachModel, Rep } from './model';
import type { StepCounts } from './step-counts';
import type { MonthToDate } from './window';

export function reviewLine(result: MeasureResult, team: MeasureResult | undefined, plan: GoalPlan | null): string {
  const teamText = team
    ? ` (team ${result.kind === 'volume' || result.kind === 'overdue' || result.kind === 'staleLead' ? num(team.value) : pct(team.value)})`
    : '';
  switch (result.kind) {
    case 'volume': {
      const pace = plan?.steps.find((s) => s.step === result.step);
      const paceText =
        pace && pace.expectedByNow !== null
          ? `; month to date ${pace.monthToDate} of ${num(pace.expectedByNow)} expected by now (${pace.onTrack ? 'on track' : 'behind'})`
          : '';
      return `${num(result.value)} a day, expected ${num(result.expectedPerDay)}${teamText}${paceText}`;
    }
    case 'ratio':
      return `${pct(result.value)} of ${result.trials}, target ${pct(result.target)}${teamText}`;
    case 'responseTime':
      return `${pct(result.value)} within ${result.slaMinutes} min, target ${pct(result.target)}${teamText}`;
    case 'overdue':
    case 'staleLead':
      return `${result.count} open, allowed ${result.maxAllowed}${teamText}`;
    case 'sequence':
      return `${pct(result.value)} of ${result.reached} skipped a step, allowed ${pct(result.maxSkipShare)}${teamText}`;
    case 'integrity':
      return `${pct(result.value)} of ${result.checked} logged looks unreal, allowed ${pct(result.maxSuspiciousShare)}${teamText}`;
  }
}

/** The goal and the pace towards it this month, for a salesperson with a plan. */
export function paceLine(plan: GoalPlan | null, model: CoachModel): string[] {
  const goal = plan?.steps[plan.steps.length - 1];
  if (!plan || !goal) return [];
  const label = stepName(model, goal.step);
  const pace =
    goal.expectedByNow === null
      ? ''
      : `, ${num(goal.expectedByNow)} expected by now: ${goal.onTrack === true ? 'on pace' : 'behind pace'}`;
  return [`- ${label} goal: ${plan.monthlyGoal} this month; ${goal.monthToDate} so far${pace}`];
}

export type Pace = 'Ahead' | 'On pace' | 'Behind';

/** A whole unit ahead of what the plan expects by now is ahead; short of it, behind. */
export function paceOf(plan: GoalPlan | null): Pace | null {
  const goal = plan?.steps[plan.steps.length - 1];
  if (!goal || goal.expectedByNow === null) return null;
  if (goal.monthToDate >= goal.expectedByNow + 1) return 'Ahead';
  return goal.monthToDate >= goal.expectedByNow ? 'On pace' : 'Behind';
}

/** The first activity steps of the funnel a rep is told the daily need of: the start of the chain. */
const DAILY_STEPS = 2;

/**
 * What each working day left in the month needs, from the goal plan: what the month still needs of the first funnel
 * steps over the working days from today to its end, what that makes for the rest of this week, then the goal and the
 * pace. E.g. "Per working day left (12): Outbound call 31, Contact made 9; this week (3 days): 93, 27 → Sale goal 10
 * this month. Behind: 1 so far, 2.2 expected by now."
 */
export function todayNeeds(plan: GoalPlan, month: MonthToDate, model: CoachModel, weekDaysLeft: number): string {
  const goal = plan.steps[plan.steps.length - 1];
  if (!goal) return '';
  const left = month.workingDaysInMonth - month.workingDays;
  const pace = paceOf(plan);
  const paceText =
    pace === null || goal.expectedByNow === null
      ? `${goal.monthToDate} so far.`
      : `${pace}: ${goal.monthToDate} so far, ${num(goal.expectedByNow)} expected by now.`;
  const target = `${stepName(model, goal.step)} goal ${plan.monthlyGoal} this month.`;
  if (left <= 0) return `No working day left this month. ${target} ${paceText}`;
  const daily = plan.steps.slice(0, DAILY_STEPS).filter((step) => step.step !== goal.step);
  const perDay = daily.flatMap((step) =>
    step.requiredPerMonth === null
      ? []
      : [{ step: step.step, n: Math.ceil(Math.max(0, step.requiredPerMonth - step.monthToDate) / left) }],
  );
  // A step that never converted in the window leaves no plan to work back from (goal-plan.ts).
  if (perDay.length === 0) return `No daily plan yet: a step has not converted in the window. ${target} ${paceText}`;
  const needs = perDay.map(({ step, n }) => `${stepName(model, step)} ${n}`).join(', ');
  const week =
    weekDaysLeft > 0
      ? `; this week (${weekDaysLeft} ${weekDaysLeft === 1 ? 'day' : 'days'}): ${perDay.map(({ n }) => n * weekDaysLeft).join(', ')}`
      : '';
  return `Per working day left (${left}): ${needs}${week} → ${target} ${paceText}`;
}

/**
 * The month-to-date card's lines, from the month's step counts alone (no second measuring pass over the month: a
 * million events measured twice costs the run's memory headroom): a conversion counted by events as its rate with
 * target and the salespeople's, a conversion per customer as its two steps' counts, and each volume a day. The
 * window's card has every measure, judged as the flags are.
 */
export function monthLines(
  model: CoachModel,
  counts: StepCounts,
  rep: Rep,
  month: MonthToDate,
  salespeople: number,
): string[] {
  const days = month.workingDays;
  const share = (to: number, from: number): number | null => (from > 0 ? Math.min(1, to / from) : null);
  const lines = model.measures.flatMap((measure): string[] => {
    if (measure.kind === 'ratio') {
      const from = counts.ofRepId(rep.id, measure.from);
      const to = counts.ofRepId(rep.id, measure.to);
      // A rate per customer (subject basis) is not a ratio of event counts: three calls to one customer who
      // answers are one contact of one customer, one of three events. The month gives counts; the window, the rate.
      if (measure.basis === 'subject')
        return [
          `${measure.label}: ${stepName(model, measure.from)} ${from} → ${stepName(model, measure.to)} ${to} (per customer: window card)`,
        ];
      const target = measure.byRole?.[rep.role]?.target ?? measure.target;
      const team = share(counts.ofTeam(measure.to), counts.ofTeam(measure.from));
      // A month can hold more demos than the shows in it (shown last month): capped, and said so.
      const counted = to > from ? `${to} for ${from}, capped` : `${to} of ${from}`;
      return [`${measure.label}: ${pct(share(to, from))} (${counted}), target ${pct(target)} (team ${pct(team)})`];
    }
    if (measure.kind === 'volume' && days > 0) {
      const team = salespeople > 0 ? counts.ofTeam(measure.step) / salespeople / days : null;
      return [`${measure.label}: ${num(counts.ofRepId(rep.id, measure.step) / days)} a day (team ${num(team)})`];
    }
    return [];
  });
  return [...lines, 'This month so far; every measure, judged as the flags are, is on the window scorecard.'];
}

/** A step's label as the config gives it (its id when it has none). */
function stepName(model: CoachModel, id: string): string {
  return model.steps.find((step) => step.id === id)?.label ?? id;
}
