/**
 * What Execution Coach writes into an org (ARCHITECTURE.md §5.2), stated once. The Salesforce metadata
 * in manifests/salesforce is tested against this table, and so are (later) the connector's
 * writer and the sandbox's describe: three parts that share no code agree because each agrees
 * with this table.
 *
 * Types are metadata API field types (`Text`, `Number`, ...); DESCRIBE_TYPE gives the type the
 * REST describe reports for each.
 */

export type MetadataFieldType =
  'Text' | 'Lookup' | 'Picklist' | 'Number' | 'Percent' | 'Date' | 'LongTextArea' | 'Checkbox';

/** Who writes a field: the connector, the manager, or the manager and then the connector (5.3). */
export type FieldOwner = 'connector' | 'manager' | 'manager, then connector';

export interface ContractField {
  name: string;
  type: MetadataFieldType;
  length?: number;
  precision?: number;
  scale?: number;
  externalId: boolean;
  unique: boolean;
  required: boolean;
  picklistValues?: readonly string[];
  /** The value a picklist takes on create when the writer sends none. */
  picklistDefault?: string;
  referenceTo?: string;
  owner: FieldOwner;
}

type Extra = Partial<Omit<ContractField, 'name' | 'type' | 'owner'>>;

function field(name: string, type: MetadataFieldType, owner: FieldOwner, extra: Extra = {}): ContractField {
  return { name, type, owner, externalId: false, unique: false, required: false, ...extra };
}

const LONG_TEXT = { length: 32768 } as const;

export const FLAG_OBJECT = 'Coaching_Flag__c';

/** The fields of `Coaching_Flag__c`, in the order of ARCHITECTURE.md §5.2. */
export const FLAG_FIELDS: readonly ContractField[] = [
  field('Flag_Key__c', 'Text', 'connector', { length: 255, externalId: true, unique: true, required: true }),
  field('Scope__c', 'Picklist', 'connector', { picklistValues: ['Rep', 'Team'], picklistDefault: 'Rep' }),
  field('Salesperson__c', 'Lookup', 'connector', { referenceTo: 'User' }),
  field('Manager__c', 'Lookup', 'connector', { referenceTo: 'User' }),
  field('Measure__c', 'Text', 'connector', { length: 80 }),
  field('Step__c', 'Text', 'connector', { length: 80 }),
  field('Diagnosis__c', 'Picklist', 'connector', { picklistValues: ['Knowledge', 'Skill', 'Activity'] }),
  field('Severity__c', 'Picklist', 'connector', { picklistValues: ['Low', 'Medium', 'High'] }),
  field('Actual__c', 'Number', 'connector', { precision: 18, scale: 4 }),
  field('Target__c', 'Number', 'connector', { precision: 18, scale: 4 }),
  field('Team_Value__c', 'Number', 'connector', { precision: 18, scale: 4 }),
  field('Sample_Size__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Lost_Units__c', 'Number', 'connector', { precision: 18, scale: 2 }),
  field('Period_Start__c', 'Date', 'connector'),
  field('Period_End__c', 'Date', 'connector'),
  field('Summary__c', 'Text', 'connector', { length: 255 }),
  field('Evidence__c', 'LongTextArea', 'connector', LONG_TEXT),
  field('Is_Focus__c', 'Checkbox', 'connector'),
  field('Status__c', 'Picklist', 'manager, then connector', {
    picklistValues: ['New', 'Committed', 'Improved', 'Not Improved', 'Resolved'],
    picklistDefault: 'New',
  }),
  field('Commitment__c', 'LongTextArea', 'manager', LONG_TEXT),
  field('Follow_Up_Date__c', 'Date', 'manager'),
  field('Outcome__c', 'Text', 'connector', { length: 255 }),
];

export const SCORECARD_OBJECT = 'Coaching_Scorecard__c';

/**
 * Coaching_Scorecard__c, one per rep per period (ARCHITECTURE.md §5.2): the month to date (one record a month, kept
 * as history) and the measuring window (one record per rep, rolling). Owned by the rep, read-only for them (their
 * permission set grants Read only); every field is the connector's. The step counts are the reference funnel's,
 * mapped from the config's steps by `writeBack.scorecard.stepFields`.
 */
