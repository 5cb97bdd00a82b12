/**
 * The one-on-one agenda: one Task per rep per coaching period, flagged or not (the practice is a regular one-on-one
 * with everyone, where a rep on track hears it too), owned by their manager, keyed `v1:agenda:<rep Id>:<period start>`.
 * Its description follows the article's one-on-one in four parts: progress on the last commitments; the activity
 * review (the goal's pace, key numbers against expectation); the focus step to coach and why, or for a rep with no
 * flag the step to keep and the measure closest to a flag; a blank line for the new commitment. The manager writes
 * into it, so the description is set on create only and never overwritten.
 */
import type { DealershipCalendar } from './calendar';
import { type DayNumber, dateFromDay } from './civil-date';
import { type DesiredRecord, TASK, TASK_OPEN_STATUS } from './desired';
import type { RepDiagnosis } from './diagnose';
import { num, pct } from './finding-text';
import { paceLine, reviewLine } from './scorecard-text';
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
  if (rep.managerId === null) return null;
  const period = coachingPeriod(input.todayDay, model.coaching.oneOnOne, calendar);
  let due = period.end;
  while (due > period.start && !calendar.isWorkingDay(due)) due--;
  const focusStep = focus ? (model.steps.find((step) => step.id === focus.step)?.label ?? focus.step) : null;
  return {
    kind: 'agenda',
    object: 'Task',
    keyField: model.writeBack.taskKeyField,
    key: `v1:${AGENDA_RULE}:${rep.id}:${dateFromDay(period.start)}`,
    createOnly: { [TASK.owner]: rep.managerId, [TASK.status]: TASK_OPEN_STATUS, [TASK.description]: agendaText(input) },
    fields: {
      [TASK.subject]: taskSubject(
        `1:1 with ${rep.name}: ${focusStep ? `coach ${focusStep}` : 'review, no flag'}`,
        model,
      ),
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
    ...paceLine(plan, model),
    ...review,
    '',
    ...(focus
      ? [
          '3. Focus: the step to coach',
          focus.summary,
          `Why: ${focus.diagnosis} weakness costing about ${focus.lostUnits.toFixed(1)} units a month.`,
          ...others.map((f) => `Also: ${f.summary}`),
        ]
      : ['3. No flag this period: what to keep, what to watch', ...keepAndWatch(card, labels)]),
    '',
    '4. New commitment',
    'Action: ______________________________  Follow-up date: __________',
  ].join('\n');
}

/**
 * How far a value is from its target, as a share of the target: positive is better than the target, negative worse.
 * Null when there is no value or no target to compare with.
 */
function targetMargin(result: MeasureResult): number | null {
  if (result.value === null) return null;
  const above = (value: number, target: number): number | null => (target > 0 ? (value - target) / target : null);
  const under = (value: number, allowed: number): number => (allowed - value) / Math.max(allowed, MIN_ALLOWED);
  switch (result.kind) {
    case 'volume':
      return result.expectedPerDay === null ? null : above(result.value, result.expectedPerDay);
    case 'ratio':
    case 'responseTime':
      return above(result.value, result.target);
    case 'overdue':
    case 'staleLead':
      return under(result.count, result.maxAllowed);
    case 'sequence':
      return under(result.value, result.maxSkipShare);
    case 'integrity':
      return under(result.value, result.maxSuspiciousShare);
  }
}

/** A share allowed of zero would make any miss infinitely far; this floor keeps margins comparable. */
const MIN_ALLOWED = 0.01;

/** For a rep with no flag: the step furthest above its target (keep doing it) and the measure nearest a flag. */
function keepAndWatch(card: Scorecard, labels: ReadonlyMap<string, string>): string[] {
  const margins = card.results
    .map((result) => ({ result, margin: targetMargin(result) }))
    .filter((entry): entry is { result: MeasureResult; margin: number } => entry.margin !== null);
  const label = (result: MeasureResult): string => labels.get(result.measure) ?? result.measure;
  const steps = margins.filter(({ result }) => result.kind === 'ratio');
  const best = steps.reduce<(typeof steps)[number] | null>((a, b) => (a === null || b.margin > a.margin ? b : a), null);
  const watch = margins
    .filter((entry) => entry.result !== best?.result)
    .reduce<(typeof margins)[number] | null>((a, b) => (a === null || b.margin < a.margin ? b : a), null);
  const lines: string[] = [];
  if (best) lines.push(`Keep: ${label(best.result)} ${againstTarget(best.result)}, the best step against its target.`);
  if (watch) {
    const below = watch.margin < 0 ? ': below target, though not yet clearly enough to flag' : '';
    lines.push(`Watch: ${label(watch.result)} ${againstTarget(watch.result)}, the closest to a flag${below}.`);
  }
  return lines.length > 0 ? lines : ['Too little activity in the period to say.'];
}

function againstTarget(result: MeasureResult): string {
  switch (result.kind) {
    case 'volume':
      return `${num(result.value)} a day against ${num(result.expectedPerDay)}`;
    case 'ratio':
    case 'responseTime':
      return `${pct(result.value)} against a ${pct(result.target)} target`;
    case 'overdue':
    case 'staleLead':
      return `${result.count} open, ${result.maxAllowed} allowed`;
    case 'sequence':
      return `${pct(result.value)} skipped, ${pct(result.maxSkipShare)} allowed`;
    case 'integrity':
      return `${pct(result.value)} looks unreal, ${pct(result.maxSuspiciousShare)} allowed`;
  }
}
