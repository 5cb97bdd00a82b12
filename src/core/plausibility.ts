/**
 * What a record must look like before the mapper credits anything from it (ARCHITECTURE.md §5.1). A
 * record that fails is a bad record: refused whole (no event, no fact), counted by kind in
 * `MapStats.bad`, never fatal. Half a record would be worse than none: a call refused its attempt
 * but kept as a touch would still tell the stale-lead measure that someone talked to the customer.
 */
import { DAY_MS } from './civil-date';

export type BadRecordKind =
  /** An activity owned by a queue (`00G…`): nobody's activity, and nobody's touch on the lead. */
  | 'ownerNotUser'
  /** An activity owned by an Id that is not among the org's users. */
  | 'ownerUnknown'
  /** A date the mapping reads lies before `EARLIEST` or beyond what its field allows (`latestOf`). */
  | 'dateImplausible'
  /** A duration (the step's `durationField`) below zero. */
  | 'negativeDuration'
  /**
   * An activity with no owner at all. Salesforce requires one, so only a broken load or integration leaves it
   * blank; like a queue's, it is nobody's activity and nobody's touch on the lead.
   */
  | 'ownerMissing'
  /**
   * An Event that ends before it starts. The API refuses one (FIELD_INTEGRITY_EXCEPTION), so it is a row from
   * before the rule or an import; which of the two times is the typo cannot be told, and crediting a shown
   * appointment on a day it may not have happened would put a number in front of a manager that nobody can check.
   */
  | 'endBeforeStart';

/** Key prefix of Group Ids: a queue owns a record through one. */
const QUEUE_PREFIX = '00G';

export function isQueueId(id: string): boolean {
  return id.startsWith(QUEUE_PREFIX);
}

/**
 * No dealership's CRM holds activity from before 2000 (Salesforce itself began in 1999): an
 * earlier date is a placeholder (1900-01-01) or a typo, and lies outside every window anyway.
 */
export const EARLIEST = Date.UTC(2000, 0, 1);
export const EARLIEST_DATE = '2000-01-01';

/**
 * What already happened (created, completed, shown) may be stamped a little after the run's
 * `now`: the org's clock and the connector's differ, and a zone-less date is read as local midnight.
 */
const HAPPENED_SLACK_MS = DAY_MS;
/**
 * What is scheduled may lie ahead: an appointment next week, a call-back at a lease's end
 * three years out. Ten years covers every plan a dealership makes and still refuses the
 * typed-in centuries (2099, 2206) that would keep a lead "touched" for ever.
 */
const SCHEDULED_HORIZON_MS = 3653 * DAY_MS;

/** Salesforce's fields that hold a planned time rather than a moment that passed. */
const SCHEDULED_FIELDS: ReadonlySet<string> = new Set([
  'ActivityDate',
  'ActivityDateTime',
  'StartDateTime',
  'EndDateTime',
  'ReminderDateTime',
  'CloseDate',
]);

/** The latest time (epoch ms) a field may hold in a run at `now`; no bound when `now` is unknown. */
export function latestOf(fieldPath: string, now: number | null): number {
  return isScheduled(fieldPath) ? latestScheduled(now) : latestHappened(now);
}

export function latestHappened(now: number | null): number {
  return now === null ? Number.POSITIVE_INFINITY : now + HAPPENED_SLACK_MS;
}

export function latestScheduled(now: number | null): number {
  return now === null ? Number.POSITIVE_INFINITY : now + SCHEDULED_HORIZON_MS;
}

/** Whether a field holds a planned time; a relationship path is judged by its last field. */
export function isScheduled(fieldPath: string): boolean {
  return SCHEDULED_FIELDS.has(fieldPath.slice(fieldPath.lastIndexOf('.') + 1));
}

export function isPlausibleTime(at: number, latest: number): boolean {
  return at >= EARLIEST && at <= latest;
}

/**
 * What the mapper is told about the run besides the model: its `now` (dates beyond it are judged)
 * and the Ids of the org's users (an activity owned by any other Id is refused). Null leaves that
 * check out: a caller that maps without a run (a test, the accuracy pass) judges what it can.
 */
export interface MapContext {
  now: number | null;
  users: ReadonlySet<string> | null;
}

export const NO_CONTEXT: MapContext = { now: null, users: null };
