/**
 * `serve`: scheduled syncs for one or many dealerships in one process (issue 11). Each config is one org with its
 * own state file and its own `schedule` (cron and time zone); the runs are the `sync` command's, scheduled by
 * SyncScheduler: no overlap per org, at most `--max-concurrent` at once. A config that does not load is reported
 * and skipped (`--strict`: nothing starts). On SIGTERM or SIGINT it stops scheduling, stops the running syncs at
 * their next checkpoint, and exits 0. Each run stores its progress as `sync` does, so a stop loses nothing the next
 * run cannot finish. A second serve on the same state files refuses to start (serve-lock.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Express } from 'express';
import { loadConfig } from '../../config';
import { CoachError, ExitCode } from '../../lib/errors';
import { processShutdown, reportError, type CliContext } from '../context';
import { logLevelOption } from '../options';
import { loggerFor, newRunId } from '../run-context';
import { type ScheduledOrg, SyncScheduler } from '../scheduler';
import { readinessProblem } from '../serve-readiness';
import { holdStateFiles } from '../serve-lock';
import type { ServiceOrg } from '../service-http';
import { serviceHttp, serviceMetrics } from '../on-demand';
import { analysisSource, scorecardSource, type ServedState } from '../scorecard-source';
import { openStateStore } from '../../state/state-store';
import type { RunSummary } from '../../sync/ports';
import { runResultOf } from '../../sync/run-result';
import { readSecret } from '../../salesforce/secret-file';
import { executeSync } from './sync';

export interface ServeOptions {
  config?: string[];
  configDir?: string;
  maxConcurrent?: string;
  strict?: boolean;
  logLevel?: string;
  port?: string;
  host?: string;
}

const DEFAULT_MAX_CONCURRENT = 2;
const DEFAULT_PORT = 8080;
/** Loopback unless told otherwise: the write endpoint and the run history are not for the whole network. */
const DEFAULT_HOST = '127.0.0.1';
const CONFIG_FILE = /\.(ya?ml|json)$/i;
/** The write endpoint's bearer token, from the variable or the file its `_FILE` form names (a mounted Secret). */
const API_TOKEN_VARIABLE = 'EXECUTION_COACH_API_TOKEN';

function usage(message: string, action: string): CoachError {
  return new CoachError({ code: 'USAGE_SERVE', message, actions: [action], exitCode: ExitCode.usage });
}

/** The config files named, or every YAML and JSON file of the directory, in name order. */
function configFiles(options: ServeOptions, ctx: CliContext): string[] {
  if (options.configDir !== undefined) {
    const dir = resolve(ctx.cwd, options.configDir);
    if (!existsSync(dir)) throw usage(`There is no folder ${dir}.`, 'Pass --config-dir the folder of the configs.');
    const files = readdirSync(dir)
      .filter((name) => CONFIG_FILE.test(name))
      .sort();
    if (files.length === 0)
      throw usage(`${dir} holds no .yaml, .yml or .json config.`, 'Put one config per dealership there.');
    return files.map((name) => join(dir, name));
  }
  return options.config ?? ['config/dealership.yaml'];
}

