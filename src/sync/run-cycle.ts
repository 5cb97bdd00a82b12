/**
 * runCycle: the story of one run (ARCHITECTURE.md §3). It decides the order of side effects
 * and nothing else: take the lock → read every object into the state → compute (pure) → plan
 * against the ledger → write → record the run. Live runs, previews, dry runs and tests differ
 * only in what they plug in: the reader, the writer (the org's, or a RecordingWriter that
 * sends nothing), the state (the file, or a private copy) and whether a lock is taken.
 */
import {
  type CoachingResult,
  type CoachModel,
  DealershipCalendar,
  compileMapper,
  type MapStats,
  newMapStats,
  readPlan,
  type RecordMapper,
  type Rep,
  type WritePlan,
} from '../core';
import { CoachError, errorFields, ExitCode } from '../lib/errors';
import type { Logger, Redactor } from '../lib/logger';
import { type Clock, systemClock } from './clock';
import { computeFromState, eventsNeededSince } from './compute-phase';
import { fromCore } from './core-errors';
import { flagFact, flagObjectFields } from './flag-records';
import type { ApiUsage, CrmReader, CrmWriter } from './ports';
import { mappedRecord, type ObjectReadResult, type ObjectReadSpec, readAll } from './read-phase';
import { progressLog, type ReadProgress } from './read-progress';
import { type RunResult, runResultOf } from './run-result';
import { bareRecord, isFlagFact, isUserFact } from './sync-facts';
import { fingerprintOf, recordComplete, unchangedSince } from './unchanged';
import { type Heartbeat, LOCK_POLL_MS, LOCK_TTL_MS, startHeartbeat, systemTimers, type Timers } from './lock-heartbeat';
import type { SyncState } from './sync-state';
import { executePlan, planAgainstOrg, type WriteSummary } from './write-phase';

const DAY_MS = 86_400_000;
const USER_OBJECT = 'User';
// A lock not renewed for LOCK_TTL_MS belongs to a run that died (SIGKILL, power loss); the next run takes it over.
// A run that died on this machine is recognised by its pid and taken over at once.
export { LOCK_TTL_MS } from './lock-heartbeat';

export interface SyncSettings {
  lookbackSeconds: number;
  backfillDays: number;
  bulkThreshold: number;
  pageSize: number;
}

export interface RunCycleOptions {
  runId: string;
  model: CoachModel;
  sync: SyncSettings;
  /** Holder string of the run lock (host, pid, run id); null takes none (a run on a private copy of the state). */
  lockHolder: string | null;
  /**
   * How long to wait for a lock another run holds before giving up with RUN_LOCKED (default 0). A Job's retry pod
   * waits a little longer than the TTL: its killed predecessor's lock, held on another host, expires meanwhile.
   */
  lockWaitMs?: number;
}

export interface RunCycleDeps {
  reader: CrmReader;
  /** Where the plan is sent: the org's writer, or one that records instead (`sends: false`). */
  writer: CrmWriter;
  state: SyncState;
  /** The run's notion of now (`--now` pins it): the window, the read's end, ledger times. */
  clock: Clock;
  /**
   * Real elapsed time, for the run lock's renewals: a pinned `clock` never advances, and a
   * lock that is never renewed would expire under a long run. Defaults to the system clock.
   */
  wallClock?: Clock;
  /** The run lock's heartbeat timer; tests fire it by hand. Defaults to an unref'd setInterval. */
  timers?: Timers;
  logger: Logger;
  /** Takes secrets out of the errors the run keeps (its report and the history): an org's answer may quote a token. */
  redactor: Redactor;
  /**
   * One cheap call before anything else: proves the login and the API version, and stops the
   * run (exit 75) when the API budget is already spent. Its call counts as the run's.
   */
  preflight: () => Promise<unknown>;
  /** Throws (exit 75) when the API budget is spent; called between pages and collections. */
  checkBudget: () => void;
  /** API calls made so far by this process. */
  apiCalls: () => number;
  /** The org's API usage as its last response reported it, for the run's report (metrics). */
  apiUsage?: () => ApiUsage | null;
  /**
   * Aborted when the process is asked to stop (`serve` on SIGTERM): the run stops at its next checkpoint (between
   * pages and collections, before computing), where everything before it is stored, so the next run continues.
   */
  stop?: AbortSignal;
  /** How the read's progress is shown: bars on a terminal; by default a log line every few seconds. */
  progress?: ReadProgress;
}

