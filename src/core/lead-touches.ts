/**
 * What touches a lead besides its steps (ARCHITECTURE.md §6, staleLead): an e-mail, a text, an
 * appointment, an open task. A lead e-mailed yesterday is not idle, and neither is one with an
 * appointment ahead or a callback scheduled for tomorrow; without this, the product would send
 * a "no contact" task about a customer the rep is talking to.
 *
 * Touches are step events of internal steps, one pair per staleLead measure, so they are stored,
 * pruned and loaded like any event, and a record's touches change when the record does:
 * - `touch:<measure>` at the moment a lead was touched: a completed task (when it was completed,
 *   else created) that maps to no step, and an event at its start (past or ahead);
 * - `due:<measure>` at the start of an open task's due day: the lead waits on the rep then, so
 *   it is not idle while that day is today or later, and an overdue task touches nothing.
 * A completed task that already maps to a step is that step's event: counting it again would let
 * a call the integrity check rejected touch the lead after all.
 *
 * A completed task or an event that touched a lead and yielded no configured step also gives one
 * `activity:<object>:<Type>` event (its Task or Event Type, empty when it has none) at its touch's
 * moment: the activity the org records but no step measures, by kind (e-mails apart from texts),
 * which the predictive analysis counts (predictive-store.ts). No measure reads these steps; a
 * table built from the model leaves them out without calling them a config change (event-table.ts).
 */
import type { DealershipCalendar } from './calendar';
import { dayFromDate } from './civil-date';
import { compileMatch, type RecordPredicate } from './matcher';
import type { CoachModel, MatchConditions, SfRecord, StaleLeadMeasure, StepEvent } from './model';
import { isPlausibleTime } from './plausibility';
import { parseSfDate, parseSfDateTime } from './salesforce-datetime';
import { asText, compilePath, type FieldReader } from './salesforce-values';

/** The standard picklist that tells an e-mail from a call or a text, on Task and on Event. */
export const ACTIVITY_TYPE_FIELD = 'Type';
const ACTIVITY_PREFIX = 'activity:';
const TOUCH_PREFIX = 'touch:';

/** Standard activity fields a touch is timed by, read for every object a touch names. */
export const TOUCH_FIELDS: Readonly<Record<'Task' | 'Event', readonly string[]>> = {
  Task: ['IsClosed', 'CompletedDateTime', 'CreatedDate', 'ActivityDate', 'OwnerId', ACTIVITY_TYPE_FIELD],
  Event: ['StartDateTime', 'OwnerId', ACTIVITY_TYPE_FIELD],
};

/** Internal step ids: the colon keeps them apart from any configured step (snake_case). */
export function touchStep(measure: string): string {
  return `${TOUCH_PREFIX}${measure}`;
}

export function dueStep(measure: string): string {
  return `due:${measure}`;
}

/** The step of unmeasured activity of one kind: `activity:Task:Email`; the type is empty when the record has none. */
export function activityStep(object: 'Task' | 'Event', type: string | null): string {
  return `${ACTIVITY_PREFIX}${object}:${type ?? ''}`;
}

export function isActivityStep(id: string): boolean {
  return id.startsWith(ACTIVITY_PREFIX);
}

/** The object and type an activity step counts, or null for any other step id. */
export function activityKind(id: string): { object: string; type: string } | null {
  if (!isActivityStep(id)) return null;
  const rest = id.slice(ACTIVITY_PREFIX.length);
  const colon = rest.indexOf(':');
  return colon < 0 ? null : { object: rest.slice(0, colon), type: rest.slice(colon + 1) };
}

export function isInternalStep(id: string): boolean {
  return id.includes(':');
}

/** The steps an event table holds: the configured ones, then each staleLead measure's two. */
export function tableStepIds(model: CoachModel): string[] {
  const internal = model.measures
    .filter((m): m is StaleLeadMeasure => m.kind === 'staleLead')
    .flatMap((m) => [touchStep(m.id), dueStep(m.id)]);
  return [...model.steps.map((step) => step.id), ...internal];
}

