/**
 * The pure core's entry point for the sync orchestrator: events, facts and people in; the
 * window, scorecards, goal plans, findings and the desired writes out. No clock, network or
 * environment: `now` is an argument and the same input always gives the same output, in any
 * input order.
 */
import { DealershipCalendar } from './calendar';
import { dayFromDate } from './civil-date';
import { type CycleResult, coachingCycle, uniqueSorted } from './coaching-cycle';
import { Conversions } from './conversion';
import type { DesiredRecord } from './desired';
import { diagnose, type Finding, type RepDiagnosis } from './diagnose';
import { type EventColumns, eventColumnsOf, isEventColumns } from './event-columns';
import { EventTable } from './event-table';
import type { Fact, OwnTaskFact } from './facts';
import type { OpenFlag } from './flags';
import { type GoalPlan, goalPlan, typicalRatios } from './goal-plan';
import { markSuspicious } from './integrity';
import type { StoreEffects } from './leak-store';
import type { GoalNeed } from './measure-volume';
import { tableStepIds } from './lead-touches';
import { type MeasureContext, type Measurement, measurePeriod, splitFacts } from './measure';
import type { Scorecard } from './measure-results';
import type { CoachModel, IntegrityMeasure, Rep, StepEvent } from './model';
import type { CommitmentCheck } from './commitment-check';
import type { TeamFinding } from './team-finding';
import { type SilentStep, silentSteps } from './silent-steps';
import type { DecidedFlag } from './commitments';
import { missedAppointments } from './no-shows';
import type { CoachedFlag } from './effectiveness';
import { effectivenessByMonth, effectivenessRecords, type MonthEffectiveness } from './effectiveness-records';
import { scorecardRecords } from './scorecard-records';
import { StepCounts } from './step-counts';
import { workingDaysSince } from './tenure';
import { type MeasureWindow, type MonthToDate, measureWindow, monthToDate, periodOf } from './window';

export interface CoachingInput {
  model: CoachModel;
  /** The people measured (from `mapUsers`). */
  reps: readonly Rep[];
  /**
   * The step events, as objects or already laid out in columns (what a store streams into an
   * EventColumnsBuilder, so that a million events never exist as objects). Same results.
   */
  events: readonly StepEvent[] | EventColumns;
  facts: readonly Fact[];
  /** Flags open in the org (New, Committed, Not Improved); others are ignored. */
  openFlags: readonly OpenFlag[];
  /** Rep flags whose commitment was checked, for the agendas' progress part; none when left out. */
  decidedFlags?: readonly DecidedFlag[];
  /** Every flag in the org as coaching effectiveness counts it; none when left out. */
  coachedFlags?: readonly CoachedFlag[];
  /** The instant of the run, epoch ms. */
  now: number;
  /**
   * The store's own measured effects (`analyzeStore(...).measures`), given when `coaching.leakSource` is store:
   * salespeople's volume and response-time leaks are then priced by those the analysis is confident of (leak-store.ts).
   */
  storeEffects?: StoreEffects;
}

export interface CoachingResult {
  window: MeasureWindow;
  monthToDate: MonthToDate;
  /** One per rep, sorted by rep Id. */
  scorecards: Scorecard[];
  team: Scorecard;
  /** One per salesperson. */
  plans: GoalPlan[];
  /** One per rep, sorted by rep Id. */
  diagnoses: RepDiagnosis[];
  /** The flagged findings of all reps (each rep's biggest leak first). */
  findings: Finding[];
  /** Weaknesses of a manager's whole team of one role, by manager, role and measure. */
  teamFindings: TeamFinding[];
  /** Follow-up checks made this run. */
  checks: CommitmentCheck[];
  /** Coaching effectiveness per month of commitment: the store, then each manager. */
  effectivenessByMonth: MonthEffectiveness[];
  /** The records the org should hold, sorted by object and key. */
  desired: DesiredRecord[];
  /** Events whose step is not in the model (stored before a config change). */
  ignoredEvents: number;
  /** Steps that matched nothing while the step before them had events: probably mis-mapped, their measures unjudged. */
  silentSteps: SilentStep[];
}

