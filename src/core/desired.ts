/**
 * The records the product wants to exist in the org after a run: coaching flags, follow-up
 * tasks and one-on-one agendas, each under a deterministic key (ARCHITECTURE.md §5.2). A desired
 * record separates fields written only when the record is created (a flag's first status, a
 * task's owner and status) from the fields the connector keeps up to date, so the writer can
 * update without resetting what a person changed. Manager-owned fields never appear in either.
 */

export type SfValue = string | number | boolean | null;

export type DesiredKind =
  'flag' | 'staleLeadTask' | 'noShowTask' | 'commitmentCheckTask' | 'agenda' | 'scorecard' | 'effectiveness';

export interface DesiredRecord {
  kind: DesiredKind;
  /** Salesforce object, e.g. `Coaching_Flag__c`, `Task`. */
  object: string;
  /** External id field the record is upserted by. */
  keyField: string;
  key: string;
  /** Sent only when the record is created. */
  createOnly: Record<string, SfValue>;
  /** Connector-owned: sent on create and whenever their content changes. */
  fields: Record<string, SfValue>;
}

/** Standard Task fields the product writes. */
export const TASK = {
  owner: 'OwnerId',
  status: 'Status',
  who: 'WhoId',
  subject: 'Subject',
  type: 'Type',
  activityDate: 'ActivityDate',
  description: 'Description',
} as const;

/** Task status on create; afterwards it belongs to whoever works the task. */
export const TASK_OPEN_STATUS = 'Not Started';

/** Text(255) limit of Task Subject and the flag's short texts. */
export const SHORT_TEXT_MAX = 255;
