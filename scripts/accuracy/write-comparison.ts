/**
 * The core pass's desired records against what the sync left in the org. On a first run into
 * an empty org the two must agree record for record: every desired record is in the org under
 * its key with every field the core set, and the org holds no product record the core did not
 * want. Fields are compared as written (no tolerance): a value changed on the way (read,
 * store, write) is a difference.
 */
import type { DesiredRecord } from '../../src/core/desired';
import type { CoachModel, SfRecord } from '../../src/core/model';
import type { WrittenRecords } from './sandbox-pass';

export type DifferenceKind = 'only in the core pass' | 'only in the org' | 'fields differ';

export interface WriteDifference {
  object: string;
  key: string;
  kind: DifferenceKind;
  /** The fields whose values differ (`fields differ` only). */
  fields: string[];
  /** The record's fields (the org's when it has it, else the core's): who it is about. */
  record: SfRecord;
}

export function compareWrites(
  model: CoachModel,
  desired: readonly DesiredRecord[],
  written: WrittenRecords,
): WriteDifference[] {
  const { flagObject, flagFields, taskKeyField, scorecard, effectiveness } = model.writeBack;
  const inOrg = new Map<string, SfRecord>();
  for (const flag of written.flags) inOrg.set(`${flagObject}:${String(flag[flagFields.key])}`, flag);
  for (const task of written.tasks) inOrg.set(`Task:${String(task[taskKeyField])}`, task);
  for (const card of written.scorecards) inOrg.set(`${scorecard.object}:${String(card[scorecard.fields.key])}`, card);
  for (const month of written.effectiveness)
    inOrg.set(`${effectiveness.object}:${String(month[effectiveness.fields.key])}`, month);

  const differences: WriteDifference[] = [];
  const wanted = new Set<string>();
  for (const record of desired) {
    const ledgerKey = `${record.object}:${record.key}`;
    wanted.add(ledgerKey);
    const values = { ...record.createOnly, ...record.fields };
    const org = inOrg.get(ledgerKey);
    if (!org) {
      differences.push({
        object: record.object,
        key: record.key,
        kind: 'only in the core pass',
        fields: [],
        record: values,
      });
      continue;
    }
    const fields = Object.keys(values).filter((field) => !sameValue(values[field], org[field]));
    if (fields.length > 0)
      differences.push({ object: record.object, key: record.key, kind: 'fields differ', fields, record: org });
  }
  for (const [ledgerKey, org] of inOrg) {
    if (wanted.has(ledgerKey)) continue;
    const [object = '', ...key] = ledgerKey.split(':');
    differences.push({ object, key: key.join(':'), kind: 'only in the org', fields: [], record: org });
  }
  return differences;
}

/** The fields that make a flag the flag it is: whom, which measure, which diagnosis, which step. */
export function flagIdentityFields(model: CoachModel): string[] {
  const f = model.writeBack.flagFields;
  return [f.salesperson, f.measure, f.diagnosis, f.step];
}

/** A difference in which flags were written, as opposed to what one of them says or a task. */
export function isFlagDifference(model: CoachModel, difference: WriteDifference): boolean {
  if (difference.object !== model.writeBack.flagObject) return false;
  const identity = flagIdentityFields(model);
  return difference.kind !== 'fields differ' || difference.fields.some((field) => identity.includes(field));
}

function sameValue(core: unknown, org: unknown): boolean {
  return (core ?? null) === (org ?? null);
}