export async function serve(options: ServeOptions, ctx: CliContext): Promise<void> {
  const logger = loggerFor(ctx, options.logLevel).child({ command: 'serve' });
  const maxConcurrent = Number(options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
  if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1)
    throw usage(`--max-concurrent "${options.maxConcurrent ?? ''}" is not a whole number of runs.`, 'Pass 1 or more.');

  const port = Number(options.port ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw usage(`--port "${options.port ?? ''}" is not a port number.`, 'Pass 0 to 65535 (0: any free port).');
  // Read before anything starts: a token file that cannot be read stops serve here, with exit 2.
  const token = readSecret(ctx.env, API_TOKEN_VARIABLE, 'USAGE_SERVE');
  const metrics = new (serviceMetrics().ServiceMetrics)();
  const orgs: ScheduledOrg[] = [];
  const served: ServiceOrg[] = [];
  // By state file (two configs must not share one), and by config (each dealership's state and time zone).
  const statePaths = new Map<string, string>();
  const servedStates = new Map<string, ServedState>();
  const skipped: Array<{ config: string; problem: string }> = [];
  const apiUsage = new Map<string, number>();
  for (const file of configFiles(options, ctx)) {
    let config;
    try {
      config = loadConfig(file, { cwd: ctx.cwd });
    } catch (error) {
      if (options.strict === true || !(error instanceof CoachError)) throw error;
      ctx.err(`Skipping ${file}, which cannot be served:\n`);
      reportError(ctx, error);
      skipped.push({ config: file, problem: error.code });
      continue;
    }
    const state = resolve(ctx.cwd, config.state.path);
    const other = statePaths.get(state);
    if (other !== undefined)
      throw usage(`${file} and ${other} share the state file ${state}.`, 'Give each dealership its own state.path.');
    statePaths.set(state, file);
    const timeZone = config.schedule.timeZone ?? config.dealership.timeZone;
    orgs.push({
      name: file,
      cron: config.schedule.cron,
      timeZone,
      run: async (runId, stop) => {
        const started = Date.now();
        const seconds = (): number => (Date.now() - started) / 1000;
        try {
          const report = await executeSync(
            {
              config: file,
              runId,
              stop,
              progress: 'lines',
              brief: true,
              ...(options.logLevel ? { logLevel: options.logLevel } : {}),
            },
            ctx,
          );
          metrics.recordRun(file, report, seconds(), Date.now());
          if (report.apiUsage && report.apiUsage.limit > 0)
            apiUsage.set(file, report.apiUsage.used / report.apiUsage.limit);
        } catch (error) {
          metrics.recordFailure(file, runResultOf(error), seconds());
          throw error;
        }
      },
    });
    served.push({
      name: file,
      ticks: () => scheduler.ticksOf(file),
      problem: readinessProblem({
        statePath: state,
        maxApiUsage: config.sync.maxApiUsage,
        apiUsage: () => apiUsage.get(file) ?? null,
      }),
    });
    servedStates.set(file, { path: state, timeZone: config.dealership.timeZone });
  }
  if (orgs.length === 0)
    throw usage('No config could be loaded: nothing to schedule.', 'Fix the configs reported above.');

  const scheduler = new SyncScheduler(
    orgs,
    maxConcurrent,
    {
      onSkip: (org) => logger.warn('A scheduled run was skipped: the previous one is still running', { config: org }),
      onMissed: (org, at) =>
        logger.warn('A scheduled run was missed: the process was blocked or asleep past its time', {
          config: org,
          due: at.toISOString(),
        }),
      onError: (org, error) =>
        stoppedAtCheckpoint(error)
          ? logger.info('A run stopped at a checkpoint; the next run continues from there', { config: org })
          : logger.error('A scheduled run failed', {
              config: org,
              code: error instanceof CoachError ? error.code : 'UNEXPECTED',
              error: error instanceof Error ? error.message : String(error),
            }),
    },
    undefined,
    () => newRunId(Date.now()),
  );
  const app = serviceHttp().serviceApp({
    orgs: served,
    runNow: (org) => scheduler.runNow(org),
    runs: (org, limit) => runsOf(servedStates.get(org)?.path, limit),
    scorecard: scorecardSource(servedStates, ctx),
    analysis: analysisSource(servedStates, ctx),
    registry: metrics.registry,
    token,
    skipped,
    // Writes (a run started by hand) are worth a line at info; probes and scrapes come every few seconds.
    log: (method, path, status, ms) =>
      logger[method === 'GET' ? 'debug' : 'info']('HTTP request', { method, path, status, ms }),
    now: () => Date.now(),
  });
  const serveLock = holdStateFiles([...statePaths.keys()], logger);
  let server: Server;
  try {
    server = await listen(app, port, options.host ?? DEFAULT_HOST);
  } catch (error) {
    serveLock.release();
    throw error;
  }
  scheduler.start();
  const address = server.address();
  const where = typeof address === 'object' && address !== null ? `http://${address.address}:${address.port}` : '';
  ctx.out(
    `Serving ${orgs.length} ${orgs.length === 1 ? 'dealership' : 'dealerships'}, at most ${maxConcurrent} runs at once, on ${where}:\n` +
      orgs.map((org) => `  ${org.name}: "${org.cron}" (${org.timeZone})\n`).join(''),
  );
  const signal = await (ctx.shutdown ?? processShutdown());
  ctx.out(`${signal}: no new runs; ${scheduler.inProgress().length} running stop at their next checkpoint.\n`);
  await scheduler.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  serveLock.release();
  ctx.out('Stopped.\n');
}

export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('Run scheduled syncs for one or many dealerships (one config each) until SIGTERM or SIGINT.')
    .addOption(
      new Option('-c, --config <files...>', 'config files, one per dealership (default config/dealership.yaml)'),
    )
    .addOption(
      new Option('--config-dir <dir>', 'every .yaml, .yml and .json config in this folder').conflicts('config'),
    )
    .option('--max-concurrent <n>', `runs at once across dealerships (default ${DEFAULT_MAX_CONCURRENT})`)
    .option('--strict', 'refuse to start when any config has a problem (default: report it and serve the others)')
    .option(
      '--port <n>',
      `HTTP port for /healthz, /readyz, /metrics, /runs and /scorecard (default ${DEFAULT_PORT}; 0: any free port)`,
    )
    .option('--host <address>', `address to listen on (default ${DEFAULT_HOST}: this machine only)`)
    .addOption(logLevelOption())
    .action(async (options: ServeOptions) => {
      await serve(options, ctx);
    });
}

const stoppedAtCheckpoint = (error: unknown): boolean => error instanceof CoachError && error.code === 'RUN_STOPPED';

/** The org's last runs from its state file, read alongside the syncs (SQLite WAL lets readers in); none before one. */
function runsOf(statePath: string | undefined, limit: number): RunSummary[] {
  if (statePath === undefined || !existsSync(statePath)) return [];
  const state = openStateStore(statePath);
  try {
    return state.listRuns(limit);
  } finally {
    state.close();
  }
}

/** The HTTP server on its port; a port taken or an address this machine lacks is said plainly (exit 2). */
function listen(app: Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => {
      if (!error) return resolve(server);
      reject(
        usage(
          `Cannot listen on ${host}:${port}: ${error.message}.`,
          'Pass another --port (0: any free one), or stop what holds it.',
        ),
      );
    });
  });
}
