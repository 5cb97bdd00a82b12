/**
 * Each rep's scorecard in the org (ARCHITECTURE.md §5.2): two records per rep, the month to date (keyed by month, so
 * past months stay as history) and the measuring window (one rolling record). Each leads with what the working days
 * left need from the goal plan, then the goal and pace, the open flags and the focus, the step counts (the fields
 * `writeBack.scorecard.stepFields` maps) and a line per measure with its target and the team's value: the window's
 * as measured and judged, the month's conversions and volumes from its step counts (monthLines). The rep owns
 * the record (OwnerId, on create) and reads it; every field is the connector's, kept up to date by the usual diff.
 */
import type { RepDiagnosis } from './diagnose';
import type { DesiredRecord, SfValue } from './desired';
import { SHORT_TEXT_MAX } from './desired';
import { truncate } from './finding-text';
import type { GoalPlan } from './goal-plan';
import type { Measurement } from './measure';
import type { CoachModel, Rep } from './model';
import { monthLines, type Pace, paceOf, reviewLine, todayNeeds } from './scorecard-text';
import type { StepCounts } from './step-counts';
import type { MonthToDate, Period } from './window';

export type ScorecardPeriod = 'Month to date' | 'Window';

export interface ScorecardInput {
  model: CoachModel;
  /** Sorted as measured: index i is scorecard i of each measurement. */
  reps: readonly Rep[];
  diagnoses: readonly RepDiagnosis[];
  plans: ReadonlyMap<string, GoalPlan>;
  /** Open flags per rep after this run (coaching-cycle.ts). */
  openFlags: ReadonlyMap<string, number>;
  window: Period;
  month: MonthToDate;
  windowMeasured: Measurement;
  /** The month to date's step counts (its measures are not measured a second time: monthLines). */
  monthCounts: StepCounts;
  /** Working days from today to the end of this week (Monday to Sunday) or of the month, if sooner. */
  weekDaysLeft: number;
}

const ROLE_LABEL: Readonly<Record<Rep['role'], string>> = { salesperson: 'Salesperson', setter: 'Setter' };

/** The picklist values the scorecard's fields take, by `writeBack.scorecard.fields` key: the org must have them. */
export const SCORECARD_PICKLISTS = {
  role: Object.values(ROLE_LABEL),
  period: ['Month to date', 'Window'] satisfies ScorecardPeriod[],
  pace: ['Ahead', 'On pace', 'Behind'] satisfies Pace[],
} as const;

export function scorecardKey(repId: string, period: ScorecardPeriod, month: MonthToDate): string {
  return period === 'Window'
    ? `v1:scorecard:${repId}:window`
    : `v1:scorecard:${repId}:month:${month.startDate.slice(0, 7)}`;
}

export function scorecardRecords(input: ScorecardInput): DesiredRecord[] {
  const { model, month } = input;
  const config = model.writeBack.scorecard;
  const f = config.fields;
  const labels = new Map(model.measures.map((m) => [m.id, m.label]));
  const salespeople = input.reps.filter((rep) => rep.role === 'salesperson').length;
  const records: DesiredRecord[] = [];
  input.reps.forEach((rep, index) => {
    const plan = input.plans.get(rep.id) ?? null;
    const goal = plan?.steps[plan.steps.length - 1] ?? null;
    const focus = input.diagnoses[index]?.flagged[0];
    const common: Record<string, SfValue> = {
      [f.salesperson]: rep.id,
      [f.manager]: rep.managerId,
      [f.role]: ROLE_LABEL[rep.role],
      [f.todayNeeds]: plan ? truncate(todayNeeds(plan, month, model, input.weekDaysLeft), SHORT_TEXT_MAX) : null,
      [f.goal]: plan?.monthlyGoal ?? null,
      [f.expectedByNow]: goal?.expectedByNow === null || goal === null ? null : round2(goal.expectedByNow),
      [f.pace]: paceOf(plan),
      [f.openFlags]: input.openFlags.get(rep.id) ?? 0,
      [f.focus]: truncate(focus?.summary ?? 'No flag this period', SHORT_TEXT_MAX),
    };
    const measured = input.windowMeasured;
    const windowLines = (measured.scorecards[index]?.results ?? []).map(
      (result, i) =>
        `${labels.get(result.measure) ?? result.measure}: ${reviewLine(result, measured.team.results[i], null)}`,
    );
    const periods: Array<[ScorecardPeriod, Period, StepCounts, string[]]> = [
      ['Month to date', month, input.monthCounts, monthLines(model, input.monthCounts, rep, month, salespeople)],
      ['Window', input.window, measured.counts, windowLines],
    ];
    for (const [period, span, counts, lines] of periods) {
      records.push({
        kind: 'scorecard',
        object: config.object,
        keyField: f.key,
        key: scorecardKey(rep.id, period, month),
        createOnly: { OwnerId: rep.id },
        fields: {
          ...common,
          [f.period]: period,
          [f.periodStart]: span.startDate,
          [f.periodEnd]: span.endDate,
          ...Object.fromEntries(
            Object.entries(config.stepFields).map(([step, field]) => [field, counts.ofRepId(rep.id, step)]),
          ),
          [f.measures]: lines.join('\n'),
        },
      });
    }
  });
  return records;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
