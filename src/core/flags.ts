/**
 * Coaching flags as desired records (ARCHITECTURE.md §5.2 and §5.3). A flag is about one rep
 * (Scope__c Rep) or about a manager's whole team of one role (Scope__c Team, a team finding).
 * Both keys open with the measure and end with the local date the flag opened:
 * `v1:<measure>:<rep Id>:<date>` for a rep, `v1:<measure>:team:<role>:<manager Id>:<date>` for a
 * team, so one manager's salespeople and setters each get their own team flag.
 * Status is written on create (New) and on the lifecycle transitions only; commitment and
 * follow-up date belong to the manager and are never written.
 */
import type { Finding } from './diagnose';
import { type DesiredRecord, SHORT_TEXT_MAX, type SfValue } from './desired';
import { truncate } from './finding-text';
import type { Rep, RepRole, SfRecord, WriteBackModel } from './model';
import { parseSfDate } from './salesforce-datetime';
import { asNumber, asText } from './salesforce-values';
import type { TeamFinding } from './team-finding';
import type { Period } from './window';

export type FlagStatus = 'New' | 'Committed' | 'Improved' | 'Not Improved' | 'Resolved';

/** Whom a flag is about: one rep, or a manager's whole team of one role (Scope__c). */
export type FlagScope = 'Rep' | 'Team';

/** Statuses in which a flag is open: at most one per rep × measure (or manager × role × measure). */
export const OPEN_STATUSES: ReadonlySet<FlagStatus> = new Set(['New', 'Committed', 'Not Improved']);

/** What the coaching cycle needs to know of any flag found in the org (or the ledger). */
interface OpenFlagState {
  key: string;
  measure: string;
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
  /** The flag's Sample_Size__c as last written: the sample the baseline rests on; null on flags that lack it. */
  sampleSize: number | null;
}

/** A flag about one rep. Flags written before teams were flagged have no Scope__c and are these. */
export interface OpenRepFlag extends OpenFlagState {
  scope: 'Rep';
  repId: string;
}

/**
 * A flag about a manager's whole team of one role. It names no rep, so code that handles a
 * rep's flags cannot take it for one: it must narrow on `scope` first.
 */
export interface OpenTeamFlag extends OpenFlagState {
  scope: 'Team';
  /** The manager whose team it is (from the key: it is the flag's identity). */
  managerId: string;
  role: RepRole;
}

/** A flag found in the org (or the ledger), as the coaching cycle needs to know it. */
export type OpenFlag = OpenRepFlag | OpenTeamFlag;

export function isRepFlag(flag: OpenFlag): flag is OpenRepFlag {
  return flag.scope === 'Rep';
}

export function isTeamFlag(flag: OpenFlag): flag is OpenTeamFlag {
  return flag.scope === 'Team';
}

export function flagKey(measure: string, repId: string, openedOn: string): string {
  return `v1:${measure}:${repId}:${openedOn}`;
}

/** The word that tells a team key from a rep's: no Salesforce Id is `team`. */
const TEAM_KEY_WORD = 'team';

export function teamFlagKey(measure: string, role: RepRole, managerId: string, openedOn: string): string {
  return `v1:${measure}:${TEAM_KEY_WORD}:${role}:${managerId}:${openedOn}`;
}

/** Values written with at most this many decimals (the fields are Number(18,4)). */
const VALUE_DECIMALS = 4;

/** What a rep's finding and a team finding both say, written to the same fields. */
type FlagContent = Pick<
  Finding & TeamFinding,
  | 'measure'
  | 'step'
  | 'diagnosis'
  | 'severity'
  | 'actual'
  | 'target'
  | 'sampleSize'
  | 'lostUnits'
  | 'summary'
  | 'evidence'
>;

function contentFields(content: FlagContent, window: Period, writeBack: WriteBackModel): Record<string, SfValue> {
  const f = writeBack.flagFields;
  return {
    [f.measure]: content.measure,
    [f.step]: content.step,
    [f.diagnosis]: content.diagnosis,
    [f.severity]: content.severity,
    [f.actual]: round(content.actual, VALUE_DECIMALS),
    [f.target]: round(content.target, VALUE_DECIMALS),
    [f.sampleSize]: content.sampleSize,
    [f.lostUnits]: round(content.lostUnits, 2),
    [f.periodStart]: window.startDate,
    [f.periodEnd]: window.endDate,
    [f.summary]: truncate(content.summary, SHORT_TEXT_MAX),
    [f.evidence]: content.evidence,
  };
}

/** The connector-owned fields of a flag for a rep's finding. */
export function flagFields(
  finding: Finding,
  rep: Rep,
  window: Period,
  writeBack: WriteBackModel,
): Record<string, SfValue> {
  const f = writeBack.flagFields;
  return {
    [f.scope]: 'Rep' satisfies FlagScope,
    [f.salesperson]: rep.id,
    [f.manager]: rep.managerId,
    ...contentFields(finding, window, writeBack),
    [f.teamValue]: round(finding.teamValue, VALUE_DECIMALS),
    [f.isFocus]: finding.isFocus,
  };
}

/**
 * The connector-owned fields of a team flag. No rep is named, and the team's value is its own
 * pooled value; a team finding is never a rep's focus.
 */
export function teamFlagFields(
  finding: TeamFinding,
  window: Period,
  writeBack: WriteBackModel,
): Record<string, SfValue> {
  const f = writeBack.flagFields;
  return {
    [f.scope]: 'Team' satisfies FlagScope,
    [f.salesperson]: null,
    [f.manager]: finding.managerId,
    ...contentFields(finding, window, writeBack),
    [f.teamValue]: round(finding.actual, VALUE_DECIMALS),
    [f.isFocus]: false,
  };
}

