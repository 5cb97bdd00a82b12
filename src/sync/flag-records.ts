/**
 * The product's coaching flags as the sync reads them back from the org. Flags are read like
 * every other object (incrementally, into the state), so the open ones are known even when the
 * local state was lost: a lost state re-reads every flag and never opens a second one for the
 * same weakness (ARCHITECTURE.md §5.2).
 */
import {
  type CoachedFlag,
  type CoachModel,
  DealershipCalendar,
  type DecidedFlag,
  dateFromDay,
  OPEN_STATUSES,
  type OpenFlag,
  flagReadFields,
  openFlagFromRecord,
  parseSfDateTime,
  type SfRecord,
  type WriteBackModel,
} from '../core';
import type { FlagFact } from './sync-facts';
import { bareRecord } from './sync-facts';

/** When the manager last changed the flag: the Committed status dates from it. */
const MODIFIED_FIELD = 'LastModifiedDate';

/** Fields to read from the flag object: the core's, and when the record last changed. */
export function flagObjectFields(writeBack: WriteBackModel): string[] {
  return [...flagReadFields(writeBack), MODIFIED_FIELD];
}

/**
 * The fact stored for one version of a flag record. The date the flag became Committed is the
 * local date of the first version read with that status (the manager's edit is its last
 * modification when the sync first sees it, since the sync itself never changes the status to
 * Committed); later versions carry it forward while the status stays Committed.
 */
export function flagFact(
  record: SfRecord,
  previous: FlagFact | undefined,
  model: CoachModel,
  calendar: DealershipCalendar,
): FlagFact {
  const statusField = model.writeBack.flagFields.status;
  const status = record[statusField];
  const modifiedOn = (): string | null => {
    const modifiedText = record[MODIFIED_FIELD];
    const modified = typeof modifiedText === 'string' ? parseSfDateTime(modifiedText) : null;
    return modified === null ? null : dateFromDay(calendar.dayOf(modified));
  };
  const sameStatus = previous?.record[statusField] === status;
  let committedOn: string | null = null;
  let decidedOn: string | null = null;
  let decided: FlagFact['decided'] = null;
  if (status === 'Committed') committedOn = sameStatus && previous?.committedOn ? previous.committedOn : modifiedOn();
  else if (status === 'Improved' || status === 'Not Improved') {
    // The commitment's day stays known after its check, for the days improvement took.
    committedOn = previous?.committedOn ?? null;
    // The sync writes the check's status itself, so the first version read with it was modified by that run.
    decidedOn = sameStatus && previous?.decidedOn ? previous.decidedOn : modifiedOn();
    decided = status;
  } else if (status === 'Resolved' && previous?.decided) {
    // Not Improved, then the weakness went: the check's outcome still counts for the coaching that was done.
    ({ committedOn, decidedOn = null, decided } = previous);
  }
  return { kind: 'flag', record: bareRecord(record), committedOn, decidedOn, decided };
}

/** The rep flags whose commitment was checked, with the day of the check and what it found. */
export function decidedFlagsFrom(facts: readonly FlagFact[], writeBack: WriteBackModel): DecidedFlag[] {
  const decided: DecidedFlag[] = [];
  for (const { record, decidedOn } of facts) {
    const flag = openFlagFromRecord(record, writeBack);
    if (!flag || flag.scope !== 'Rep' || !decidedOn) continue;
    if (flag.status !== 'Improved' && flag.status !== 'Not Improved') continue;
    const outcome = record[writeBack.flagFields.outcome];
    decided.push({
      key: flag.key,
      repId: flag.repId,
      measure: flag.measure,
      status: flag.status,
      commitment: flag.commitment,
      outcome: typeof outcome === 'string' && outcome.trim() !== '' ? outcome : null,
      decidedOn,
    });
  }
  return decided;
}

/** Every flag, rep's or team's, as coaching effectiveness counts them: a Resolved flag by its check, if it had one. */
export function coachedFlagsFrom(facts: readonly FlagFact[], writeBack: WriteBackModel): CoachedFlag[] {
  const f = writeBack.flagFields;
  const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);
  return facts.flatMap(({ record, committedOn, decidedOn, decided }) => {
    const flag = openFlagFromRecord(record, writeBack);
    if (!flag) return [];
    return [
      {
        managerId: text(record[f.manager]) ?? (flag.scope === 'Team' ? flag.managerId : null),
        measure: flag.measure,
        diagnosis: text(record[f.diagnosis]),
        status: flag.status === 'Resolved' && decided ? decided : flag.status,
        committedOn: committedOn ?? flag.openedOn,
        decidedOn: decidedOn ?? null,
      },
    ];
  });
}

/** The flags that are open (New, Committed, Not Improved), as the coaching cycle needs them. */
export function openFlagsFrom(facts: readonly FlagFact[], writeBack: WriteBackModel): OpenFlag[] {
  const open: OpenFlag[] = [];
  for (const { record, committedOn } of facts) {
    const flag = openFlagFromRecord(record, writeBack);
    if (flag && OPEN_STATUSES.has(flag.status)) open.push({ ...flag, committedOn });
  }
  return open;
}
