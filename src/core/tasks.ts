/**
 * Follow-up tasks as desired records. Keys are `v1:<rule>:<subject>:<date it became due>`:
 * the same weakness on the same day always yields the same key, so hourly runs update one
 * task instead of creating many. The owner, status and customer are set on create only:
 * afterwards the task belongs to the person working it.
 */
import type { DealershipCalendar } from './calendar';
import { dateFromDay, dayFromDate, type DayNumber } from './civil-date';
import { type DesiredRecord, SHORT_TEXT_MAX, TASK, TASK_OPEN_STATUS } from './desired';
import { truncate } from './finding-text';
import { plainLine } from './plain-text';
import type { OwnTaskFact } from './facts';
import type { CoachModel, Rep } from './model';
import type { StaleLead } from './measure-results';
import type { NoShow } from './no-shows';

export const STALE_LEAD_RULE = 'stale_lead';
/** Its record keys predate the vocabulary; a new word here would write every check task twice. */
export const COMMITMENT_CHECK_RULE = 'coaching_outcome';

export function staleLeadTaskKey(leadId: string, dueDate: string): string {
  return `v1:${STALE_LEAD_RULE}:${leadId}:${dueDate}`;
}

/**
 * The due date a task gets: `followUpDueDays` working days after it became due, or after today when that is
 * later. A lead left idle for two weeks gets a task due tomorrow, not one born two weeks overdue: a task that is
 * late before anyone could act on it reads as the rep's failure, and an overdue list full of them hides the real ones.
 */
export function taskDueDate(
  becameDue: string,
  todayDay: DayNumber,
  model: CoachModel,
  calendar: DealershipCalendar,
): string {
  const day = dayFromDate(becameDue) ?? todayDay;
  return dateFromDay(calendar.addWorkingDays(Math.max(day, todayDay), model.coaching.followUpDueDays));
}

/**
 * The subject says since when the lead has waited (a date, so the subject does not change every day); the due date
 * is set when the task is created and left alone afterwards: worked out again each day it would move with today,
 * and a rep who reschedules the call owns that date.
 */
export function staleLeadTask(
  lead: StaleLead,
  todayDay: DayNumber,
  model: CoachModel,
  calendar: DealershipCalendar,
): DesiredRecord {
  const who = lead.name ?? 'this lead';
  const since = dateFromDay(calendar.dayOf(lead.lastActivityAt));
  return {
    kind: 'staleLeadTask',
    object: 'Task',
    keyField: model.writeBack.taskKeyField,
    key: staleLeadTaskKey(lead.leadId, lead.dueDate),
    createOnly: {
      [TASK.owner]: lead.repId,
      [TASK.status]: TASK_OPEN_STATUS,
      [TASK.who]: lead.leadId,
      [TASK.description]: `No activity logged since ${since}; the lead is still open.`,
      [TASK.activityDate]: taskDueDate(lead.dueDate, todayDay, model, calendar),
    },
    fields: {
      [TASK.subject]: taskSubject(`Call ${who}: no contact since ${since}`, model),
      [TASK.type]: model.writeBack.followUpTaskType,
    },
  };
}

export const NO_SHOW_RULE = 'no_show';

/**
 * After a missed appointment, a call to rebook for the salesperson it was with, keyed by customer and the day missed:
 * owner, customer and due date on create only, like every follow-up task.
 */
export function noShowTask(
  noShow: NoShow,
  name: string | null,
  todayDay: DayNumber,
  model: CoachModel,
  calendar: DealershipCalendar,
): DesiredRecord {
  const missed = dateFromDay(calendar.dayOf(noShow.at));
  return {
    kind: 'noShowTask',
    object: 'Task',
    keyField: model.writeBack.taskKeyField,
    key: `v1:${NO_SHOW_RULE}:${noShow.subject}:${missed}`,
    createOnly: {
      [TASK.owner]: noShow.repId,
      [TASK.status]: TASK_OPEN_STATUS,
      [TASK.who]: noShow.subject,
      [TASK.description]: `The appointment on ${missed} was missed and nobody has booked the customer again.`,
      [TASK.activityDate]: taskDueDate(missed, todayDay, model, calendar),
    },
    fields: {
      [TASK.subject]: taskSubject(`No-show on ${missed}: call ${name ?? 'the customer'} to rebook`, model),
      [TASK.type]: model.writeBack.followUpTaskType,
    },
  };
}

/**
 * A written task's Subject: the config's prefix, then what to do, cut to the field's length. One plain line, since
 * it names people and customers from the CRM and Salesforce shows it on one line.
 */
export function taskSubject(text: string, model: Pick<CoachModel, 'writeBack'>): string {
  return truncate(plainLine(`${model.writeBack.subjectPrefix}${text}`), SHORT_TEXT_MAX);
}

/**
 * The product's open stale-lead task keys by lead, from its own-task facts. A stale lead that
 * already has an open task under another key (it went stale, was called without closing the
 * task, and went stale again) gets no second one (ARCHITECTURE.md §5.2: at most one open follow-up
 * task per customer and rule).
 */
export function openStaleLeadTasks(ownTasks: readonly OwnTaskFact[]): Map<string, Set<string>> {
  const byLead = new Map<string, Set<string>>();
  for (const task of ownTasks) {
    const [version, rule, leadId] = task.key.split(':');
    if (version !== 'v1' || rule !== STALE_LEAD_RULE || leadId === undefined || task.closed === true) continue;
    const keys = byLead.get(leadId) ?? new Set<string>();
    keys.add(task.key);
    byLead.set(leadId, keys);
  }
  return byLead;
}

/** Whether another open task of the product already covers this lead. */
export function hasOtherOpenTask(
  openTasks: ReadonlyMap<string, ReadonlySet<string>>,
  leadId: string,
  key: string,
): boolean {
  const keys = openTasks.get(leadId);
  return keys !== undefined && [...keys].some((other) => other !== key);
}

/** The manager's task after a commitment check: go over it with the rep. */
export function commitmentCheckTask(
  rep: Rep,
  measure: { id: string; label: string },
  followUpDate: string,
  status: string,
  outcome: string,
  todayDay: DayNumber,
  model: CoachModel,
  calendar: DealershipCalendar,
): DesiredRecord | null {
  if (rep.managerId === null) return null;
  return {
    kind: 'commitmentCheckTask',
    object: 'Task',
    keyField: model.writeBack.taskKeyField,
    key: `v1:${COMMITMENT_CHECK_RULE}:${measure.id}:${rep.id}:${followUpDate}`,
    createOnly: { [TASK.owner]: rep.managerId, [TASK.status]: TASK_OPEN_STATUS },
    fields: {
      [TASK.subject]: taskSubject(`Follow up with ${rep.name}: ${measure.label} ${status.toLowerCase()}`, model),
      [TASK.type]: model.writeBack.followUpTaskType,
      [TASK.activityDate]: taskDueDate(followUpDate, todayDay, model, calendar),
      [TASK.description]: outcome,
    },
  };
}
