/**
 * Describe-shaped definitions of the sandbox's objects: the same names and flags Salesforce's
 * `/sobjects/{type}/describe` returns, so the describe endpoint, write validation and the SOQL
 * engine all read one definition.
 */

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'picklist'
  | 'reference'
  | 'email'
  | 'phone'
  | 'url';

export interface PicklistValue {
  active: boolean;
  defaultValue: boolean;
  label: string;
  validFor: null;
  value: string;
}

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  length: number;
  precision: number;
  scale: number;
  digits: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  /** Value given on create when the client sends none (describe's defaultValue). */
  defaultValue: string | number | boolean | null;
  externalId: boolean;
  unique: boolean;
  idLookup: boolean;
  caseSensitive: boolean;
  filterable: boolean;
  sortable: boolean;
  groupable: boolean;
  aggregatable: boolean;
  calculated: boolean;
  /** Auto-number name fields: the store assigns the value from ObjectDef.autoNumberFormat. */
  autoNumber: boolean;
  custom: boolean;
  nameField: boolean;
  picklistValues: PicklistValue[];
  restrictedPicklist: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  /** Name of the reverse (parent-to-child) relationship, when the metadata gives one. */
  childRelationshipName?: string;
  polymorphicForeignKey: boolean;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  fields: FieldDef[];
  /** Display format of an auto-number name field, e.g. `CF-{00000}`. */
  autoNumberFormat?: string;
}

/** A value as the store holds it (Salesforce's JSON forms; datetimes and dates as strings). */
export type FieldValue = string | number | boolean | null;
export type StoredRecord = Record<string, FieldValue>;
