/**
 * The one-on-one agenda: one Task per flagged rep per coaching period, owned by their
 * manager, keyed `v1:agenda:<rep Id>:<period start>`. Its description follows the
 * article's one-on-one in four parts: progress on the last commitments; the activity review
 * (key numbers against expectation and pace); the focus step to coach and why; a blank line
 * for the new commitment. The manager writes into it, so the description is set on create
 * only and never overwritten.
 */
import type { DealershipCalendar } from './calendar';
import { type DayNumber, dateFromDay } from './civil-date';
import { type DesiredRecord, TASK, TASK_OPEN_STATUS } from './desired';
import type { RepDiagnosis } from './diagnose';
import { num, pct } from './finding-text';
import type { GoalPlan } from './goal-plan';
import type { CoachingModel, CoachModel, Rep } from './model';
import type { MeasureResult, Scorecard } from './measure-results';
import { taskSubject } from './tasks';
import type { Period } from './window';

export const AGENDA_RULE = 'agenda';
/** A Monday, so biweekly periods always start on a Monday. */
const BIWEEKLY_ANCHOR: DayNumber = 4; // 1970-01-05

/** First and last day of the coaching period that contains `day`. */
export function coachingPeriod(
  day: DayNumber,
  cadence: CoachingModel['oneOnOne'],
  calendar: DealershipCalendar,
): { start: DayNumber; end: DayNumber } {
  if (cadence === 'monthly') {
    const month = calendar.monthOf(day);
    return { start: month.first, end: month.last };
  }
  const length = cadence === 'weekly' ? 7 : 14;
  const start = day - ((((day - BIWEEKLY_ANCHOR) % length) + length) % length);
  return { start, end: start + length - 1 };
}

export interface AgendaInput {
  rep: Rep;
  diagnosis: RepDiagnosis;
  /** Lines on the rep's earlier commitments (status and outcome). */
  progress: readonly string[];
  /** The open findings of the manager's whole team (team-cycle.ts): they open the agenda. */
  teamLines: readonly string[];
  card: Scorecard;
  team: Scorecard;
  plan: GoalPlan | null;
  window: Period;
  todayDay: DayNumber;
  model: CoachModel;
  calendar: DealershipCalendar;
}

export function agendaTask(input: AgendaInput): DesiredRecord | null {
  const { rep, diagnosis, model, calendar } = input;
  const focus = diagnosis.flagged[0];
  if (rep.managerId === null || !focus) return null;
  const period = coachingPeriod(input.todayDay, model.coaching.oneOnOne, calendar);
  let due = period.end;
  while (due > period.start && !calendar.isWorkingDay(due)) due--;
  const focusStep = model.steps.find((step) => step.id === focus.step)?.label ?? focus.step;
  return {
    kind: 'agenda',
    object: 'Task',
    keyField: model.writeBack.taskKeyField,
    key: `v1:${AGENDA_RULE}:${rep.id}:${dateFromDay(period.start)}`,
    createOnly: { [TASK.owner]: rep.managerId, [TASK.status]: TASK_OPEN_STATUS, [TASK.description]: agendaText(input) },
    fields: {
      [TASK.subject]: taskSubject(`1:1 with ${rep.name}: coach ${focusStep}`, model),
      [TASK.type]: model.writeBack.agendaTaskType,
      [TASK.activityDate]: dateFromDay(due),
    },
  };
}

function agendaText(input: AgendaInput): string {
  const { diagnosis, model, card, team, plan, window } = input;
  const labels = new Map(model.measures.map((m) => [m.id, m.label]));
  const review = card.results.map(
    (result, index) =>
      `- ${labels.get(result.measure) ?? result.measure}: ${reviewLine(result, team.results[index], plan)}`,
  );
  const [focus, ...others] = diagnosis.flagged;
  // A gap the whole team shares is a process or training question for the manager: it comes
  // first, so that this one-on-one does not hold one person to what nobody on the team does.
  const teamFirst =
    input.teamLines.length > 0
      ? ['The whole team first (not this rep alone)', ...input.teamLines.map((line) => `- ${line}`), '']
      : [];
  return [
    ...teamFirst,
    '1. Progress on last commitments',
    ...(input.progress.length > 0 ? input.progress.map((line) => `- ${line}`) : ['- No earlier commitments.']),
    '',
    `2. Activity review (${window.startDate} to ${window.endDate}, ${window.workingDays} working days)`,
    ...review,
    '',
    '3. Focus: the step to coach',
    focus ? `${focus.summary}` : '',
    focus ? `Why: ${focus.diagnosis} weakness costing about ${focus.lostUnits.toFixed(1)} units a month.` : '',
    ...others.map((f) => `Also: ${f.summary}`),
    '',
    '4. New commitment',
    'Action: ______________________________  Follow-up date: __________',
  ].join('\n');
}

function reviewLine(result: MeasureResult, team: MeasureResult | undefined, plan: GoalPlan | null): string {
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
