/**
 * The product's coaching flags as the sync reads them back from the org. Flags are read like
 * every other object (incrementally, into the state), so the open ones are known even when the
 * local state was lost: a lost state re-reads every flag and never opens a second one for the
 * same weakness (design §5.2).
 */
import {
  type CoachModel,
  DealershipCalendar,
  dateFromDay,
  type FlagStatus,
  OPEN_STATUSES,
  type OpenFlag,
  parseSfDateTime,
  type SfRecord,
  type WriteBackModel,
} from '../core';
import type { FlagFact } from './sync-facts';
import { bareRecord } from './sync-facts';

/** When the manager last changed the flag: the Committed status dates from it. */
const MODIFIED_FIELD = 'LastModifiedDate';

const STATUSES: ReadonlySet<string> = new Set<FlagStatus>(['New', 'Committed', 'Improved', 'Not Improved', 'Resolved']);

/** Fields to read from the flag object: every field of the write contract, and when it changed. */
export function flagReadFields(writeBack: WriteBackModel): string[] {
  return [...new Set([...Object.values(writeBack.flagFields), MODIFIED_FIELD])].sort();
}

/**
 * The fact stored for one version of a flag record. The date the flag became Committed is the
 * local date of the first version read with that status (the manager's edit is its last
 * modification when the sync first sees it, since the sync itself never changes the status to
 * Committed); later versions carry it forward while the status stays Committed.
 */
export function flagFact(record: SfRecord, previous: FlagFact | undefined, model: CoachModel, calendar: DealershipCalendar): FlagFact {
  const statusField = model.writeBack.flagFields.status;
  const status = record[statusField];
  let committedOn: string | null = null;
  if (status === 'Committed') {
    const wasCommitted = previous?.record[statusField] === 'Committed' && previous.committedOn !== null;
    if (wasCommitted) committedOn = previous.committedOn;
    else {
      const modifiedText = record[MODIFIED_FIELD];
      const modified = typeof modifiedText === 'string' ? parseSfDateTime(modifiedText) : null;
      committedOn = modified === null ? null : dateFromDay(calendar.dayOf(modified));
    }
  }
  return { kind: 'flag', record: bareRecord(record), committedOn };
}

/** The flags that are open (New, Committed, Not Improved), as the coaching cycle needs them. */
export function openFlagsFrom(facts: readonly FlagFact[], writeBack: WriteBackModel): OpenFlag[] {
  const f = writeBack.flagFields;
  const open: OpenFlag[] = [];
  for (const { record, committedOn } of facts) {
    const status = text(record[f.status]);
    const key = text(record[f.key]);
    const measure = text(record[f.measure]);
    const salespersonId = text(record[f.salesperson]);
    if (!status || !STATUSES.has(status) || !OPEN_STATUSES.has(status as FlagStatus)) continue;
    if (!key || !measure || !salespersonId) continue;
    const openedOn = key.slice(key.lastIndexOf(':') + 1);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(openedOn)) continue;
    const actual = record[f.actual];
    open.push({
      key,
      measure,
      salespersonId,
      status: status as FlagStatus,
      commitment: text(record[f.commitment]),
      followUpDate: text(record[f.followUpDate]),
      committedOn,
      openedOn,
      actual: typeof actual === 'number' ? actual : null,
    });
  }
  return open;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
