import type { SchemaCatalog, SObjectType } from '../schema/catalog';
import type { FieldDef, FieldType } from '../schema/types';

/**
 * Describe and describe-global bodies, built from the same definitions that validate writes
 * and queries, so what describe promises is what the sandbox enforces.
 */

const SOAP_TYPE: Record<FieldType, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  string: 'xsd:string',
  textarea: 'xsd:string',
  picklist: 'xsd:string',
  email: 'xsd:string',
  phone: 'xsd:string',
  url: 'xsd:string',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

function urls(type: SObjectType, version: string): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${type.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

function describeField(f: FieldDef): Record<string, unknown> {
  return {
    aggregatable: f.aggregatable,
    autoNumber: f.autoNumber,
    byteLength: f.length * 3,
    calculated: f.calculated,
    caseSensitive: f.caseSensitive,
    createable: f.createable,
    custom: f.custom,
    defaultValue: f.type === 'boolean' ? (f.defaultValue ?? false) : f.defaultValue,
    defaultedOnCreate: f.defaultedOnCreate,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: f.digits,
    externalId: f.externalId,
    filterable: f.filterable,
    groupable: f.groupable,
    htmlFormatted: false,
    idLookup: f.idLookup,
    label: f.label,
    length: f.length,
    name: f.name,
    nameField: f.nameField,
    nillable: f.nillable,
    picklistValues: f.picklistValues,
    polymorphicForeignKey: f.polymorphicForeignKey,
    precision: f.precision,
    referenceTo: f.referenceTo,
    relationshipName: f.relationshipName,
    restrictedPicklist: f.restrictedPicklist,
    scale: f.scale,
    soapType: SOAP_TYPE[f.type],
    sortable: f.sortable,
    type: f.type,
    unique: f.unique,
    updateable: f.updateable,
  };
}

function childRelationships(catalog: SchemaCatalog, parent: SObjectType): Array<Record<string, unknown>> {
  const children: Array<Record<string, unknown>> = [];
  for (const child of catalog.objects()) {
    for (const f of child.fields) {
      if (
        f.type !== 'reference' ||
        !f.referenceTo.includes(parent.name) ||
        f.name === 'CreatedById' ||
        f.name === 'LastModifiedById'
      )
        continue;
      children.push({
        cascadeDelete: false,
        childSObject: child.name,
        deprecatedAndHidden: false,
        field: f.name,
        // Standard lookups of custom objects (OwnerId…) have no reverse relationship name.
        relationshipName:
          f.childRelationshipName ?? (child.def.custom ? null : child.def.labelPlural.replace(/\W+/g, '')),
        restrictedDelete: false,
      });
    }
  }
  return children;
}

function objectFlags(type: SObjectType): Record<string, unknown> {
  const d = type.def;
  return {
    activateable: false,
    createable: d.createable,
    custom: d.custom,
    customSetting: false,
    deletable: d.deletable,
    deprecatedAndHidden: false,
    feedEnabled: false,
    keyPrefix: d.keyPrefix,
    label: d.label,
    labelPlural: d.labelPlural,
    layoutable: d.createable,
    mergeable: false,
    mruEnabled: false,
    name: d.name,
    queryable: d.queryable,
    replicateable: true,
    retrieveable: true,
    searchable: d.createable,
    triggerable: d.createable,
    undeletable: d.deletable,
    updateable: d.updateable,
  };
}

export function describeObject(catalog: SchemaCatalog, type: SObjectType, version: string): Record<string, unknown> {
  return {
    ...objectFlags(type),
    childRelationships: childRelationships(catalog, type),
    fields: type.fields.map(describeField),
    recordTypeInfos: [],
    supportedScopes: [{ label: 'All', name: 'everything' }],
    urls: urls(type, version),
  };
}

export function describeGlobal(catalog: SchemaCatalog, version: string): Record<string, unknown> {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: catalog.objects().map((t) => ({ ...objectFlags(t), urls: urls(t, version) })),
  };
}

/** GET /sobjects/{type}: basic information plus recent items (none in the sandbox). */
export function basicInfo(type: SObjectType, version: string): Record<string, unknown> {
  return { objectDescribe: { ...objectFlags(type), urls: urls(type, version) }, recentItems: [] };
}
