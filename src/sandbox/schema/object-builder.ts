import type { FieldDef, ObjectDef } from './types';

export interface ObjectOptions {
  createable?: boolean;
  updateable?: boolean;
  deletable?: boolean;
}

export function objectDef(
  name: string,
  labels: { label: string; plural: string },
  keyPrefix: string,
  fields: FieldDef[],
  options: ObjectOptions = {},
): ObjectDef {
  return {
    name,
    label: labels.label,
    labelPlural: labels.plural,
    keyPrefix,
    custom: name.endsWith('__c'),
    createable: options.createable ?? true,
    updateable: options.updateable ?? true,
    deletable: options.deletable ?? true,
    queryable: true,
    fields,
  };
}
