/**
 * Missed appointments that still need a call: an event of the config's no-show step in the last `withinDays` days,
 * credited to a salesperson or setter, about a known customer, who has not booked again since (no event of the
 * `rebookedBy` step after it, by anyone). A customer who rebooked needs no reminder; one without a customer record
 * cannot be called back from a task, so neither gets one.
 */
import type { DealershipCalendar } from './calendar';
import type { EventTable } from './event-table';
import type { CoachModel } from './model';

export interface NoShow {
  repId: string;
  /** The customer (WhoId). */
  subject: string;
  /** When the appointment was, epoch ms. */
  at: number;
}

export function missedAppointments(
  table: EventTable,
  model: Pick<CoachModel, 'coaching'>,
  calendar: DealershipCalendar,
  todayDay: number,
): NoShow[] {
  const rule = model.coaching.noShowFollowUp;
  if (rule === undefined) return [];
  const step = table.stepIndexOf(rule.step);
  const rebook = table.stepIndexOf(rule.rebookedBy);
  if (step < 0 || rebook < 0) return [];
  const subjects: string[] = [];
  for (const [id, index] of table.subjectIndex) subjects[index] = id;
  const rebookedAt = table.latestAt([rebook]);
  const firstDay = todayDay - rule.withinDays;
  const latest = new Map<string, NoShow>();
  for (let row = 0; row < table.size; row++) {
    const user = table.user[row] as number;
    const subject = table.subject[row] as number;
    if (table.step[row] !== step || user >= table.repCount || subject < 0) continue;
    const at = table.at[row] as number;
    const day = calendar.dayOf(at);
    if (day < firstDay || day > todayDay || (rebookedAt[subject] as number) > at) continue;
    const customer = subjects[subject];
    const rep = table.reps[user];
    if (customer === undefined || rep === undefined) continue;
    // One task per customer and day, however many appointments of theirs were missed that day.
    const key = `${customer}\u0000${day}`;
    if ((latest.get(key)?.at ?? -Infinity) < at) latest.set(key, { repId: rep.id, subject: customer, at });
  }
  return [...latest.values()].sort((a, b) => a.at - b.at || (a.subject < b.subject ? -1 : 1));
}