export interface RunReport {
  runId: string;
  result: RunResult;
  /** The run's fixed end of reading, epoch ms. */
  runEnd: number;
  reads: ObjectReadResult[];
  mapStats: MapStats;
  coaching: CoachingResult | null;
  /** The people measured (names for reports). */
  reps: Rep[];
  /** Every User's name by Id, managers included (a preview names the manager an agenda is for). */
  userNames: Map<string, string>;
  plan: WritePlan | null;
  /** What the writer answered for the plan (a recording writer answers as the org would). */
  writes: WriteSummary | null;
  apiCalls: { read: number; write: number; total: number };
  /** The org's daily API usage as the run's last response reported it, when known. */
  apiUsage?: ApiUsage;
  errors: string[];
  /** Set when nothing changed since that run (same day and config): nothing was computed or written. */
  unchangedSince: string | null;
}

/**
 * One run. Whatever happens, the lock it took is released and the error that stopped it is the
 * one thrown (core errors turned into CoachErrors); a failure to record the run is logged, never
 * put in that error's place.
 */
export async function runCycle(deps: RunCycleDeps, options: RunCycleOptions): Promise<RunReport> {
  const log = deps.logger.child({ runId: options.runId });
  const holder = options.lockHolder;
  if (holder === null) return recordedRun(deps, options, log, null);
  await takeLock(deps, holder, options.lockWaitMs ?? 0, log);
  const heartbeat = startHeartbeat(holder, {
    state: deps.state,
    wall: deps.wallClock ?? systemClock,
    timers: deps.timers ?? systemTimers,
    logger: log,
  });
  try {
    return await recordedRun(deps, options, log, heartbeat);
  } finally {
    heartbeat.stop();
    releaseLock(deps.state, holder, log);
  }
}

/** Opens the run in the history, runs it, and closes it with its result. */
async function recordedRun(
  deps: RunCycleDeps,
  options: RunCycleOptions,
  log: Logger,
  heartbeat: Heartbeat | null,
): Promise<RunReport> {
  const { state, clock } = deps;
  const callsAtStart = deps.apiCalls();
  const report: RunReport = {
    runId: options.runId,
    result: 'ok',
    runEnd: clock.now(),
    reads: [],
    mapStats: newMapStats(),
    coaching: null,
    reps: [],
    userNames: new Map(),
    plan: null,
    writes: null,
    apiCalls: { read: 0, write: 0, total: 0 },
    errors: [],
    unchangedSince: null,
  };
  const interrupted = state.startRun(options.runId);
  if (interrupted.length > 0) log.warn('earlier runs did not finish; this run completes their work', { interrupted });
  try {
    await run(deps, options, report, log, { callsAtStart, heartbeat });
  } catch (thrown) {
    const error = fromCore(thrown);
    report.result = runResultOf(error);
    report.errors.push(deps.redactor.text(error instanceof Error ? error.message : String(error)));
    report.apiCalls.total = deps.apiCalls() - callsAtStart;
    try {
      finish(state, report, log);
    } catch (recording) {
      // The history keeps this run `running` (the next run closes it as interrupted); what
      // stopped the run is what the user must see.
      log.error('the run could not be recorded in the run history', errorFields(recording));
    }
    throw error;
  }
  finish(state, report, log);
  return report;
}

