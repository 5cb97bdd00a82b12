/**
 * The compute phase: everything between read and write is pure (ARCHITECTURE.md §3). This module only
 * gathers the inputs from the state (events, facts, people, the org's open flags) and calls
 * the core; it adds no logic of its own.
 */
import {
  analyzeStore,
  type CoachingResult,
  type CoachModel,
  computeCoaching,
  type Fact,
  type OpenFlag,
  plainLine,
  type Rep,
  type RecordMapper,
  type StoreEffects,
} from '../core';
import { coachedFlagsFrom, decidedFlagsFrom, openFlagsFrom } from './flag-records';
import { type FlagFact, isFlagFact, isUserFact } from './sync-facts';
import type { SyncState } from './sync-state';
import { studentTQuantile } from '../lib/student-t';

const DAY_MS = 86_400_000;
/**
 * Events older than the measured window (or the month, whichever starts first) are still
 * needed by sequence measures: a sale in the window's first days had its demo days before.
 */
export const SEQUENCE_MARGIN_DAYS = 30;
/** The month-to-date pace can reach back up to a month. */
const MONTH_DAYS = 31;

export interface ComputeInput {
  model: CoachModel;
  mapper: RecordMapper;
  state: SyncState;
  now: number;
}

export interface ComputeOutput {
  coaching: CoachingResult;
  reps: Rep[];
  openFlags: OpenFlag[];
  events: number;
  /** Records the product wrote that the org is known to hold: `ledgerKey(object, key)` → Salesforce Id. */
  known: Map<string, string>;
  /** Every User's name by Id (managers included), for reports. */
  names: Map<string, string>;
}

/** How the ledger and the known-records map name a written record: its object and key. */
export function ledgerKey(object: string, key: string): string {
  return `${object}:${key}`;
}

/**
 * The store's own measured effects, as `analyze` measures them (same reps, every stored event, same `now`), for
 * `coaching.leakSource: store`. Only then: the analysis reads the whole stored history, not just the window's.
 */
function storeEffects(model: CoachModel, reps: readonly Rep[], state: SyncState, now: number): StoreEffects {
  const { lag, measures } = analyzeStore({
    model,
    reps,
    events: state.loadEventColumns(),
    now,
    tQuantile: studentTQuantile,
  });
  return { lag, measures };
}

/** The earliest event a run needs (epoch ms); older events can be pruned from the state. */
export function eventsNeededSince(model: CoachModel, now: number): number {
  return now - (Math.max(model.coaching.windowDays + 1, MONTH_DAYS) + SEQUENCE_MARGIN_DAYS) * DAY_MS;
}

export function computeFromState(input: ComputeInput): ComputeOutput {
  const { model, mapper, state, now } = input;
  const userRecords = [];
  const flagFacts: FlagFact[] = [];
  const facts: Fact[] = [];
  const known = new Map<string, string>();
  const keyField = model.writeBack.flagFields.key;
  for (const { object, recordId, fact } of state.loadFacts()) {
    if (isUserFact(fact)) userRecords.push(fact.record);
    else if (isFlagFact(fact)) {
      flagFacts.push(fact);
      const key = fact.record[keyField];
      if (typeof key === 'string') known.set(ledgerKey(object, key), recordId);
    } else {
      const coreFact = fact as Fact;
      if (coreFact.kind === 'ownTask') known.set(ledgerKey(object, coreFact.key), recordId);
      facts.push(coreFact);
    }
  }
  const reps = mapper.mapUsers(userRecords);
  // Every User's name, managers' too, as a plain line like the reps' (mapUsers): reports and previews print them.
  const names = new Map<string, string>();
  for (const user of userRecords)
    if (typeof user.Id === 'string' && typeof user.Name === 'string') names.set(user.Id, plainLine(user.Name));
  const openFlags = openFlagsFrom(flagFacts, model.writeBack);
  const events = state.loadEventColumns({ since: eventsNeededSince(model, now) });
  const decidedFlags = decidedFlagsFrom(flagFacts, model.writeBack);
  const coachedFlags = coachedFlagsFrom(flagFacts, model.writeBack);
  const coaching = computeCoaching({
    model,
    reps,
    events,
    facts,
    openFlags,
    decidedFlags,
    coachedFlags,
    now,
    ...(model.coaching.leakSource === 'store' ? { storeEffects: storeEffects(model, reps, state, now) } : {}),
  });
  return { coaching, reps, openFlags, events: events.size, known, names };
}
