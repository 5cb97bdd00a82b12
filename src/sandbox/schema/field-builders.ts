import type { FieldDef, FieldType, PicklistValue } from './types';

/**
 * Small constructors for describe fields. Defaults follow what describe reports for each
 * type in a real org (long text areas cannot be filtered or sorted; datetimes and doubles
 * cannot be grouped), and a definition overrides only what differs.
 */

/** Text areas longer than this are "long text areas", which SOQL cannot filter or sort. */
export const LONG_TEXT_THRESHOLD = 255;

export type FieldOptions = Partial<Omit<FieldDef, 'name' | 'label' | 'type'>>;

const NOT_GROUPABLE: ReadonlySet<FieldType> = new Set(['datetime', 'double', 'currency', 'percent', 'textarea']);
const NUMERIC: ReadonlySet<FieldType> = new Set(['int', 'double', 'currency', 'percent']);

export function field(name: string, label: string, type: FieldType, options: FieldOptions = {}): FieldDef {
  const longText = type === 'textarea' && (options.length ?? 0) > LONG_TEXT_THRESHOLD;
  return {
    name,
    label,
    type,
    length: 0,
    precision: 0,
    scale: 0,
    digits: 0,
    nillable: true,
    createable: true,
    updateable: true,
    defaultedOnCreate: false,
    defaultValue: null,
    externalId: false,
    unique: false,
    idLookup: false,
    caseSensitive: false,
    filterable: !longText,
    sortable: !longText,
    groupable: !NOT_GROUPABLE.has(type) && !longText,
    aggregatable: !longText,
    calculated: false,
    autoNumber: false,
    custom: name.endsWith('__c'),
    nameField: false,
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo: [],
    relationshipName: null,
    polymorphicForeignKey: false,
    ...(NUMERIC.has(type) ? { precision: 18, scale: type === 'int' ? 0 : 2, digits: type === 'int' ? 9 : 0 } : {}),
    ...options,
  };
}

export const text = (name: string, label: string, length = 255, o: FieldOptions = {}): FieldDef =>
  field(name, label, 'string', { length, ...o });

export const longText = (name: string, label: string, length = 32000, o: FieldOptions = {}): FieldDef =>
  field(name, label, 'textarea', { length, ...o });

export const bool = (name: string, label: string, o: FieldOptions = {}): FieldDef =>
  field(name, label, 'boolean', { nillable: false, defaultedOnCreate: true, defaultValue: false, ...o });

export const dateField = (name: string, label: string, o: FieldOptions = {}): FieldDef => field(name, label, 'date', o);
export const datetime = (name: string, label: string, o: FieldOptions = {}): FieldDef =>
  field(name, label, 'datetime', o);

export function picklist(name: string, label: string, values: readonly string[], o: FieldOptions = {}): FieldDef {
  const defaultValue = typeof o.defaultValue === 'string' ? o.defaultValue : null;
  return field(name, label, 'picklist', {
    length: 255,
    picklistValues: values.map((v) => picklistValue(v, v === defaultValue)),
    ...o,
  });
}

export function picklistValue(value: string, isDefault = false, label = value): PicklistValue {
  return { active: true, defaultValue: isDefault, label, validFor: null, value };
}

/** A lookup; several targets make it polymorphic (WhoId, WhatId). */
export function reference(
  name: string,
  label: string,
  referenceTo: string[],
  relationshipName: string,
  o: FieldOptions = {},
): FieldDef {
  return field(name, label, 'reference', {
    length: 18,
    referenceTo,
    relationshipName,
    polymorphicForeignKey: referenceTo.length > 1,
    ...o,
  });
}

export const readOnly: FieldOptions = { createable: false, updateable: false };
export const calculated: FieldOptions = { createable: false, updateable: false, calculated: true };
