import { ApiError } from '../errors';
import { isWellFormedId, keyPrefixOf, to18 } from '../ids';
import type { SObjectType } from '../schema/catalog';
import type { FieldDef, FieldValue, StoredRecord } from '../schema/types';
import { parseDateTime } from '../time/datetime';
import { coerceValue } from './coerce';

/**
 * The checks a real org makes on a create or update body, with its error codes and messages:
 * unknown field, read-only field, value types, required fields, restricted picklists and
 * lookups (malformed, wrong object, missing record).
 */

export type WriteMode = 'create' | 'update';

/** Keys a client may send that are not fields: jsforce adds `attributes`, and `id` on updates. */
const NON_FIELD_KEYS = new Set(['attributes']);

/** Maps a request body onto canonical field names and stored values. */
export function prepareChanges(type: SObjectType, input: Record<string, unknown>, mode: WriteMode): StoredRecord {
  const changes: StoredRecord = {};
  const readOnlyFields: string[] = [];
  for (const [key, raw] of Object.entries(input)) {
    if (NON_FIELD_KEYS.has(key)) continue;
    const field = type.field(key);
    if (!field) throw new ApiError(400, 'INVALID_FIELD', `No such column '${key}' on sobject of type ${type.name}`);
    if (field.name === 'Id') {
      if (mode === 'create')
        throw new ApiError(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);
      continue;
    }
    if (mode === 'create' ? !field.createable : !field.updateable) {
      readOnlyFields.push(field.name);
      continue;
    }
    changes[field.name] = coerceValue(field, raw);
  }
  if (readOnlyFields.length > 0) {
    throw new ApiError(
      400,
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      `Unable to create/update fields: ${readOnlyFields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
      readOnlyFields,
    );
  }
  return changes;
}

/** Required fields: not nillable, no default, writable; checked on the merged record. */
export function checkRequired(type: SObjectType, record: StoredRecord, mode: WriteMode, changes: StoredRecord): void {
  const missing = type.fields
    .filter(
      (f) => !f.nillable && !f.defaultedOnCreate && !f.calculated && (mode === 'create' ? f.createable : f.updateable),
    )
    .filter((f) => (mode === 'create' || f.name in changes) && isBlank(record[f.name]))
    .map((f) => f.name);
  if (missing.length > 0) {
    throw new ApiError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
  }
}

export function checkPicklists(type: SObjectType, changes: StoredRecord): void {
  for (const [name, value] of Object.entries(changes)) {
    const field = type.field(name);
    if (!field || field.type !== 'picklist' || !field.restrictedPicklist || value === null) continue;
    if (!field.picklistValues.some((p) => p.value === value)) {
      throw new ApiError(
        400,
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        `${field.label}: bad value for restricted picklist field: ${String(value)}`,
        [field.name],
      );
    }
  }
}

/**
 * An Event may not end before it starts: a real org refuses the save. Checked on the merged record after
 * derivation, so a start moved past the end and a negative `DurationInMinutes` are refused alike. The code is
 * the one the API gives for an Event's other time checks ("Duration must be between 0 and 1440 minutes"); this
 * message was not verified against a real org (none is reachable here) and is a plausible one.
 */
export function checkEventTimes(typeName: string, record: StoredRecord): void {
  if (typeName !== 'Event') return;
  const start = typeof record.StartDateTime === 'string' ? parseDateTime(record.StartDateTime) : null;
  const end = typeof record.EndDateTime === 'string' ? parseDateTime(record.EndDateTime) : null;
  if (start === null || end === null || end >= start) return;
  throw new ApiError(400, 'FIELD_INTEGRITY_EXCEPTION', "End Date/Time: End time can't be before start time", [
    'EndDateTime',
  ]);
}

/** Finds which object a record id belongs to, if the record exists. */
export type RecordResolver = (id: string) => { type: SObjectType; record: StoredRecord } | undefined;
/** Which objects' key prefixes an id may carry. */
export type PrefixResolver = (prefix: string) => readonly SObjectType[];

/** Validates lookups and rewrites them to 18-character ids. */
export function checkReferences(
  type: SObjectType,
  changes: StoredRecord,
  resolveRecord: RecordResolver,
  objectsWithPrefix: PrefixResolver,
): void {
  for (const [name, value] of Object.entries(changes)) {
    const field = type.field(name);
    if (!field || field.type !== 'reference' || value === null || value === '') {
      if (field?.type === 'reference' && value === '') changes[name] = null;
      continue;
    }
    changes[name] = checkReference(field, String(value), resolveRecord, objectsWithPrefix);
  }
}

function checkReference(
  field: FieldDef,
  value: string,
  resolveRecord: RecordResolver,
  objectsWithPrefix: PrefixResolver,
): string {
  const fieldLabel = field.label.replace(/ ID$/, '');
  if (!isWellFormedId(value)) {
    throw new ApiError(400, 'MALFORMED_ID', `${fieldLabel} ID: id value of incorrect type: ${value}`, [field.name]);
  }
  const id = to18(value);
  const prefixTypes = objectsWithPrefix(keyPrefixOf(id)).map((t) => t.name);
  if (!prefixTypes.some((t) => field.referenceTo.includes(t))) {
    throw new ApiError(400, 'FIELD_INTEGRITY_EXCEPTION', `${fieldLabel} ID: id value of incorrect type: ${value}`, [
      field.name,
    ]);
  }
  const target = resolveRecord(id);
  if (!target || target.record.IsDeleted === true) {
    throw new ApiError(400, 'INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [field.name]);
  }
  return id;
}

function isBlank(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}
