/**
 * Measuring one period: every configured measure for every rep and for the team, as
 * scorecards. The event table is prepared once (interned, sorted, suspicious events marked)
 * and measured as many times as there are periods: the window, and the days since a
 * commitment when a follow-up is checked.
 */
import type { DealershipCalendar } from './calendar';
import type { DayNumber } from './civil-date';
import { DailySpread } from './daily-spread';
import type { EventTable } from './event-table';
import type { Fact, FollowUpFact, LeadFact } from './facts';
import { measureIntegrity } from './integrity';
import { measureOverdue, measureStaleLeads } from './measure-follow-ups';
import type { MeasureResults, MeasureResult, Scorecard } from './measure-results';
import { measureRatio } from './measure-ratio';
import { measureResponseTime } from './measure-response-time';
import { measureSequence } from './measure-sequence';
import { type GoalPerDay, measureVolume } from './measure-volume';
import { workingDaysSince } from './tenure';
import type { CoachModel, MeasureModel } from './model';
import { atRoleThresholds } from './role-thresholds';
import { StepCounts } from './step-counts';
import type { Period } from './window';

export interface MeasureContext {
  model: CoachModel;
  calendar: DealershipCalendar;
  table: EventTable;
  followUps: readonly FollowUpFact[];
  leads: readonly LeadFact[];
  /** Today's local date at `now`: overdue and stale are judged as of today. */
  today: string;
  todayDay: DayNumber;
}

export interface Measurement {
  period: Period;
  counts: StepCounts;
  /** By rep index (the order of `table.reps`). */
  scorecards: Scorecard[];
  team: Scorecard;
}

export function splitFacts(facts: readonly Fact[]): { followUps: FollowUpFact[]; leads: LeadFact[] } {
  const followUps: FollowUpFact[] = [];
  const leads: LeadFact[] = [];
  for (const fact of facts) {
    if (fact.kind === 'followUp') followUps.push(fact);
    else if (fact.kind === 'lead') leads.push(fact);
  }
  return { followUps, leads };
}

export function measurePeriod(
  context: MeasureContext,
  period: Period,
  goalPerDay: GoalPerDay,
  counts = new StepCounts(context.table, period),
): Measurement {
  const { model, table } = context;
  const measured = model.measures.map((measure) => {
    const results = measureOne(context, measure, period, counts, goalPerDay);
    if (measure.byRole === undefined) return results;
    // Each rep against their own role's thresholds; the team's pooled result keeps the measure's.
    const reps = results.reps.map((result, index) => {
      const rep = table.reps[index];
      return rep === undefined ? result : atRoleThresholds(result, measure, rep, goalPerDay);
    });
    return { reps, team: results.team };
  });
  const salespeople = table.reps.filter((rep) => rep.role === 'salesperson').length;
  return {
    period,
    counts,
    scorecards: table.reps.map((rep, index) => ({
      repId: rep.id,
      name: rep.name,
      role: rep.role,
      members: 1,
      results: measured.map((m) => m.reps[index] as MeasureResult),
    })),
    team: { repId: null, name: 'Team', role: 'team', members: salespeople, results: measured.map((m) => m.team) },
  };
}

function measureOne(
  context: MeasureContext,
  measure: MeasureModel,
  period: Period,
  counts: StepCounts,
  goalPerDay: GoalPerDay,
): MeasureResults<MeasureResult> {
  const { table, model, calendar } = context;
  const confidence = model.coaching.confidence;
  switch (measure.kind) {
    case 'volume': {
      const spread = new DailySpread(table, calendar, period);
      return measureVolume(
        measure,
        table.reps,
        counts,
        period,
        goalPerDay,
        (rep, p) => workingDaysSince(calendar, rep, p),
        (index, step) => spread.dispersionOf(index, step, table.reps[index]?.activeSince ?? undefined),
      );
    }
    case 'ratio':
      return measureRatio(table, counts, measure, period, confidence);
    case 'responseTime':
      return measureResponseTime(table, measure, period, calendar, confidence);
    case 'overdue':
      return measureOverdue(table, measure, context.followUps, context.today);
    case 'staleLead':
      return measureStaleLeads(table, measure, context.leads, calendar, context.todayDay);
    case 'sequence':
      return measureSequence(table, measure, period, confidence);
    case 'integrity':
      return measureIntegrity(table, measure, period);
  }
}
