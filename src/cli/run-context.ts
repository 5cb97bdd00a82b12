/**
 * The composition root shared by the commands that talk to an org (sync, preview, demo,
 * validate --org): load the config, build the logger, the clock, the Salesforce session and
 * the state store from the command's options and the environment.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CoachModel } from '../core';
import { type Config, loadConfig, toCoachModel } from '../config';
import { CoachError, ExitCode, redactError } from '../lib/errors';
import { createLogger, type Logger, type LogLevel } from '../lib/logger';
import { openSalesforceSession, type SalesforceSession, type SalesforceSessionDeps } from '../salesforce/session';
import { openStateStore, type StateStore } from '../state/state-store';
import { type Clock, fixedClock, systemClock } from '../sync/clock';
import { type RunReport, runCycle } from '../sync/run-cycle';
import type { CrmWriter } from '../sync/ports';
import type { ReadProgress } from '../sync/read-progress';
import type { SyncState } from '../sync/sync-state';
import type { CliContext } from './context';
import { redactorFor } from './secrets';

export interface OrgCommandOptions {
  config: string;
  state?: string;
  now?: string;
  targetOrg?: string;
  logLevel?: string;
  /** The run's id, when its caller announced it before it started (`serve`'s POST /runs); else a new one. */
  runId?: string;
  /** Aborted when the run should stop at its next checkpoint (`serve` on SIGTERM). */
  stop?: AbortSignal;
}

const LOG_LEVELS: readonly LogLevel[] = ['error', 'warn', 'info', 'debug'];

export interface LoadedConfig {
  config: Config;
  model: CoachModel;
}

export function loadModel(options: Pick<OrgCommandOptions, 'config'>, ctx: CliContext): LoadedConfig {
  const config = loadConfig(options.config, { cwd: ctx.cwd });
  return { config, model: toCoachModel(config) };
}

/** `--now 2026-11-20T18:00:00Z` fixes the clock; a bad value is a usage error (exit 2). */
export function clockFrom(now: string | undefined): Clock {
  if (now === undefined) return systemClock;
  const instant = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(now)
    ? Date.parse(now)
    : NaN;
  if (Number.isNaN(instant)) {
    throw new CoachError({
      code: 'USAGE_BAD_NOW',
      message: `--now "${now}" is not an ISO date or date-time.`,
      actions: ['Pass e.g. --now 2026-11-20T18:00:00Z (a date-time with its offset) or --now 2026-11-20.'],
      exitCode: ExitCode.usage,
    });
  }
  return fixedClock(instant);
}

/** A command's logger; given the config, it also redacts the variables the config renames. */
export function loggerFor(ctx: CliContext, level: string | undefined, config?: Pick<Config, 'salesforce'>): Logger {
  const chosen = (level ?? ctx.env.EXECUTION_COACH_LOG_LEVEL ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(chosen)) {
    throw new CoachError({
      code: 'USAGE_BAD_LOG_LEVEL',
      message: `Unknown log level "${chosen}".`,
      actions: [`Use one of ${LOG_LEVELS.join(', ')}.`],
      exitCode: ExitCode.usage,
    });
  }
  return createLogger({
    level: chosen,
    pretty: ctx.isTTY,
    write: ctx.err,
    redactor: redactorFor(ctx.env, config),
  });
}

export function newRunId(now: number): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `run-${stamp}-${randomBytes(3).toString('hex')}`;
}

/** The state file: --state (relative to the working directory), else the config's state.path (already absolute). */
export function statePath(options: Pick<OrgCommandOptions, 'state'>, config: Config, ctx: CliContext): string {
  return resolve(ctx.cwd, options.state ?? config.state.path);
}

export function openState(options: Pick<OrgCommandOptions, 'state'>, config: Config, ctx: CliContext): StateStore {
  return openStateStore(statePath(options, config, ctx));
}

/** What a read-only command (report, plan, history) says when there is no sync to read. */
function noSyncYet(message: string, options: Pick<OrgCommandOptions, 'config'>): CoachError {
  return new CoachError({
    code: 'REPORT_NO_DATA',
    message,
    actions: [
      `Run \`execution-coach sync --config ${options.config}\` first (or pass --state to the file your syncs use).`,
    ],
    exitCode: ExitCode.failure,
  });
}