export const SCORECARD_FIELDS: readonly ContractField[] = [
  field('Scorecard_Key__c', 'Text', 'connector', { length: 255, externalId: true, unique: true, required: true }),
  field('Salesperson__c', 'Lookup', 'connector', { referenceTo: 'User' }),
  field('Manager__c', 'Lookup', 'connector', { referenceTo: 'User' }),
  field('Role__c', 'Picklist', 'connector', { picklistValues: ['Salesperson', 'Setter'] }),
  field('Period__c', 'Picklist', 'connector', { picklistValues: ['Month to date', 'Window'] }),
  field('Period_Start__c', 'Date', 'connector'),
  field('Period_End__c', 'Date', 'connector'),
  field('Today_Needs__c', 'Text', 'connector', { length: 255 }),
  field('Goal__c', 'Number', 'connector', { precision: 18, scale: 2 }),
  field('Expected_By_Now__c', 'Number', 'connector', { precision: 18, scale: 2 }),
  field('Pace__c', 'Picklist', 'connector', { picklistValues: ['Ahead', 'On pace', 'Behind'] }),
  field('Open_Flags__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Focus__c', 'Text', 'connector', { length: 255 }),
  field('Leads__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Attempts__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Contacts__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Appointments_Set__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Appointments_Shown__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Needs_Analyses__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Demos__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Write_Ups__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Sold__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Measures__c', 'LongTextArea', 'connector', LONG_TEXT),
];

export const EFFECTIVENESS_OBJECT = 'Coaching_Effectiveness__c';

/**
 * Coaching_Effectiveness__c, one per manager per month and one for the store (Scope Store, no manager): of the
 * flags whose commitment was made that month, how many improved, did not, or wait for their check.
 */
export const EFFECTIVENESS_FIELDS: readonly ContractField[] = [
  field('Effectiveness_Key__c', 'Text', 'connector', { length: 255, externalId: true, unique: true, required: true }),
  field('Scope__c', 'Picklist', 'connector', { picklistValues: ['Manager', 'Store'] }),
  field('Manager__c', 'Lookup', 'connector', { referenceTo: 'User' }),
  field('Month__c', 'Date', 'connector'),
  field('Committed__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Improved__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Not_Improved__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Waiting__c', 'Number', 'connector', { precision: 18, scale: 0 }),
  field('Improved_Share__c', 'Percent', 'connector', { precision: 5, scale: 2 }),
  field('Median_Days_To_Improve__c', 'Number', 'connector', { precision: 18, scale: 1 }),
  field('By_Diagnosis__c', 'LongTextArea', 'connector', LONG_TEXT),
  field('By_Measure__c', 'LongTextArea', 'connector', LONG_TEXT),
];

/** The status a new flag gets (the picklist default). */
export const NEW_FLAG_STATUS = 'New';

/** The scope of a flag about one rep: what flags written before Scope__c existed are. */
export const REP_FLAG_SCOPE = 'Rep';

/** The scope of a flag about a manager's whole team of one role. */
export const TEAM_FLAG_SCOPE = 'Team';

/** Statuses of an open flag: at most one open flag per salesperson × measure. */
export const OPEN_FLAG_STATUSES: readonly string[] = ['New', 'Committed', 'Not Improved'];

/**
 * Fields on the object that nobody writes. Not in §5.2: list view filters cannot compare a
 * lookup with the current user, so "My team's open coaching flags" filters on this formula.
 */
export const FLAG_FORMULA_FIELDS = [
  { name: 'Managed_By_Me__c', type: 'Checkbox', formula: 'Manager__c = $User.Id' },
] as const;

/**
 * The key of the tasks the connector writes, a custom field of Activity (so Task has it).
 * External id but deliberately not unique: orgs may not allow Unique on activity fields, so
 * the connector reads keys back before creating.
 */
export const ACTIVITY_KEY_FIELD: ContractField = field('Coaching_Key__c', 'Text', 'connector', {
  length: 255,
  externalId: true,
});

/**
 * Task fields the connector writes on follow-up tasks and one-on-one agendas (ARCHITECTURE.md §5.2):
 * owner, customer, type, subject, due date, the agenda text, status and the key.
 */
export const TASK_FIELDS_WRITTEN: readonly string[] = [
  'OwnerId',
  'WhoId',
  'WhatId',
  'Type',
  'Subject',
  'ActivityDate',
  'Description',
  'Status',
  ACTIVITY_KEY_FIELD.name,
];

/** Does the connector ever write this field? (Status only on the transitions of 5.3.) */
export function connectorWrites(contract: ContractField): boolean {
  return contract.owner !== 'manager';
}

/** Does a manager ever write this field? */
export function managerWrites(contract: ContractField): boolean {
  return contract.owner !== 'connector';
}

/**
 * The REST describe `type` of each metadata field type. Number is `double` whatever its scale,
 * and LongTextArea is `textarea` (with `extraTypeInfo: plaintextarea`).
 */
export const DESCRIBE_TYPE: Readonly<Record<MetadataFieldType, string>> = {
  Text: 'string',
  Lookup: 'reference',
  Picklist: 'picklist',
  Number: 'double',
  Percent: 'percent',
  Date: 'date',
  LongTextArea: 'textarea',
  Checkbox: 'boolean',
};
