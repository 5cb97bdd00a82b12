/**
 * Follow-up discipline, measured on facts rather than step events, as of today (`now`):
 * - overdue: the rep's open follow-up items whose due date is before today (local);
 * - staleLead: the rep's open leads whose last activity (the latest non-suspicious event of
 *   any step on the lead, or touch of it (lead-touches.ts), by anyone; else the lead's
 *   creation) is `days` or more local calendar days ago, and that wait on no open task due
 *   today or later. Each stale lead is listed, with the date it became stale, because it also
 *   becomes a follow-up task.
 * The team value is the average per salesperson.
 */
import type { DealershipCalendar } from './calendar';
import { type DayNumber, dateFromDay } from './civil-date';
import type { EventTable } from './event-table';
import type { FollowUpFact, LeadFact } from './facts';
import { dueStep, isInternalStep, touchStep } from './lead-touches';
import type { OverdueMeasure, StaleLeadMeasure } from './model';
import type { MeasureResults, OpenItem, OverdueResult, StaleLead, StaleLeadResult } from './measure-results';

export function measureOverdue(
  table: EventTable,
  measure: OverdueMeasure,
  facts: readonly FollowUpFact[],
  today: string,
): MeasureResults<OverdueResult> {
  const base = { kind: 'overdue', measure: measure.id, maxAllowed: measure.maxAllowed } as const;
  const itemsByRep = groupByRep(table, facts, (fact) => fact.measure === measure.id && fact.due < today);
  const reps = itemsByRep.map((items): OverdueResult => {
    const sorted: OpenItem[] = items
      .map((fact) => ({ recordId: fact.recordId, subject: fact.subject, due: fact.due }))
      .sort((a, b) => compare(a.due, b.due) || compare(a.recordId, b.recordId));
    return { ...base, value: sorted.length, count: sorted.length, items: sorted };
  });
  return withTeam(table, reps, { ...base, value: null, count: 0, items: [] });
}

export function measureStaleLeads(
  table: EventTable,
  measure: StaleLeadMeasure,
  facts: readonly LeadFact[],
  calendar: DealershipCalendar,
  todayDay: DayNumber,
): MeasureResults<StaleLeadResult> {
  const base = { kind: 'staleLead', measure: measure.id, maxAllowed: measure.maxAllowed, days: measure.days } as const;
  const activity = table.stepIds.flatMap((id, step) =>
    !isInternalStep(id) || id === touchStep(measure.id) ? [step] : [],
  );
  const lastActivity = table.latestAt(activity);
  const latestDue = table.latestAt([table.stepIndexOf(dueStep(measure.id))]);
  const startOfToday = calendar.startOfDay(todayDay);
  const stale = (fact: LeadFact): StaleLead | null => {
    const subject = table.subjectIndex.get(fact.recordId);
    if (subject !== undefined && (latestDue[subject] as number) >= startOfToday) return null;
    const lastEvent = subject === undefined ? Number.NEGATIVE_INFINITY : (lastActivity[subject] as number);
    const lastActivityAt = Math.max(lastEvent, fact.createdAt);
    const lastDay = calendar.dayOf(lastActivityAt);
    const daysIdle = todayDay - lastDay;
    if (daysIdle < measure.days) return null;
    return {
      leadId: fact.recordId,
      name: fact.name,
      repId: fact.user,
      lastActivityAt,
      dueDate: dateFromDay(lastDay + measure.days),
      daysIdle,
    };
  };
  const leadsByRep = groupByRep(table, facts, (fact) => fact.measure === measure.id);
  const reps = leadsByRep.map((leads): StaleLeadResult => {
    const found = leads
      .map(stale)
      .filter((lead): lead is StaleLead => lead !== null)
      .sort((a, b) => a.lastActivityAt - b.lastActivityAt || compare(a.leadId, b.leadId));
    return { ...base, value: found.length, count: found.length, leads: found };
  });
  return withTeam(table, reps, { ...base, value: null, count: 0, leads: [] });
}

/** The reps' results and the team's: the average count per salesperson, with no list of its own. */
function withTeam<R extends { count: number; value: number | null }>(
  table: EventTable,
  reps: R[],
  emptyTeam: R,
): MeasureResults<R> {
  const team = teamAverage(
    table,
    reps.map((r) => r.count),
  );
  return { reps, team: { ...emptyTeam, value: team.average, count: team.total } };
}

function groupByRep<F extends { user: string }>(
  table: EventTable,
  facts: readonly F[],
  keep: (fact: F) => boolean,
): F[][] {
  const repIndex = new Map(table.reps.map((rep, index) => [rep.id, index]));
  const groups: F[][] = table.reps.map(() => []);
  for (const fact of facts) {
    const rep = repIndex.get(fact.user);
    if (rep !== undefined && keep(fact)) groups[rep]?.push(fact);
  }
  return groups;
}

function teamAverage(table: EventTable, counts: readonly number[]): { total: number; average: number | null } {
  let total = 0;
  let members = 0;
  counts.forEach((count, rep) => {
    if (table.isSalesperson[rep] !== 1) return;
    total += count;
    members++;
  });
  return { total, average: members > 0 ? total / members : null };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
