import type { StoredRecord } from '../schema/types';
import { opportunityStage, taskStatusIsClosed } from '../schema/standard/picklists';
import { formatDateTime, parseDateTime } from '../time/datetime';
import { formatCivil, localDate } from '../time/zone';

/**
 * Fields a real org computes from others: full names, Task.IsClosed (from TaskStatus) and its
 * completion time, Event times, Opportunity IsClosed/IsWon/probability (from
 * OpportunityStage). `write` derivations may stamp the current time; `load` derivations are
 * pure, so seeded history keeps the times it was given.
 */
export interface DeriveContext {
  mode: 'write' | 'load';
  /** Canonical datetime of the write. */
  now: string;
  timeZone: string;
  /** Fields the client sent in this write (empty on load). */
  changes: StoredRecord;
}

type Derivation = (record: StoredRecord, previous: StoredRecord | undefined, ctx: DeriveContext) => void;

const fullName: Derivation = (r) => {
  r.Name = [r.FirstName, r.LastName].filter((p) => typeof p === 'string' && p !== '').join(' ') || null;
};

const accountFromWhat: Derivation = (r) => {
  if (typeof r.WhatId === 'string' && r.WhatId.startsWith('001')) r.AccountId = r.WhatId;
};

const task: Derivation = (r, previous, ctx) => {
  r.IsClosed = taskStatusIsClosed(r.Status);
  r.IsHighPriority = r.Priority === 'High';
  if (ctx.mode === 'write') {
    if (!r.IsClosed) r.CompletedDateTime = null;
    else if (!previous?.IsClosed || r.CompletedDateTime === null) r.CompletedDateTime = ctx.now;
    if (r.TaskSubtype === null) r.TaskSubtype = r.Type === 'Call' ? 'Call' : r.Type === 'Email' ? 'Email' : 'Task';
  }
  accountFromWhat(r, previous, ctx);
};

const MINUTE_MS = 60_000;

const event: Derivation = (r, previous, ctx) => {
  if (r.StartDateTime === null && typeof r.ActivityDateTime === 'string') r.StartDateTime = r.ActivityDateTime;
  const start = typeof r.StartDateTime === 'string' ? parseDateTime(r.StartDateTime) : null;
  if (start !== null) {
    r.ActivityDateTime = r.StartDateTime ?? null;
    r.ActivityDate = formatCivil(localDate(start, ctx.timeZone));
    const durationChanged = 'DurationInMinutes' in ctx.changes && !('EndDateTime' in ctx.changes);
    const end = typeof r.EndDateTime === 'string' ? parseDateTime(r.EndDateTime) : null;
    if (end !== null && !durationChanged) {
      r.DurationInMinutes = Math.round((end - start) / MINUTE_MS);
    } else if (typeof r.DurationInMinutes === 'number') {
      r.EndDateTime = formatDateTime(start + r.DurationInMinutes * MINUTE_MS);
    }
    const endMs = typeof r.EndDateTime === 'string' ? parseDateTime(r.EndDateTime) : null;
    r.EndDate = endMs === null ? null : formatCivil(localDate(endMs, ctx.timeZone));
  }
  if (r.EventSubtype === null) r.EventSubtype = 'Event';
  accountFromWhat(r, previous, ctx);
};

const opportunity: Derivation = (r, previous, ctx) => {
  const stage = opportunityStage(r.StageName);
  r.IsClosed = stage?.isClosed ?? false;
  r.IsWon = stage?.isWon ?? false;
  const stageChanged = previous?.StageName !== r.StageName;
  if (stage && stageChanged && !('Probability' in ctx.changes) && ctx.mode === 'write')
    r.Probability = stage.defaultProbability;
  if (stage && stageChanged && !('ForecastCategoryName' in ctx.changes))
    r.ForecastCategoryName = stage.forecastCategoryName;
  if (r.Probability === null && stage) r.Probability = stage.defaultProbability;
  r.ExpectedRevenue =
    typeof r.Amount === 'number' && typeof r.Probability === 'number' ? (r.Amount * r.Probability) / 100 : null;
  if (ctx.mode === 'write' && stageChanged) r.LastStageChangeDate = ctx.now;
};

const DERIVATIONS: Readonly<Record<string, Derivation>> = {
  User: fullName,
  Lead: fullName,
  Contact: fullName,
  Task: task,
  Event: event,
  Opportunity: opportunity,
};

export function deriveFields(
  objectName: string,
  record: StoredRecord,
  previous: StoredRecord | undefined,
  ctx: DeriveContext,
): void {
  DERIVATIONS[objectName]?.(record, previous, ctx);
}
