/**
 * Coaching flags as desired records (ARCHITECTURE.md §5.2 and §5.3). The key opens with the measure
 * and the rep and ends with the local date the flag opened: `v1:<measure>:<rep Id>:<date>`.
 * Status is written on create (New) and on the lifecycle transitions only; commitment and
 * follow-up date belong to the manager and are never written.
 */
import type { Finding } from './diagnose';
import { type DesiredRecord, SHORT_TEXT_MAX, type SfValue } from './desired';
import { truncate } from './finding-text';
import type { Rep, SfRecord, WriteBackModel } from './model';
import { parseSfDate } from './salesforce-datetime';
import { asNumber, asText } from './salesforce-values';
import type { Period } from './window';

export type FlagStatus = 'New' | 'Committed' | 'Improved' | 'Not Improved' | 'Resolved';

/** Statuses in which a flag is open: at most one per rep × measure. */
export const OPEN_STATUSES: ReadonlySet<FlagStatus> = new Set(['New', 'Committed', 'Not Improved']);

/** A flag found in the org (or the ledger), as the coaching cycle needs to know it. */
export interface OpenFlag {
  key: string;
  measure: string;
  repId: string;
  status: FlagStatus;
  /** The manager's commitment text (read, never written). */
  commitment: string | null;
  /** The manager's follow-up date, `YYYY-MM-DD` (read, never written). */
  followUpDate: string | null;
  /** Local date the status became Committed, when known (field history); else `openedOn` is used. */
  committedOn: string | null;
  /** Local date the flag opened (the last part of its key). */
  openedOn: string;
  /** The flag's Actual__c as last written: the "before" of the follow-up check. */
  actual: number | null;
}

export function flagKey(measure: string, repId: string, openedOn: string): string {
  return `v1:${measure}:${repId}:${openedOn}`;
}

/** Values written with at most this many decimals (the fields are Number(18,4)). */
const VALUE_DECIMALS = 4;

/** The connector-owned fields of a flag for a finding. */
export function flagFields(
  finding: Finding,
  rep: Rep,
  window: Period,
  writeBack: WriteBackModel,
): Record<string, SfValue> {
  const f = writeBack.flagFields;
  return {
    [f.salesperson]: rep.id,
    [f.manager]: rep.managerId,
    [f.measure]: finding.measure,
    [f.step]: finding.step,
    [f.diagnosis]: finding.diagnosis,
    [f.severity]: finding.severity,
    [f.actual]: round(finding.actual, VALUE_DECIMALS),
    [f.target]: round(finding.target, VALUE_DECIMALS),
    [f.teamValue]: round(finding.teamValue, VALUE_DECIMALS),
    [f.sampleSize]: finding.sampleSize,
    [f.lostUnits]: round(finding.lostUnits, 2),
    [f.periodStart]: window.startDate,
    [f.periodEnd]: window.endDate,
    [f.summary]: truncate(finding.summary, SHORT_TEXT_MAX),
    [f.evidence]: finding.evidence,
    [f.isFocus]: finding.isFocus,
  };
}

export function newFlag(
  finding: Finding,
  rep: Rep,
  window: Period,
  writeBack: WriteBackModel,
  today: string,
): DesiredRecord {
  return {
    kind: 'flag',
    object: writeBack.flagObject,
    keyField: writeBack.flagFields.key,
    key: flagKey(finding.measure, rep.id, today),
    createOnly: { [writeBack.flagFields.status]: 'New' satisfies FlagStatus },
    fields: flagFields(finding, rep, window, writeBack),
  };
}

export function updatedFlag(
  flag: OpenFlag,
  finding: Finding,
  rep: Rep,
  window: Period,
  writeBack: WriteBackModel,
): DesiredRecord {
  return {
    kind: 'flag',
    object: writeBack.flagObject,
    keyField: writeBack.flagFields.key,
    key: flag.key,
    createOnly: {},
    fields: flagFields(finding, rep, window, writeBack),
  };
}

/** A lifecycle transition of an existing flag: its status, and the outcome when checked. */
export function flagTransition(
  flag: OpenFlag,
  status: FlagStatus,
  writeBack: WriteBackModel,
  outcome?: string,
): DesiredRecord {
  const f = writeBack.flagFields;
  return {
    kind: 'flag',
    object: writeBack.flagObject,
    keyField: f.key,
    key: flag.key,
    createOnly: {},
    fields:
      outcome === undefined
        ? { [f.status]: status }
        : { [f.status]: status, [f.outcome]: truncate(outcome, SHORT_TEXT_MAX) },
  };
}

function round(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

const FLAG_STATUSES: ReadonlySet<string> = new Set<FlagStatus>([
  'New',
  'Committed',
  'Improved',
  'Not Improved',
  'Resolved',
]);

/**
 * The fields to SELECT when reading flags back from the org (ARCHITECTURE.md §5.2: a lost state never
 * opens a second flag): every field of the write contract, which reports show as well.
 */
export function flagReadFields(writeBack: WriteBackModel): string[] {
  return ['Id', ...new Set(Object.values(writeBack.flagFields))];
}

/**
 * A flag record read from the org (REST shape) as the coaching cycle needs it; null when it
 * is not one of ours (no key of the `v1:<measure>:<rep Id>:<date>` form). The date the
 * status became Committed is not on the record (it needs field history), so it is null.
 */
export function openFlagFromRecord(record: SfRecord, writeBack: WriteBackModel): OpenFlag | null {
  const f = writeBack.flagFields;
  const key = asText(record[f.key]);
  const parts = key?.split(':') ?? [];
  const openedOn = parseSfDate(parts[parts.length - 1] ?? '');
  const status = asText(record[f.status]) ?? 'New';
  if (key === null || parts[0] !== 'v1' || parts.length < 4 || openedOn === null || !FLAG_STATUSES.has(status))
    return null;
  const followUp = asText(record[f.followUpDate]);
  return {
    key,
    measure: asText(record[f.measure]) ?? parts.slice(1, -2).join(':'),
    repId: asText(record[f.salesperson]) ?? (parts[parts.length - 2] as string),
    status: status as FlagStatus,
    commitment: asText(record[f.commitment]),
    followUpDate: followUp === null ? null : parseSfDate(followUp),
    committedOn: null,
    openedOn,
    actual: asNumber(record[f.actual]),
  };
}