export function newFlag(
  finding: Finding,
  rep: Rep,
  window: Period,
  writeBack: WriteBackModel,
  today: string,
): DesiredRecord {
  return flagRecord(
    flagKey(finding.measure, rep.id, today),
    true,
    flagFields(finding, rep, window, writeBack),
    writeBack,
  );
}

export function updatedFlag(
  flag: OpenRepFlag,
  finding: Finding,
  rep: Rep,
  window: Period,
  writeBack: WriteBackModel,
): DesiredRecord {
  return flagRecord(flag.key, false, flagFields(finding, rep, window, writeBack), writeBack);
}

export function newTeamFlag(
  finding: TeamFinding,
  window: Period,
  writeBack: WriteBackModel,
  today: string,
): DesiredRecord {
  const key = teamFlagKey(finding.measure, finding.role, finding.managerId, today);
  return flagRecord(key, true, teamFlagFields(finding, window, writeBack), writeBack);
}

export function updatedTeamFlag(
  flag: OpenTeamFlag,
  finding: TeamFinding,
  window: Period,
  writeBack: WriteBackModel,
): DesiredRecord {
  return flagRecord(flag.key, false, teamFlagFields(finding, window, writeBack), writeBack);
}

/** A flag upsert under its key; a new flag is created with the status New. */
function flagRecord(
  key: string,
  create: boolean,
  fields: Record<string, SfValue>,
  writeBack: WriteBackModel,
): DesiredRecord {
  return {
    kind: 'flag',
    object: writeBack.flagObject,
    keyField: writeBack.flagFields.key,
    key,
    createOnly: create ? { [writeBack.flagFields.status]: 'New' satisfies FlagStatus } : {},
    fields,
  };
}

/** A committed flag still waiting for data to decide its outcome: only the Outcome, saying so; the status stays. */
export function flagWaiting(flag: OpenFlag, writeBack: WriteBackModel, outcome: string): DesiredRecord {
  return flagRecord(flag.key, false, { [writeBack.flagFields.outcome]: truncate(outcome, SHORT_TEXT_MAX) }, writeBack);
}

/** A lifecycle transition of an existing flag: its status, and the outcome when checked. */
export function flagTransition(
  flag: OpenFlag,
  status: FlagStatus,
  writeBack: WriteBackModel,
  outcome?: string,
): DesiredRecord {
  const f = writeBack.flagFields;
  const fields: Record<string, SfValue> =
    outcome === undefined
      ? { [f.status]: status }
      : { [f.status]: status, [f.outcome]: truncate(outcome, SHORT_TEXT_MAX) };
  return flagRecord(flag.key, false, fields, writeBack);
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

/** Every role, so a key naming a role the model does not know is not read as a team flag. */
const REP_ROLES: Readonly<Record<RepRole, true>> = { salesperson: true, setter: true };

function isRepRole(text: string | undefined): text is RepRole {
  return text !== undefined && Object.hasOwn(REP_ROLES, text);
}

/** What a record key says, in either form; null when it is neither of the product's forms. */
export type ParsedFlagKey = { measure: string; openedOn: string } & (
  { scope: 'Rep'; repId: string } | { scope: 'Team'; role: RepRole; managerId: string }
);

export function parseFlagKey(key: string): ParsedFlagKey | null {
  const parts = key.split(':');
  const n = parts.length;
  const openedOn = parseSfDate(parts[n - 1] ?? '');
  if (parts[0] !== 'v1' || openedOn === null || n < 4) return null;
  if (n >= 6 && parts[n - 4] === TEAM_KEY_WORD) {
    const role = parts[n - 3];
    const managerId = parts[n - 2] ?? '';
    if (!isRepRole(role) || managerId === '') return null;
    return { scope: 'Team', measure: parts.slice(1, n - 4).join(':'), role, managerId, openedOn };
  }
  return { scope: 'Rep', measure: parts.slice(1, n - 2).join(':'), repId: parts[n - 2] as string, openedOn };
}

/**
 * A flag record read from the org (REST shape) as the coaching cycle needs it; null when it
 * is not one of ours: no key of either form, a status it does not know, or a Scope__c that
 * disagrees with the key's form (so a team flag is never read as a rep's). A record without
 * Scope__c is a rep's flag: flags written before teams were flagged. The date the status
 * became Committed is not on the record (it needs field history), so it is null.
 */
export function openFlagFromRecord(record: SfRecord, writeBack: WriteBackModel): OpenFlag | null {
  const f = writeBack.flagFields;
  const key = asText(record[f.key]);
  const parsed = key === null ? null : parseFlagKey(key);
  const status = asText(record[f.status]) ?? 'New';
  const scope = asText(record[f.scope]) ?? ('Rep' satisfies FlagScope);
  if (key === null || parsed === null || parsed.scope !== scope || !FLAG_STATUSES.has(status)) return null;
  const followUp = asText(record[f.followUpDate]);
  const state: OpenFlagState = {
    key,
    measure: asText(record[f.measure]) ?? parsed.measure,
    status: status as FlagStatus,
    commitment: asText(record[f.commitment]),
    followUpDate: followUp === null ? null : parseSfDate(followUp),
    committedOn: null,
    openedOn: parsed.openedOn,
    actual: asNumber(record[f.actual]),
    sampleSize: asNumber(record[f.sampleSize]),
  };
  if (parsed.scope === 'Team') return { scope: 'Team', managerId: parsed.managerId, role: parsed.role, ...state };
  return { scope: 'Rep', repId: asText(record[f.salesperson]) ?? parsed.repId, ...state };
}
