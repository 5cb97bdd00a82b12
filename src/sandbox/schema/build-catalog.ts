import type { FieldDef, ObjectDef } from './types';
import { SchemaCatalog } from './catalog';
import { dateField, readOnly, text } from './field-builders';
import { objectDef } from './object-builder';
import type { CustomObjectSpec, MetadataExtensions } from './metadata/load-metadata';
import { auditFields, idField, ownerIdField } from './standard/system-fields';
import { accountObject, contactObject, leadObject, organizationObject, userObject } from './standard/people';
import { eventObject, taskObject } from './standard/activities';
import {
  leadStatusObject,
  opportunityHistoryObject,
  opportunityObject,
  opportunityStageObject,
  taskStatusObject,
} from './standard/sales';

/**
 * The sandbox org's schema: the standard objects of the reference dealership model plus what
 * manifests/salesforce adds (custom objects, and custom fields on standard objects, where
 * `Activity` fields land on both Task and Event as in a real org).
 */

/**
 * Key prefixes of custom objects. A real org assigns them in creation order, so an object added
 * in a later release never changes the prefix (and so the Ids) of one deployed before it:
 * the product's objects take them in the order the product added them, any other custom object
 * after those, in name order.
 */
const CUSTOM_PREFIX_BASE = 'a0';
const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const CUSTOM_OBJECT_CREATION_ORDER: readonly string[] = [
  'Coaching_Flag__c',
  'Coaching_Scorecard__c',
  'Coaching_Effectiveness__c',
];

function creationRank(name: string): number {
  const rank = CUSTOM_OBJECT_CREATION_ORDER.indexOf(name);
  return rank < 0 ? CUSTOM_OBJECT_CREATION_ORDER.length : rank;
}

/** The custom objects in the order a real org would have created them. */
export function inCreationOrder(specs: readonly CustomObjectSpec[]): CustomObjectSpec[] {
  return [...specs].sort((a, b) => creationRank(a.name) - creationRank(b.name) || a.name.localeCompare(b.name));
}

export function standardObjects(): ObjectDef[] {
  return [
    organizationObject(),
    userObject(),
    accountObject(),
    contactObject(),
    leadObject(),
    taskObject(),
    eventObject(),
    opportunityObject(),
    opportunityHistoryObject(),
    opportunityStageObject(),
    taskStatusObject(),
    leadStatusObject(),
  ];
}

export function buildCatalog(extensions: MetadataExtensions): SchemaCatalog {
  const custom = inCreationOrder(extensions.customObjects).map((spec, i) =>
    customObjectDef(spec, `${CUSTOM_PREFIX_BASE}${BASE36.charAt(i)}`),
  );
  const objects = [...standardObjects(), ...custom];
  for (const [target, fields] of extensions.standardObjectFields) {
    const targets = target === 'Activity' ? ['Task', 'Event'] : [target];
    for (const name of targets) {
      const def = objects.find((o) => o.name === name);
      if (!def) throw new Error(`manifests add fields to ${target}, which the sandbox does not model`);
      insertBeforeAudit(
        def,
        fields.map((f) => ({ ...f })),
      );
    }
  }
  const activityTargets = extensions.customObjects.filter((c) => c.enableActivities).map((c) => c.name);
  for (const def of objects.filter((o) => o.name === 'Task' || o.name === 'Event')) {
    const what = def.fields.find((f) => f.name === 'WhatId');
    if (what) what.referenceTo = [...what.referenceTo, ...activityTargets];
  }
  return new SchemaCatalog(objects);
}

function customObjectDef(spec: CustomObjectSpec, keyPrefix: string): ObjectDef {
  const nameField: FieldDef =
    spec.nameField.type === 'AutoNumber'
      ? text('Name', spec.nameField.label, 80, {
          ...readOnly,
          nillable: false,
          defaultedOnCreate: true,
          autoNumber: true,
          nameField: true,
        })
      : text('Name', spec.nameField.label, 80, { nameField: true });
  const def = objectDef(spec.name, { label: spec.label, plural: spec.pluralLabel }, keyPrefix, [
    idField(),
    ownerIdField(),
    nameField,
    ...spec.fields.map((f) => ({ ...f })),
    ...(spec.enableActivities ? [dateField('LastActivityDate', 'Last Activity Date', { ...readOnly })] : []),
    ...auditFields(),
  ]);
  if (spec.nameField.displayFormat) def.autoNumberFormat = spec.nameField.displayFormat;
  return def;
}

/** Custom fields sit before the audit fields, which is where describe lists them. */
function insertBeforeAudit(def: ObjectDef, fields: FieldDef[]): void {
  const at = def.fields.findIndex((f) => f.name === 'IsDeleted' || f.name === 'CreatedDate');
  def.fields.splice(at < 0 ? def.fields.length : at, 0, ...fields);
}