async function run(
  deps: RunCycleDeps,
  options: RunCycleOptions,
  report: RunReport,
  log: Logger,
  { callsAtStart, heartbeat }: { callsAtStart: number; heartbeat: Heartbeat | null },
): Promise<void> {
  const { state } = deps;
  // A writer that sends nothing leaves the org as it was: its run is no basis for skipping the next.
  const sends = deps.writer.sends !== false;
  const wall = deps.wallClock ?? systemClock;
  const between = (): void => {
    stopIfAsked(deps.stop);
    deps.checkBudget();
    heartbeat?.atCheckpoint();
  };

  await deps.preflight();
  log.info('run started', { runEnd: new Date(report.runEnd).toISOString(), sends });
  const { sync } = options;
  const settings = {
    runEnd: report.runEnd,
    lookbackMs: sync.lookbackSeconds * 1000,
    pageSize: sync.pageSize,
    bulkThreshold: sync.bulkThreshold,
  };
  const readDeps = {
    reader: deps.reader,
    state,
    logger: log,
    stats: report.mapStats,
    checkBudget: between,
    progress: deps.progress ?? progressLog(log, () => wall.now()),
  };
  // The org's users first: the mapper refuses an activity that none of them owns (plausibility.ts), so it
  // must know all of them, this run's new hires too, before the first activity is mapped.
  const userReads = await readAll([userSpec(options.model)], settings, readDeps);
  // One compiled mapper serves the read (records → events) and the compute (users → reps).
  const mapper = compileMapper(options.model, { now: report.runEnd, users: knownUsers(state) });
  const reads = await readAll(
    readSpecs(options.model, mapper, report.runEnd, sync.backfillDays, state),
    settings,
    readDeps,
  );
  report.reads = [...userReads, ...reads].sort((a, b) => (a.object < b.object ? -1 : 1));
  const readCalls = deps.apiCalls() - callsAtStart;
  const fingerprint = fingerprintOf(options.model, report.runEnd);
  const changed = report.reads.reduce((sum, r) => sum + r.changed, 0);
  report.unchangedSince = sends ? unchangedSince(state, fingerprint, changed) : null;
  if (report.unchangedSince !== null) {
    log.info('nothing changed since the last complete run today: nothing to compute or write', {
      since: report.unchangedSince,
    });
  } else {
    await computeAndWrite(deps, options, mapper, report, log, between);
    if (sends && report.result === 'ok') recordComplete(state, options.runId, fingerprint);
    const backfillStart = report.runEnd - sync.backfillDays * DAY_MS;
    pruneDaily(state, fingerprint.day, Math.min(eventsNeededSince(options.model, report.runEnd), backfillStart));
  }
  const total = deps.apiCalls() - callsAtStart;
  report.apiCalls = { read: readCalls, write: total - readCalls, total };
  const usage = deps.apiUsage?.() ?? null;
  if (usage !== null) report.apiUsage = usage;
}

/** The pure part and its consequences: compute from the state, plan against ledger and org, write. */
async function computeAndWrite(
  deps: RunCycleDeps,
  options: RunCycleOptions,
  mapper: RecordMapper,
  report: RunReport,
  log: Logger,
  between: () => void,
): Promise<void> {
  const { state, clock } = deps;
  stopIfAsked(deps.stop);
  const computed = computeFromState({ model: options.model, mapper, state, now: report.runEnd });
  report.coaching = computed.coaching;
  report.reps = computed.reps;
  report.userNames = computed.names;
  log.info('computed', {
    reps: computed.reps.length,
    events: computed.events,
    findings: computed.coaching.findings.length,
    desired: computed.coaching.desired.length,
  });

  report.plan = await planAgainstOrg(computed.coaching.desired, computed.known, { state, writer: deps.writer });
  log.info('planned', {
    creates: report.plan.creates.length,
    updates: report.plan.updates.length,
    skips: report.plan.skips.length,
  });
  report.writes = await executePlan(report.plan, {
    writer: deps.writer,
    state,
    logger: log,
    now: () => clock.now(),
    checkBudget: between,
  });
  for (const failure of report.writes.failures)
    report.errors.push(deps.redactor.text(`${failure.object} ${failure.key}: ${failure.errorCode} ${failure.message}`));
  if (report.writes.failed > 0) report.result = 'failed';
}

/** Meta key: the local day retention last ran. */
const PRUNE_META = 'lastPruneDay';

/**
 * Retention once a day: what is older than any run needs goes. Pruning scans the tables, so it
 * does not run on every hourly sync; the first day of a state has nothing old enough to prune.
 */
function pruneDaily(state: SyncState, day: string, beforeMs: number): void {
  const last = state.getMeta(PRUNE_META);
  if (last !== day && last !== null) state.pruneEventsBefore(beforeMs);
  if (last !== day) state.setMeta(PRUNE_META, day);
}

/** At a checkpoint: a run asked to stop stops here, with what it read and wrote so far stored. */
function stopIfAsked(stop: AbortSignal | undefined): void {
  if (stop?.aborted !== true) return;
  throw new CoachError({
    code: 'RUN_STOPPED',
    message: 'The run was asked to stop and stopped at a checkpoint; what it read and wrote so far is stored.',
    actions: ['Nothing to do: the next run continues from where this one stopped.'],
    exitCode: ExitCode.tryLater,
    retryable: true,
  });
}

