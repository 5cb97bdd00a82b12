/**
 * Facts: what the measures that are not about step events need from a record. The mapper
 * produces them next to step events, and like events each depends only on its own record, so
 * the connector can store them keyed by record id and replace them when the record changes
 * (a follow-up task that gets closed simply stops yielding a fact).
 */

/** An open follow-up item of an `overdue` measure (e.g. a Task with Type 'Follow-Up'). */
export interface FollowUpFact {
  kind: 'followUp';
  /** Id of the overdue measure whose conditions the record met. */
  measure: string;
  recordId: string;
  /** User Id the item belongs to. */
  user: string;
  /** Customer it is about (WhoId), when the record has one. */
  subject: string | null;
  /** Local due date, `YYYY-MM-DD`. */
  due: string;
}

/** An open lead of a `staleLead` measure (its status is not a closed one). */
export interface LeadFact {
  kind: 'lead';
  /** Id of the staleLead measure. */
  measure: string;
  /** The lead's Id: also its subject id in step events. */
  recordId: string;
  user: string;
  status: string | null;
  /** When the lead was created, epoch ms. */
  createdAt: number;
  /** Person's name for follow-up task subjects ("Call Dana Reyes: …"). */
  name: string | null;
}

/**
 * An activity the product itself wrote (its key field is set). Such records are never counted
 * as activity; the fact lets the coaching cycle see whether a follow-up task it created for a
 * customer is still open, so it does not create a second one.
 */
export interface OwnTaskFact {
  kind: 'ownTask';
  recordId: string;
  /** The product's key (`v1:stale_lead:<lead Id>:<date>`). */
  key: string;
  /** Whether the task is closed; null when the object has no such field (Event). */
  closed: boolean | null;
}

export type Fact = FollowUpFact | LeadFact | OwnTaskFact;
