import type { StoredRecord } from '../schema/types';
import { formatDateTime } from '../time/datetime';
import { deriveFields } from './derive';
import type { Store } from './store';

/**
 * Loads history as given (seeded data, benchmark data): system fields are taken from the
 * records, not stamped, and no OpportunityHistory is derived. Defaults and computed fields are
 * filled in so seeded rows look like rows the org wrote. A field the object does not have is
 * a bug in the caller and throws, except audit fields the object lacks in a real org
 * (User.IsDeleted, OpportunityHistory.LastModified*), which are dropped.
 */

/** Audit fields a generator may send for every object, dropped where the object has none. */
const DROPPABLE_AUDIT_FIELDS = new Set(['isdeleted', 'lastmodifieddate', 'lastmodifiedbyid']);

export type LoadInput = Record<string, string | number | boolean | null>;

export function loadRecords(
  store: Store,
  objectName: string,
  records: readonly LoadInput[],
  timeZone: string,
  now: number,
): number {
  const type = store.type(objectName);
  const table = store.table(type.name);
  const canonical = new Map<string, string | null>();
  const nameOf = (key: string): string | null => {
    let name = canonical.get(key);
    if (name === undefined) {
      name = type.field(key)?.name ?? null;
      if (name === null && !DROPPABLE_AUDIT_FIELDS.has(key.toLowerCase())) {
        throw new Error(`Cannot load ${type.name}: it has no field '${key}'`);
      }
      canonical.set(key, name);
    }
    return name;
  };
  const defaults = type.fields.filter((f) => f.defaultValue !== null);
  const autoNumber = type.nameField?.autoNumber && type.def.autoNumberFormat ? type.nameField : undefined;
  const nowIso = formatDateTime(now);
  const ctx = { mode: 'load' as const, now: nowIso, timeZone, changes: {} };
  for (const input of records) {
    const row: StoredRecord = { ...table.template };
    for (const key in input) {
      const name = nameOf(key);
      if (name !== null) row[name] = input[key] ?? null;
    }
    if (typeof row.Id !== 'string') throw new Error(`Cannot load ${type.name}: a record has no Id`);
    for (const f of defaults) if (row[f.name] === null) row[f.name] = f.defaultValue;
    fillAudit(row, nowIso);
    if (autoNumber && row[autoNumber.name] === null) {
      row[autoNumber.name] = String(store.nextAutoNumber(type.name)).padStart(5, '0');
    }
    deriveFields(type.name, row, undefined, ctx);
    table.put(row);
  }
  return records.length;
}

function fillAudit(row: StoredRecord, nowIso: string): void {
  if ('IsDeleted' in row && row.IsDeleted === null) row.IsDeleted = false;
  if (row.CreatedDate === null) row.CreatedDate = row.SystemModstamp ?? nowIso;
  if ('LastModifiedDate' in row) {
    if (row.LastModifiedDate === null) row.LastModifiedDate = row.CreatedDate ?? nowIso;
    if (row.LastModifiedById === null) row.LastModifiedById = row.CreatedById ?? null;
  }
  if (row.SystemModstamp === null) row.SystemModstamp = row.LastModifiedDate ?? row.CreatedDate ?? nowIso;
}
