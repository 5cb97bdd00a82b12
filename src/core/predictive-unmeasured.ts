/**
 * The activity the org records but no step measures, as a candidate of the predictive panel
 * (issue 12): e-mails, texts, other tasks and events about a lead. The state keeps them only as
 * the staleLead measures' touches (lead-touches.ts): a completed task that maps to no step, and
 * every event, at the moment it happened, credited to its owner. Of those, this counts per rep
 * and working week the records that yielded no configured step (an appointment that is a step
 * is already its step's candidate), each record once however many staleLead measures touched
 * it. Open tasks (`due:` events) are work ahead, not activity done, and are left out.
 *
 * By kind: the same records are also stored as `activity:<object>:<Type>` events (lead-touches.ts),
 * one per record, so each Task or Event type found is a candidate of its own (`activityCandidates`),
 * counted per working day like a step. A state synced before these events existed holds none until
 * its tasks and events are read again; the count of all kinds above needs only the touches.
 */
import type { DealershipCalendar } from './calendar';
import type { DayNumber } from './civil-date';
import type { EventColumns } from './event-columns';
import type { EventTable } from './event-table';
import { activityKind, isInternalStep } from './lead-touches';
import { add } from './typed';
import { firstDayOfWeek, type Panel, type PanelMeasure, weekOfDay } from './predictive-panel';

export const UNMEASURED_ACTIVITY = 'unmeasured_activity';
/** Kinds of activity a panel tries at most, the most frequent first: each is one more test for chance to pass. */
export const MAX_ACTIVITY_KINDS = 8;

/** The activity-type steps of the stored events, the most frequent first (then by id), with their labels. */
export function activityCandidates(events: EventColumns): { id: string; label: string }[] {
  const perStep = new Float64Array(events.stepIds.length);
  for (let i = 0; i < events.size; i++) add(perStep, events.step[i] as number, 1);
  return events.stepIds
    .flatMap((id, index) => {
      const kind = activityKind(id);
      if (kind === null || perStep[index] === 0) return [];
      const what = kind.type === '' ? `${kind.object} with no type` : `${kind.type} (${kind.object})`;
      return [{ id, label: `${what}, not measured`, count: perStep[index] as number }];
    })
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, MAX_ACTIVITY_KINDS)
    .map(({ id, label }) => ({ id, label }));
}

/**
 * Per panel row, the rep's touches that week from records no configured step counted, per
 * working day; `touchSteps` are the table's `touch:` step ids.
 */
export function unmeasuredActivity(
  table: EventTable,
  calendar: DealershipCalendar,
  panel: Panel,
  touchSteps: readonly string[],
  lastDay: DayNumber,
): PanelMeasure {
  const touch = new Uint8Array(table.stepIds.length);
  for (const id of touchSteps) if (table.stepIndexOf(id) >= 0) touch[table.stepIndexOf(id)] = 1;
  const configured = Uint8Array.from(table.stepIds, (id) => (isInternalStep(id) ? 0 : 1));
  // Records with a touch, then those among them that also yielded a configured step's event.
  const stepped = new Map<string | number, boolean>();
  for (let row = 0; row < table.size; row++)
    if (touch[table.step[row] as number] === 1) stepped.set(table.recordIdOf(row), false);
  for (let row = 0; row < table.size; row++) {
    if (configured[table.step[row] as number] === 0) continue;
    const record = table.recordIdOf(row);
    if (stepped.has(record)) stepped.set(record, true);
  }

  const byRep: Map<number, number>[] = [];
  for (let rep = 0; rep < table.repCount; rep++) {
    const weeks = new Map<number, number>();
    // Two staleLead measures touch one record at the same instant: the records counted at the last instant.
    let lastAt = Number.NaN;
    const atLastInstant: (string | number)[] = [];
    for (let row = table.userStart[rep] as number; row < (table.userStart[rep + 1] as number); row++) {
      if (touch[table.step[row] as number] === 0) continue;
      const record = table.recordIdOf(row);
      const at = table.at[row] as number;
      if (at !== lastAt) atLastInstant.length = 0;
      lastAt = at;
      if (stepped.get(record) === true || atLastInstant.includes(record)) continue;
      atLastInstant.push(record);
      const day = calendar.dayOf(at);
      if (day > lastDay) continue;
      weeks.set(weekOfDay(day), (weeks.get(weekOfDay(day)) ?? 0) + 1);
    }
    byRep.push(weeks);
  }
  const workingDays = new Map<number, number>();
  const values = Float64Array.from(panel.person, (person, i) => {
    const week = panel.week[i] as number;
    let days = workingDays.get(week);
    if (days === undefined) {
      days = calendar.workingDaysBetween(firstDayOfWeek(week), firstDayOfWeek(week) + 6);
      workingDays.set(week, days);
    }
    // The panel has a row only for a week with working days: no division by zero.
    return (byRep[person]?.get(week) ?? 0) / days;
  });
  return { id: UNMEASURED_ACTIVITY, kind: 'per working day', values };
}