/** The state file a read-only command reads; a missing one is an error, not an empty file made at a mistyped path. */
export function openSyncedState(
  options: Pick<OrgCommandOptions, 'state' | 'config'>,
  config: Config,
  ctx: CliContext,
): StateStore {
  const path = statePath(options, config, ctx);
  if (!existsSync(path)) throw noSyncYet(`There is no state file at ${path}: no sync has written one there.`, options);
  // Read-only: a report works on a copy handed over or a volume mounted read-only, and never changes the file.
  return openStateStore(path, { readonly: true });
}

/** A state with no run recorded has nothing to report. */
export function assertSynced(state: StateStore, options: Pick<OrgCommandOptions, 'config'>): void {
  if (state.listRuns(1).length === 0) throw noSyncYet(`The state at ${state.path} holds no sync yet.`, options);
}

/** Opens the session the config and environment describe; --target-org wins over the config. */
export async function openSession(
  options: Pick<OrgCommandOptions, 'targetOrg'>,
  config: Config,
  ctx: CliContext,
  logger: Logger,
  extra: Partial<SalesforceSessionDeps> = {},
): Promise<SalesforceSession> {
  const auth =
    options.targetOrg === undefined
      ? config.salesforce.auth
      : { ...config.salesforce.auth, method: 'sfCli' as const, targetOrg: options.targetOrg };
  return openSalesforceSession(
    { salesforce: { ...config.salesforce, auth }, maxApiUsage: config.sync.maxApiUsage },
    {
      env: ctx.env,
      onRetry: (event) =>
        logger.warn('retrying a Salesforce request', {
          retry: event.retry,
          delayMs: event.delayMs,
          reason: retryReason(event.error),
        }),
      ...extra,
    },
  );
}

export interface OrgRun {
  /** Where the run stores what it reads (the state file, a copy of it, or a throwaway store). */
  state: SyncState;
  /** The writer the run sends through, given the org's: that one (live), or a RecordingWriter over it. */
  writer: (org: CrmWriter) => CrmWriter;
  /** Holder of the run lock; null takes none (runs on a private copy). */
  lockHolder: (runId: string) => string | null;
  /** How long to wait for a lock another run holds (`sync --wait-for-lock`); by default none. */
  lockWaitMs?: number;
  /** How the read's progress is shown (bars on a terminal); by default a log line every few seconds. */
  progress?: ReadProgress;
  /** Runs once logged in, before anything is read: throws to stop the run (sync checks the config fits the org). */
  beforeRun?: (session: SalesforceSession, now: number) => Promise<void>;
}

/**
 * One run of runCycle against the org the config and environment describe: log in, check the
 * API budget, run, log out. sync, preview and the demo differ only in what they plug in.
 */
export async function runAgainstOrg(
  options: OrgCommandOptions,
  loaded: LoadedConfig,
  ctx: CliContext,
  run: OrgRun,
): Promise<RunReport> {
  const { config, model } = loaded;
  const clock = clockFrom(options.now);
  const runId = options.runId ?? newRunId(clock.now());
  const redactor = redactorFor(ctx.env, config);
  // The session logs (retries, renewals) under the run id too: every line of a run carries it.
  const logger = loggerFor(ctx, options.logLevel, config).child({ runId });
  try {
    const session = await openSession(options, config, ctx, logger);
    try {
      if (run.beforeRun) await run.beforeRun(session, clock.now());
      return await runCycle(
        {
          reader: session.reader,
          writer: run.writer(session.writer),
          state: run.state,
          clock,
          logger,
          redactor,
          preflight: () => session.preflight(),
          checkBudget: () => session.assertWithinBudget(),
          apiCalls: () => session.calls().total,
          apiUsage: () => session.usage(),
          ...(options.stop ? { stop: options.stop } : {}),
          ...(run.progress ? { progress: run.progress } : {}),
        },
        { runId, model, sync: config.sync, lockHolder: run.lockHolder(runId), lockWaitMs: run.lockWaitMs ?? 0 },
      );
    } finally {
      await session.close();
    }
  } catch (error) {
    // Only here are the config's renamed secret variables known: the final error line cannot take them out later.
    throw redactError(error, redactor);
  }
}

/** One line on why a request is retried (status and code, or the socket error), without a stack. */
function retryReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const failure = (
    error as {
      failure?: { status: number | null; errors: ReadonlyArray<{ errorCode?: string }>; transportCode: string | null };
    }
  ).failure;
  const parts = failure ? [failure.status, failure.errors[0]?.errorCode, failure.transportCode] : [];
  return [...parts.filter((p) => p !== undefined && p !== null).map(String), error.message.split('\n')[0] ?? '']
    .filter((p) => p !== '')
    .join(' ');
}
