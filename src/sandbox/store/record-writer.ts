import { ApiError } from '../errors';
import { isWellFormedId, to18 } from '../ids';
import type { Clock } from '../clock';
import type { SObjectType } from '../schema/catalog';
import type { FieldDef, StoredRecord } from '../schema/types';
import { formatDateTime } from '../time/datetime';
import { deriveFields } from './derive';
import { recordOpportunityHistory } from './opportunity-history';
import type { Store } from './store';
import {
  checkEventTimes,
  checkPicklists,
  checkReferences,
  checkRequired,
  prepareChanges,
  type WriteMode,
} from './validate-write';

/**
 * Writes through the API: validates a body as a real org would, fills defaults and system
 * fields from the sandbox clock and the calling user, derives computed fields, enforces unique
 * fields, and records OpportunityHistory. Each call is atomic: it validates fully before the
 * first row is stored.
 */

/** More than one record holds the external id (REST answers 300 Multiple Choices). */
export class MultipleMatchesError extends ApiError {
  constructor(
    readonly objectName: string,
    readonly field: FieldDef,
    readonly ids: string[],
  ) {
    super(
      300,
      'DUPLICATE_EXTERNAL_ID',
      `${field.label}: more than one record found for external id field: [${ids.join(', ')}]`,
      [field.name],
    );
  }
}

export interface UpsertResult {
  record: StoredRecord;
  created: boolean;
}

/** Objects whose deletion takes their activities along, and the activity field pointing at them. */
const CASCADE_LINKS: Readonly<Record<string, 'WhoId' | 'WhatId'>> = {
  Lead: 'WhoId',
  Contact: 'WhoId',
  Account: 'WhatId',
  Opportunity: 'WhatId',
};
const ACTIVITY_OBJECTS = ['Task', 'Event'] as const;

export class RecordWriter {
  private readonly clock: Clock;
  private readonly timeZone: string;

  constructor(private readonly store: Store) {
    this.clock = store.clock;
    this.timeZone = store.timeZone;
  }

  create(objectName: string, input: Record<string, unknown>, userId: string): StoredRecord {
    const type = this.writableType(objectName, 'create');
    const table = this.store.table(type.name);
    const changes = this.validated(type, input, 'create');
    const now = formatDateTime(this.clock.now());
    const record: StoredRecord = { ...table.template, ...defaults(type), ...changes };
    checkRequired(type, record, 'create', changes);
    record.Id = this.store.newId(type.name);
    if ('IsDeleted' in record) record.IsDeleted = false;
    if ('OwnerId' in record && record.OwnerId === null) record.OwnerId = userId;
    stampCreated(record, userId, now);
    const nameField = type.nameField;
    if (nameField?.autoNumber && type.def.autoNumberFormat) {
      record[nameField.name] = formatAutoNumber(type.def.autoNumberFormat, this.store.nextAutoNumber(type.name));
    }
    deriveFields(type.name, record, undefined, { mode: 'write', now, timeZone: this.timeZone, changes });
    checkEventTimes(type.name, record);
    this.checkUnique(type, record, changes);
    this.store.put(type.name, record);
    recordOpportunityHistory(this.store, type.name, record, undefined, now);
    return record;
  }

  update(objectName: string, id: string, input: Record<string, unknown>, userId: string): StoredRecord {
    const type = this.writableType(objectName, 'update');
    const previous = this.existing(type, id);
    if (type.name === 'Lead' && previous.IsConverted === true) {
      throw new ApiError(400, 'CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', ['Id']);
    }
    const changes = this.validated(type, input, 'update');
    const now = formatDateTime(this.clock.now());
    const record: StoredRecord = { ...previous, ...changes };
    checkRequired(type, record, 'update', changes);
    stampModified(record, userId, now);
    deriveFields(type.name, record, previous, { mode: 'write', now, timeZone: this.timeZone, changes });
    checkEventTimes(type.name, record);
    this.checkUnique(type, record, changes);
    this.store.put(type.name, record);
    recordOpportunityHistory(this.store, type.name, record, previous, now);
    return record;
  }

  delete(objectName: string, id: string, userId: string): void {
    const type = this.writableType(objectName, 'delete');
    const previous = this.existing(type, id);
    const now = formatDateTime(this.clock.now());
    const record: StoredRecord = { ...previous, IsDeleted: true };
    stampModified(record, userId, now);
    this.store.put(type.name, record);
    this.deleteActivitiesOf(type.name, String(previous.Id), userId, now);
  }

