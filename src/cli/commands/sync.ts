import type { Command } from 'commander';
import { CoachError, ExitCode } from '../../lib/errors';
import { existsSync } from 'node:fs';
import { lockHolder, openStateStore, type StateStore } from '../../state/state-store';
import type { CrmWriter } from '../../sync/ports';
import { RecordingWriter } from '../../sync/recording-writer';
import { LOCK_TTL_MS, type RunReport } from '../../sync/run-cycle';
import type { SalesforceSession } from '../../salesforce/session';
import type { CliContext } from '../context';
import { assertConfigFitsOrg } from '../org-check';
import { writeJson } from '../json-out';
import { progressBars } from '../progress-bars';
import { renderRun, runJson, type WriteMode } from '../render-run';
import {
  type LoadedConfig,
  loadModel,
  openState,
  type OrgCommandOptions,
  type OrgRun,
  runAgainstOrg,
  statePath,
} from '../run-context';
import { configOption, stateOption, nowOption, targetOrgOption, logLevelOption, jsonOption } from '../options';

export interface SyncOptions extends OrgCommandOptions {
  live?: boolean;
  dryRun?: boolean;
  json?: boolean;
  /** Progress bars on a terminal (the default), or log lines only (`serve`: many runs share one output). */
  progress?: 'bars' | 'lines';
  /** A few lines a run instead of the whole report (`serve`). */
  brief?: boolean;
  /** Seconds to wait for a run lock another run holds (a Job's retry after a killed pod). */
  waitForLock?: string;
}

/** Longer makes no sense: a lock is either renewed by a live run or expires within its TTL. */
const MAX_LOCK_WAIT_SECONDS = 3_600;

function lockWaitMs(options: SyncOptions): number {
  if (options.waitForLock === undefined) return 0;
  const seconds = Number(options.waitForLock);
  if (
    options.waitForLock.trim() === '' ||
    !Number.isInteger(seconds) ||
    seconds < 0 ||
    seconds > MAX_LOCK_WAIT_SECONDS
  ) {
    throw new CoachError({
      code: 'USAGE_BAD_LOCK_WAIT',
      message: `--wait-for-lock "${options.waitForLock}" is not a whole number of seconds from 0 to ${MAX_LOCK_WAIT_SECONDS}.`,
      actions: [
        `Pass e.g. --wait-for-lock ${(LOCK_TTL_MS / 1000) * 2}: a little more than the lock's TTL of ${LOCK_TTL_MS / 1000} s.`,
      ],
      exitCode: ExitCode.usage,
    });
  }
  return seconds * 1000;
}

/**
 * One run against the org the config and environment describe. Live when --live is given or
 * the config's writeBack.mode is live; otherwise a preview that stores what it read but sends
 * nothing; --dry-run changes neither the org nor the state (it works on a copy of the state).
 */
export async function executeSync(options: SyncOptions, ctx: CliContext): Promise<RunReport> {
  if (options.live === true && options.dryRun === true) {
    throw new CoachError({
      code: 'USAGE_CONFLICT',
      message: '--live and --dry-run contradict each other.',
      actions: ['Pass one of them.'],
      exitCode: ExitCode.usage,
    });
  }
  const loaded = loadModel(options, ctx);
  const { config, model } = loaded;
  const mode: WriteMode =
    options.dryRun === true
      ? 'dry-run'
      : options.live === true || config.writeBack.mode === 'live'
        ? 'live'
        : 'preview';
  const waitMs = lockWaitMs(options);
  const plugged = pluggedIn(mode, options, loaded, ctx);
  const bars = ctx.terminal !== undefined && options.progress !== 'lines' ? progressBars(ctx.terminal) : undefined;
  const run = {
    ...plugged,
    lockWaitMs: waitMs,
    ...(bars ? { progress: bars } : {}),
    beforeRun: (session: SalesforceSession, now: number) =>
      assertConfigFitsOrg(session, { config, file: options.config, cwd: ctx.cwd }, plugged.state, now),
  };
  try {
    // The bars end with the read phase's last redraw, before the run's report is printed under them.
    const runCtx = bars ? { ...ctx, err: bars.above(ctx.err) } : ctx;
    const report = await runAgainstOrg(options, loaded, runCtx, run).finally(() => bars?.stop());
    if (options.json === true) writeJson(ctx.out, runJson(report, mode));
    else ctx.out(renderRun(report, mode, model.writeBack, options.brief === true));
    if (report.result === 'failed') {
      throw new CoachError({
        code: 'SYNC_INCOMPLETE',
        message: `${report.errors.length} records could not be written.`,
        actions: ['Read the errors above; the next run retries every record that was not written.'],
        exitCode: ExitCode.failure,
      });
    }
    return report;
  } finally {
    run.state.close();
  }
}

const recording = (org: CrmWriter): CrmWriter => new RecordingWriter(org);
const holder = (runId: string): string => lockHolder(runId);

/**
 * What each write mode plugs into the run; nothing else tells them apart. A preview stores what
 * it read under the lock like a live run, and its writer records what it would send and drops it.
 */
function pluggedIn(
  mode: WriteMode,
  options: SyncOptions,
  loaded: LoadedConfig,
  ctx: CliContext,
): OrgRun & { state: StateStore } {
  switch (mode) {
    case 'live':
      return { state: openState(options, loaded.config, ctx), writer: (org) => org, lockHolder: holder };
    case 'preview':
      return { state: openState(options, loaded.config, ctx), writer: recording, lockHolder: holder };
    case 'dry-run':
      return { state: dryRunState(options, loaded, ctx), writer: recording, lockHolder: () => null };
  }
}

/** A private in-memory copy of the state file (or an empty store when there is none yet, so none is created). */
function dryRunState(options: SyncOptions, loaded: LoadedConfig, ctx: CliContext): StateStore {
  if (!existsSync(statePath(options, loaded.config, ctx))) return openStateStore(':memory:');
  const stored = openState(options, loaded.config, ctx);
  try {
    return stored.copyInMemory();
  } finally {
    stored.close();
  }
}

export function registerSync(program: Command, ctx: CliContext): void {
  program
    .command('sync')
    .description('Run one sync: read what changed in Salesforce, measure, diagnose, and write coaching back.')
    .addOption(configOption())
    .addOption(stateOption())
    .option('--live', 'write to Salesforce even when writeBack.mode is preview')
    .option('--dry-run', 'read, compute and print the write plan; change neither the org nor the state')
    .option(
      '--wait-for-lock <seconds>',
      `wait this long for a run lock another run holds (default 0); ${LOCK_TTL_MS / 1000}+ lets a retry outwait a killed run's lock`,
    )
    .addOption(nowOption())
    .addOption(targetOrgOption())
    .addOption(jsonOption('the run report'))
    .addOption(logLevelOption())
    .action(async (options: SyncOptions) => {
      await executeSync(options, ctx);
    });
}