export function computeCoaching(input: CoachingInput): CoachingResult {
  const { model, now } = input;
  const calendar = new DealershipCalendar(model.dealership);
  // One rep per Id (a duplicate replaces the earlier one), sorted, so output follows no input order.
  const reps = [...new Map(input.reps.map((rep) => [rep.id, rep])).values()].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  const table = new EventTable(
    tableStepIds(model),
    reps,
    isEventColumns(input.events) ? input.events : eventColumnsOf(input.events),
  );
  markSuspicious(
    table,
    model.measures.filter((m): m is IntegrityMeasure => m.kind === 'integrity'),
  );

  const window = measureWindow(calendar, now, model.coaching.windowDays);
  const month = monthToDate(calendar, now);
  const windowCounts = new StepCounts(table, window);
  const monthCounts = new StepCounts(table, month);
  const plans = new Map<string, GoalPlan>();
  const typical = typicalRatios(model, reps, windowCounts);
  reps.forEach((rep, index) => {
    if (rep.role === 'salesperson')
      plans.set(
        rep.id,
        goalPlan(rep, index, model, windowCounts, monthCounts, month, workingDaysSince(calendar, rep, month), typical),
      );
  });
  const goalPerDay = (rep: Rep, step: string): GoalNeed | null => {
    const planned = plans.get(rep.id)?.steps.find((s) => s.step === step);
    return planned ? { atTeam: planned.requiredPerWorkingDayAtTeam, atOwn: planned.requiredPerWorkingDay } : null;
  };

  const { followUps, leads } = splitFacts(input.facts);
  const context: MeasureContext = {
    model,
    calendar,
    table,
    followUps,
    leads,
    today: window.today,
    todayDay: window.todayDay,
  };
  const measured = measurePeriod(context, window, goalPerDay, windowCounts);
  const silent = silentSteps(model, reps, windowCounts);
  const { reps: diagnoses, teams: teamFindings } = diagnose({
    model,
    reps,
    scorecards: measured.scorecards,
    team: measured.team,
    conversions: new Conversions(windowCounts, model.goals.step, model.coaching.priorStrength),
    window,
    monthScale: window.workingDays > 0 ? month.workingDaysInMonth / window.workingDays : 0,
    unjudged: new Set(silent.flatMap((step) => step.measures)),
    ...(input.storeEffects === undefined ? {} : { storeEffects: input.storeEffects }),
  });

  const sinceCache = new Map<number, Measurement>();
  const measureSince = (startDay: number): Measurement => {
    let since = sinceCache.get(startDay);
    if (!since) {
      since = measurePeriod(context, periodOf(calendar, startDay, window.todayDay - 1), goalPerDay);
      sinceCache.set(startDay, since);
    }
    return since;
  };
  const cycle: CycleResult = coachingCycle({
    model,
    calendar,
    reps,
    diagnoses,
    scorecards: measured.scorecards,
    team: measured.team,
    plans,
    window,
    openFlags: input.openFlags,
    decidedFlags: input.decidedFlags ?? [],
    teamFindings,
    ownTasks: input.facts.filter((fact): fact is OwnTaskFact => fact.kind === 'ownTask'),
    measureSince,
    noShows: missedAppointments(table, model, calendar, window.todayDay),
    customerNames: new Map(leads.flatMap((lead) => (lead.name === null ? [] : [[lead.recordId, lead.name] as const]))),
  });

  const byMonth = effectivenessByMonth(input.coachedFlags ?? []);
  const desired = uniqueSorted([
    ...cycle.desired,
    ...(!model.writeBack.scorecard.enabled
      ? []
      : scorecardRecords({
          model,
          reps,
          diagnoses,
          plans,
          openFlags: cycle.openFlags,
          window,
          month,
          windowMeasured: measured,
          monthCounts,
          weekDaysLeft: weekDaysLeft(calendar, window.todayDay, month),
        })),
    ...effectivenessRecords(byMonth, model),
  ]);

  return {
    window,
    monthToDate: month,
    scorecards: measured.scorecards,
    team: measured.team,
    plans: [...plans.values()],
    diagnoses,
    findings: diagnoses.flatMap((d) => d.flagged),
    teamFindings,
    checks: cycle.checks,
    effectivenessByMonth: byMonth,
    desired,
    ignoredEvents: table.ignored,
    silentSteps: silent,
  };
}

/** Working days from today to the end of its Monday-to-Sunday week, or of the month if that comes first. */
function weekDaysLeft(calendar: DealershipCalendar, today: number, month: MonthToDate): number {
  // Day 0 (1970-01-01) was a Thursday: (day + 3) % 7 counts from Monday.
  const sunday = today + 6 - ((today + 3) % 7);
  return calendar.workingDaysBetween(today, Math.min(sunday, dayFromDate(month.monthEndDate) ?? sunday));
}
