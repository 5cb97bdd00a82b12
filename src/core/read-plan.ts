/**
 * What to read from Salesforce: for each object the model needs, the exact fields to SELECT.
 * The connector builds its SOQL from this and nothing else, so a field the mapper reads but
 * the plan forgets would be a silent hole; tests check the plan against the mapper's reads.
 */
import { TOUCH_FIELDS } from './lead-touches';
import type { CoachModel } from './model';

/** Fields every read needs: the record id and the incremental-read checkpoint. */
const SYSTEM_FIELDS = ['Id', 'SystemModstamp'];
/** Standard fields read for people and leads. */
export const USER_OBJECT = 'User';
export const USER_FIELDS = ['Name', 'IsActive', 'Title', 'CreatedDate'];
/** Lead fields used by stale-lead measures beyond the configured ones. */
export const LEAD_CREATED_FIELD = 'CreatedDate';
export const LEAD_NAME_FIELD = 'Name';
/** Activity objects carry the product's key field (a custom Activity field). */
export const ACTIVITY_OBJECTS: ReadonlySet<string> = new Set(['Task', 'Event']);
/** An activity's owner: read for every activity object, since an activity no user owns is refused (plausibility.ts). */
export const ACTIVITY_OWNER_FIELD = 'OwnerId';
/** Task's closed flag (Event has none), read so the product's own open tasks can be seen. */
export const TASK_CLOSED_FIELD = 'IsClosed';
/** An Event's span, read for every Event: one that ends before it starts is refused (plausibility.ts). */
export const EVENT_START_FIELD = 'StartDateTime';
export const EVENT_END_FIELD = 'EndDateTime';

export interface ObjectRead {
  object: string;
  /** Field paths to SELECT, `Id` and `SystemModstamp` first, the rest sorted. */
  fields: string[];
}

export function readPlan(model: CoachModel): ObjectRead[] {
  const fields = new Map<string, Set<string>>();
  const need = (object: string, ...paths: Array<string | undefined>): void => {
    let set = fields.get(object);
    if (!set) fields.set(object, (set = new Set()));
    for (const path of paths) if (path) set.add(path);
  };

  for (const step of model.steps) {
    need(step.object, step.timeField, step.repField, step.subjectField, step.durationField, ...Object.keys(step.match));
  }
  for (const measure of model.measures) {
    if (measure.kind === 'overdue') {
      need(measure.object, measure.dueField, measure.repField, measure.subjectField, ...Object.keys(measure.match));
    } else if (measure.kind === 'staleLead') {
      need(measure.object, measure.repField, measure.statusField, LEAD_CREATED_FIELD, LEAD_NAME_FIELD);
      for (const touch of measure.touches) {
        need(touch.object, touch.subjectField, ...Object.keys(touch.match), ...TOUCH_FIELDS[touch.object]);
      }
    }
  }
  for (const object of fields.keys()) {
    if (ACTIVITY_OBJECTS.has(object)) need(object, model.writeBack.taskKeyField, ACTIVITY_OWNER_FIELD);
    if (object === 'Task') need(object, TASK_CLOSED_FIELD);
    if (object === 'Event') need(object, EVENT_START_FIELD, EVENT_END_FIELD);
  }
  const { team, goals } = model;
  need(
    USER_OBJECT,
    ...USER_FIELDS,
    ...Object.keys(team.salespeople),
    ...Object.keys(team.setters),
    team.managerField,
    team.storeField,
    goals.userField,
  );

  return [...fields.entries()]
    .map(([object, set]) => ({
      object,
      fields: [...SYSTEM_FIELDS, ...[...set].filter((f) => !SYSTEM_FIELDS.includes(f)).sort()],
    }))
    .sort((a, b) => (a.object < b.object ? -1 : a.object > b.object ? 1 : 0));
}