  /**
   * As in a real org, deleting a lead, contact, account or opportunity deletes the tasks and
   * events about it (WhoId for people, WhatId for the rest); they come back through queryAll
   * with IsDeleted = true, stamped with the same moment.
   */
  private deleteActivitiesOf(objectName: string, id: string, userId: string, now: string): void {
    const link = CASCADE_LINKS[objectName];
    if (link === undefined) return;
    for (const activity of ACTIVITY_OBJECTS) {
      for (const child of [...this.store.table(activity).values()]) {
        if (child.IsDeleted === true || child[link] !== id) continue;
        const deleted: StoredRecord = { ...child, IsDeleted: true };
        stampModified(deleted, userId, now);
        this.store.put(activity, deleted);
      }
    }
  }

  /** Creates, or updates the one record whose external id field holds `value`. */
  upsert(
    objectName: string,
    fieldName: string,
    value: string,
    input: Record<string, unknown>,
    userId: string,
  ): UpsertResult {
    const type = this.writableType(objectName, 'create');
    const field = type.field(fieldName);
    if (!field || !(field.externalId || field.name === 'Id')) {
      throw new ApiError(
        404,
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${fieldName}`,
      );
    }
    const body = { ...input };
    for (const key of Object.keys(body)) if (key.toLowerCase() === field.name.toLowerCase()) delete body[key];
    const matches = this.matchesOf(type, field, value);
    if (matches.length > 1) throw new MultipleMatchesError(type.name, field, matches);
    const match = matches[0];
    if (match !== undefined) return { record: this.update(type.name, match, body, userId), created: false };
    if (field.name === 'Id') throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return { record: this.create(type.name, { ...body, [field.name]: value }, userId), created: true };
  }

  private matchesOf(type: SObjectType, field: FieldDef, value: string): string[] {
    if (field.name === 'Id') {
      const record = isWellFormedId(value) ? this.store.get(type.name, to18(value)) : undefined;
      return record && record.IsDeleted !== true ? [record.Id as string] : [];
    }
    return this.store.table(type.name).lookup(field, value);
  }

  private writableType(objectName: string, operation: 'create' | 'update' | 'delete'): SObjectType {
    const type = this.store.catalog.object(objectName);
    if (!type) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const allowed =
      operation === 'create' ? type.def.createable : operation === 'update' ? type.def.updateable : type.def.deletable;
    if (!allowed) {
      const verb = operation === 'create' ? 'inserted' : operation === 'update' ? 'updated' : 'deleted';
      throw new ApiError(400, 'INVALID_TYPE_FOR_OPERATION', `entity type cannot be ${verb}: ${type.def.label}`);
    }
    return type;
  }

  private existing(type: SObjectType, id: string): StoredRecord {
    if (!isWellFormedId(id))
      throw new ApiError(400, 'MALFORMED_ID', `${type.def.label} ID: id value of incorrect type: ${id}`, ['Id']);
    const full = to18(id);
    if (!this.store.catalog.objectsWithPrefix(full.slice(0, 3)).includes(type)) {
      throw new ApiError(400, 'MALFORMED_ID', `${type.def.label} ID: id value of incorrect type: ${id}`, ['Id']);
    }
    const record = this.store.get(type.name, full);
    if (!record) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    if (record.IsDeleted === true) throw new ApiError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    return record;
  }

  private validated(type: SObjectType, input: Record<string, unknown>, mode: WriteMode): StoredRecord {
    const changes = prepareChanges(type, input, mode);
    checkPicklists(type, changes);
    checkReferences(
      type,
      changes,
      (id) => this.store.findById(id),
      (prefix) => this.store.catalog.objectsWithPrefix(prefix),
    );
    return changes;
  }

  private checkUnique(type: SObjectType, record: StoredRecord, changes: StoredRecord): void {
    const table = this.store.table(type.name);
    for (const name of Object.keys(changes)) {
      const field = type.field(name);
      const value = record[name];
      if (!field?.unique || value === null || value === undefined) continue;
      const clash = table.lookup(field, String(value)).find((id) => id !== record.Id);
      if (clash) {
        throw new ApiError(
          400,
          'DUPLICATE_VALUE',
          `duplicate value found: ${field.name} duplicates value on record with id: ${clash}`,
          [],
        );
      }
    }
  }
}

function defaults(type: SObjectType): StoredRecord {
  const values: StoredRecord = {};
  for (const f of type.fields) if (f.defaultedOnCreate && f.defaultValue !== null) values[f.name] = f.defaultValue;
  return values;
}

function stampCreated(record: StoredRecord, userId: string, now: string): void {
  record.CreatedDate = now;
  record.CreatedById = userId;
  stampModified(record, userId, now);
}

function stampModified(record: StoredRecord, userId: string, now: string): void {
  if ('LastModifiedDate' in record) {
    record.LastModifiedDate = now;
    record.LastModifiedById = userId;
  }
  record.SystemModstamp = now;
}

function formatAutoNumber(format: string, n: number): string {
  return format.replace(/\{(0+)\}/, (_m, zeros: string) => String(n).padStart(zeros.length, '0'));
}
