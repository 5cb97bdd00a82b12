/**
 * Permission sets and field references, read from the SFDX source for the permission tests.
 */
import { flagOf, listOf, readMetadataFile, textOf } from './xml';

export interface ObjectPermission {
  object: string;
  allowCreate: boolean;
  allowRead: boolean;
  allowEdit: boolean;
  allowDelete: boolean;
  viewAllRecords: boolean;
  modifyAllRecords: boolean;
}

export interface FieldPermission {
  /** `Object.Field`, e.g. `Coaching_Flag__c.Status__c`, `Task.Type`. */
  field: string;
  readable: boolean;
  editable: boolean;
}

export interface PermissionSetSource {
  label: string | undefined;
  objects: ObjectPermission[];
  fields: FieldPermission[];
  /** Names of the enabled user (system) permissions. */
  userPermissions: string[];
}

export function readPermissionSet(path: string): PermissionSetSource {
  const { body } = readMetadataFile(path);
  return {
    label: textOf(body, 'label'),
    objects: listOf(body, 'objectPermissions').map((entry) => ({
      object: textOf(entry, 'object') ?? '',
      allowCreate: flagOf(entry, 'allowCreate'),
      allowRead: flagOf(entry, 'allowRead'),
      allowEdit: flagOf(entry, 'allowEdit'),
      allowDelete: flagOf(entry, 'allowDelete'),
      viewAllRecords: flagOf(entry, 'viewAllRecords'),
      modifyAllRecords: flagOf(entry, 'modifyAllRecords'),
    })),
    fields: listOf(body, 'fieldPermissions').map((entry) => ({
      field: textOf(entry, 'field') ?? '',
      readable: flagOf(entry, 'readable'),
      editable: flagOf(entry, 'editable'),
    })),
    userPermissions: listOf(body, 'userPermissions')
      .filter((entry) => flagOf(entry, 'enabled'))
      .map((entry) => textOf(entry, 'name') ?? ''),
  };
}

/** Task and Event inherit the custom fields defined on Activity. */
const ACTIVITY_OBJECTS = new Set(['Task', 'Event']);

/**
 * The CustomField component that defines a custom field reference (`Task.Coaching_Key__c` →
 * `Activity.Coaching_Key__c`); undefined for a standard field.
 */
export function definingCustomField(reference: string): string | undefined {
  const [object, field] = reference.split('.');
  if (object === undefined || field === undefined || !field.endsWith('__c')) return undefined;
  return `${ACTIVITY_OBJECTS.has(object) ? 'Activity' : object}.${field}`;
}