export interface CompiledTouch {
  measure: string;
  object: 'Task' | 'Event';
  matches: RecordPredicate;
  /** The conditions `matches` was compiled from: the mapper counts the values they leave out. */
  match: MatchConditions;
  subject: FieldReader;
}

/** The touches of every staleLead measure, by the object they read. */
export function compileTouches(model: CoachModel): Map<string, CompiledTouch[]> {
  const byObject = new Map<string, CompiledTouch[]>();
  for (const measure of model.measures) {
    if (measure.kind !== 'staleLead') continue;
    for (const touch of measure.touches) {
      const compiled: CompiledTouch = {
        measure: measure.id,
        object: touch.object,
        matches: compileMatch(touch.match),
        match: touch.match,
        subject: compilePath(touch.subjectField),
      };
      byObject.set(touch.object, [...(byObject.get(touch.object) ?? []), compiled]);
    }
  }
  return byObject;
}

/**
 * The latest plausible touch times (plausibility.ts): an event's start and an open task's due day
 * are planned and may lie well ahead; a completion or creation has happened.
 */
export interface TouchBounds {
  happened: number;
  scheduled: number;
}

/**
 * The touch events of one activity record, or null when a touch's time is implausible (the mapper
 * refuses the record). `mappedToStep`: the record already yielded a step event, which touches the
 * lead by itself when the record is a completed task.
 */
export function touchEvents(
  touches: readonly CompiledTouch[],
  record: SfRecord,
  recordId: string,
  mappedToStep: boolean,
  calendar: DealershipCalendar,
  bounds: TouchBounds,
): StepEvent[] | null {
  const events: StepEvent[] = [];
  for (const touch of touches) {
    if (!touch.matches(record)) continue;
    const subject = asText(touch.subject(record));
    if (subject === null) continue;
    const timed = touch.object === 'Event' ? eventTouch(record) : taskTouch(record, mappedToStep, calendar);
    if (timed === null) continue;
    const planned = touch.object === 'Event' || timed.due;
    if (!isPlausibleTime(timed.at, planned ? bounds.scheduled : bounds.happened)) return null;
    const step = timed.due ? dueStep(touch.measure) : touchStep(touch.measure);
    events.push({ step, user: asText(record.OwnerId) ?? '', subject, at: timed.at, recordId });
  }
  // One per record however many measures touched it; a record with a step is that step's activity,
  // and an open task (even one with no due date, which touches its lead) is work ahead, not done.
  const object = touches[0]?.object;
  const done = object === 'Event' || record.IsClosed === true;
  const touched = mappedToStep || !done ? undefined : events.find((event) => event.step.startsWith(TOUCH_PREFIX));
  if (touched !== undefined && object !== undefined)
    events.push({ ...touched, step: activityStep(object, asText(record[ACTIVITY_TYPE_FIELD])) });
  return events;
}

function eventTouch(record: SfRecord): { at: number; due: boolean } | null {
  const at = instant(record.StartDateTime);
  return at === null ? null : { at, due: false };
}

function taskTouch(
  record: SfRecord,
  mappedToStep: boolean,
  calendar: DealershipCalendar,
): { at: number; due: boolean } | null {
  if (record.IsClosed === true) {
    if (mappedToStep) return null;
    const at = instant(record.CompletedDateTime) ?? instant(record.CreatedDate);
    return at === null ? null : { at, due: false };
  }
  const dueDate = typeof record.ActivityDate === 'string' ? parseSfDate(record.ActivityDate) : null;
  const dueDay = dueDate === null ? null : dayFromDate(dueDate);
  if (dueDay !== null) return { at: calendar.startOfDay(dueDay), due: true };
  // An open task with no due date was at least made for the lead: it touched it when created.
  const created = instant(record.CreatedDate);
  return created === null ? null : { at: created, due: false };
}

function instant(value: unknown): number | null {
  return typeof value === 'string' ? parseSfDateTime(value) : null;
}
