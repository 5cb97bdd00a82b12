/**
 * The first part of a one-on-one agenda: every commitment that is still open or was checked since the last
 * one-on-one, in the manager's own words, with what the check found. A check decided after the period's agenda
 * was written reaches the next period's agenda, since the agenda's text is written once, when it is created.
 */
import type { CommitmentCheck } from './commitment-check';
import type { OpenRepFlag } from './flags';
import type { CoachModel } from './model';
import { plainLine } from './plain-text';

/** A rep flag whose commitment was checked (ARCHITECTURE.md §5.3), as read back from the org. */
export interface DecidedFlag {
  key: string;
  repId: string;
  measure: string;
  status: 'Improved' | 'Not Improved';
  /** The manager's commitment text, as they wrote it. */
  commitment: string | null;
  /** The check's finding, e.g. "Show rate 40% → 55% since 2026-11-23". */
  outcome: string | null;
  /** Local date the check was made (the first time the flag was read with this status). */
  decidedOn: string;
}

/** Longest commitment quoted in an agenda; the flag holds the whole text. */
const QUOTE_MAX = 200;

/** The manager's words on one line, cut if long: CRM text goes into a Task, so no control characters. */
export function quoted(text: string | null): string {
  const line = plainLine(text ?? '');
  if (line === '') return 'no commitment written';
  return `"${line.length > QUOTE_MAX ? `${line.slice(0, QUOTE_MAX - 1)}…` : line}"`;
}

export interface ProgressInput {
  model: CoachModel;
  /** The rep's open flags (New, Committed, Not Improved). */
  open: readonly OpenRepFlag[];
  /** Checks made by this run. */
  checks: readonly CommitmentCheck[];
  /** The rep's flags checked by earlier runs. */
  decided: readonly DecidedFlag[];
  /** First day of the previous coaching period (`YYYY-MM-DD`): checks since then are carried. */
  since: string;
  today: string;
}

/** The lines of "1. Progress on last commitments" for one rep, oldest check first, then what is still open. */
export function progressLines(input: ProgressInput): string[] {
  const label = (measure: string): string => input.model.measures.find((m) => m.id === measure)?.label ?? measure;
  const byKey = new Map(input.open.map((flag) => [flag.key, flag]));
  const checkedNow = new Set(input.checks.map((check) => check.flagKey));
  const lines: string[] = [];
  const earlier = input.decided
    .filter((flag) => !checkedNow.has(flag.key) && flag.decidedOn >= input.since && flag.decidedOn <= input.today)
    .sort((a, b) => (a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : a.key < b.key ? -1 : 1));
  for (const flag of earlier) {
    const found = flag.outcome === null ? '' : ` ${flag.outcome}.`;
    lines.push(
      `${label(flag.measure)}: ${flag.status} (checked ${flag.decidedOn}). Committed: ${quoted(flag.commitment)}.${found}`,
    );
  }
  for (const check of input.checks) {
    const flag = byKey.get(check.flagKey);
    const committed = quoted(flag?.commitment ?? null);
    lines.push(
      check.status === 'Waiting'
        ? `${label(check.measure)}: committed ${committed}, follow-up ${flag?.followUpDate ?? 'not set'}. ${check.text}.`
        : `${label(check.measure)}: ${check.status} (checked ${input.today}). Committed: ${committed}. ${check.text}.`,
    );
  }
  const reported = new Set([...earlier.map((flag) => flag.key), ...checkedNow]);
  for (const flag of input.open) {
    if (reported.has(flag.key)) continue;
    if (flag.status === 'Committed')
      lines.push(
        `${label(flag.measure)}: committed ${quoted(flag.commitment)}, follow-up ${flag.followUpDate ?? 'not set'}.`,
      );
    else if (flag.status === 'Not Improved')
      lines.push(`${label(flag.measure)}: not improved after the last commitment; a new one is needed.`);
  }
  return lines;
}