/** Takes the lock, asking again every LOCK_POLL_MS for up to `waitMs` while another run holds it. */
async function takeLock(deps: RunCycleDeps, holder: string, waitMs: number, log: Logger): Promise<void> {
  const wall = deps.wallClock ?? systemClock;
  const timers = deps.timers ?? systemTimers;
  const deadline = wall.now() + waitMs;
  for (;;) {
    const lock = deps.state.acquireLock(holder, LOCK_TTL_MS);
    if (lock.ok) {
      // The trace of a run that died holding the lock (a killed pod): this run completes its work.
      if (lock.tookOverFrom !== undefined) log.warn('took over the run lock of a run that is gone', lock.tookOverFrom);
      return;
    }
    const left = deadline - wall.now();
    if (left <= 0) throw lockedError(lock);
    await timers.sleep(Math.min(LOCK_POLL_MS, left));
  }
}

function lockedError(lock: { heldBy: string; since: number }): CoachError {
  return new CoachError({
    code: 'RUN_LOCKED',
    message: `Another run holds the lock (${lock.heldBy}, since ${new Date(lock.since).toISOString()}).`,
    actions: [
      'Wait for it to finish; the next scheduled run will pick up from where it stops.',
      `A lock whose run died is taken over at once on the same machine, and after ${LOCK_TTL_MS / 1000} seconds without renewal from another one (--wait-for-lock waits for that).`,
    ],
    exitCode: ExitCode.tryLater,
    retryable: true,
  });
}

/**
 * Throwing here would put the release's failure in place of how the run ended. A lock left
 * behind is taken over: at once on this machine once its process is gone, else after the TTL.
 */
function releaseLock(state: SyncState, holder: string, log: Logger): void {
  try {
    state.releaseLock(holder);
  } catch (error) {
    log.error('the run lock could not be released', { holder, ...errorFields(error) });
  }
}

function finish(state: SyncState, report: RunReport, log: Logger): void {
  const writes = report.writes;
  state.finishRun(report.runId, {
    result: report.result,
    recordsRead: report.reads.reduce((sum, r) => sum + r.records + r.deleted, 0),
    reads: report.reads,
    apiCalls: report.apiCalls.total,
    ...(writes
      ? { writes: { created: writes.created, updated: writes.updated, skipped: writes.skipped, failed: writes.failed } }
      : {}),
    errors: report.errors,
  });
  log.info('run finished', { result: report.result, apiCalls: report.apiCalls.total, errors: report.errors.length });
}

/** People are stored as read (the core's `mapUsers` decides who is measured at compute). */
function userSpec(model: CoachModel): ObjectReadSpec {
  return {
    object: USER_OBJECT,
    fields: readPlan(model).find((read) => read.object === USER_OBJECT)?.fields ?? ['Id', 'SystemModstamp'],
    // People are read whatever their age: a salesperson hired years ago has an old SystemModstamp.
    backfillFrom: 0,
    toStored: (record) => ({
      id: String(record.Id),
      systemModstamp: String(record.SystemModstamp),
      events: [],
      facts: [{ kind: 'user', record: bareRecord(record) }],
    }),
  };
}

/** The Ids of the org's users as the state holds them after this run's read of User. */
function knownUsers(state: SyncState): Set<string> {
  const users = new Set<string>();
  for (const row of state.loadFacts({ object: USER_OBJECT })) if (isUserFact(row.fact)) users.add(row.recordId);
  return users;
}

/** What each object read stores: the core's mapping, or for flags the record itself. */
function readSpecs(
  model: CoachModel,
  mapper: RecordMapper,
  runEnd: number,
  backfillDays: number,
  state: SyncState,
): ObjectReadSpec[] {
  const backfillFrom = runEnd - backfillDays * DAY_MS;
  const specs: ObjectReadSpec[] = readPlan(model)
    .filter(({ object }) => object !== USER_OBJECT)
    .map(({ object, fields }) => ({ object, fields, backfillFrom, toStored: mappedRecord(mapper, object) }));
  // Flags are read from the beginning of time, not the backfill window: a flag opened long ago
  // and still open must be found, or a lost state would open a second one.
  const calendar = new DealershipCalendar(model.dealership);
  const flagObject = model.writeBack.flagObject;
  const previous = new Map<string, ReturnType<typeof flagFact>>();
  for (const row of state.loadFacts({ object: flagObject }))
    if (isFlagFact(row.fact)) previous.set(row.recordId, row.fact);
  specs.push({
    object: flagObject,
    fields: flagObjectFields(model.writeBack),
    backfillFrom: 0,
    toStored: (record) => ({
      id: String(record.Id),
      systemModstamp: String(record.SystemModstamp),
      events: [],
      facts: [flagFact(record, previous.get(String(record.Id)), model, calendar)],
    }),
  });
  return specs;
}
