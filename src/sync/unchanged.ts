/**
 * When a run can skip computing: nothing it read changed the state, and the run before it
 * computed and wrote everything from the same state, with the same config, on the same local
 * day. Everything the core computes is day-granular (the window ends yesterday; overdue, stale
 * and follow-up dates are dates; agendas are per period), so the result would be identical and
 * every write a skip. Any doubt means computing: a run that crashed, failed, only previewed, ran
 * on another day or with another config leaves no mark that matches.
 */
import { contentHash, type CoachModel, DealershipCalendar, dateFromDay } from '../core';
import type { SyncState } from './sync-state';

/** Meta key of the last run that computed and wrote everything without a failure. */
const META_KEY = 'lastCompleteRun';

export interface RunFingerprint {
  /** Local date of the run in the dealership's time zone. */
  day: string;
  /** Hash of the model the run computed with. */
  model: string;
}

interface CompleteRun extends RunFingerprint {
  runId: string;
}

export function fingerprintOf(model: CoachModel, runEnd: number): RunFingerprint {
  const calendar = new DealershipCalendar(model.dealership);
  return { day: dateFromDay(calendar.dayOf(runEnd)), model: contentHash(model) };
}

/** The id of the run this one may rely on, when nothing changed since it; else null. */
export function unchangedSince(state: SyncState, fingerprint: RunFingerprint, changed: number): string | null {
  if (changed > 0) return null;
  // listRuns is newest first: this run, then the one before it.
  const previous = state.listRuns(2)[1];
  if (!previous || previous.result !== 'ok') return null;
  const complete = parse(state.getMeta(META_KEY));
  if (!complete || complete.runId !== previous.runId) return null;
  return complete.day === fingerprint.day && complete.model === fingerprint.model ? previous.runId : null;
}

/** Marks this run as having computed and written everything (call only then). */
export function recordComplete(state: SyncState, runId: string, fingerprint: RunFingerprint): void {
  state.setMeta(META_KEY, JSON.stringify({ runId, ...fingerprint } satisfies CompleteRun));
}

function parse(text: string | null): CompleteRun | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<CompleteRun>;
    return typeof value.runId === 'string' && typeof value.day === 'string' && typeof value.model === 'string'
      ? (value as CompleteRun)
      : null;
  } catch {
    return null;
  }
}
