/**
 * `serve`: scheduled syncs for one or many dealerships in one process (issue 11). Each config is one org with its
 * own state file and its own `schedule` (cron and time zone); the runs are the `sync` command's, scheduled by
 * SyncScheduler: no overlap per org, at most `--max-concurrent` at once. A config that does not load is reported
 * and skipped (`--strict`: nothing starts). On SIGTERM or SIGINT it stops scheduling, lets the running syncs end,
 * and exits 0. Each run stores its progress as `sync` does, so a stop loses nothing the next run cannot finish.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../../config';
import { CoachError, ExitCode } from '../../lib/errors';
import { processShutdown, reportError, type CliContext } from '../context';
import { logLevelOption } from '../options';
import { loggerFor } from '../run-context';
import { type ScheduledOrg, SyncScheduler } from '../scheduler';
import { executeSync } from './sync';

export interface ServeOptions {
  config?: string[];
  configDir?: string;
  maxConcurrent?: string;
  strict?: boolean;
  logLevel?: string;
}

const DEFAULT_MAX_CONCURRENT = 2;
const CONFIG_FILE = /\.(ya?ml|json)$/i;

function usage(message: string, action: string): CoachError {
  return new CoachError({ code: 'USAGE_SERVE', message, actions: [action], exitCode: ExitCode.usage });
}

/** The config files named, or every YAML and JSON file of the directory, in name order. */
function configFiles(options: ServeOptions, ctx: CliContext): string[] {
  if (options.configDir !== undefined) {
    const dir = resolve(ctx.cwd, options.configDir);
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

  const orgs: ScheduledOrg[] = [];
  const statePaths = new Map<string, string>();
  for (const file of configFiles(options, ctx)) {
    let config;
    try {
      config = loadConfig(file, { cwd: ctx.cwd });
    } catch (error) {
      if (options.strict === true || !(error instanceof CoachError)) throw error;
      ctx.err(`Skipping ${file}, which cannot be served:\n`);
      reportError(ctx, error);
      continue;
    }
    const state = resolve(ctx.cwd, config.state.path);
    const other = statePaths.get(state);
    if (other !== undefined)
      throw usage(`${file} and ${other} share the state file ${state}.`, 'Give each dealership its own state.path.');
    statePaths.set(state, file);
    orgs.push({
      name: file,
      cron: config.schedule.cron,
      timeZone: config.schedule.timeZone ?? config.dealership.timeZone,
      run: async () => {
        await executeSync({ config: file, ...(options.logLevel ? { logLevel: options.logLevel } : {}) }, ctx);
      },
    });
  }
  if (orgs.length === 0)
    throw usage('No config could be loaded: nothing to schedule.', 'Fix the configs reported above.');

  const scheduler = new SyncScheduler(orgs, maxConcurrent, {
    onSkip: (org) => logger.warn('A scheduled run was skipped: the previous one is still running', { config: org }),
    onError: (org, error) =>
      logger.error('A scheduled run failed', {
        config: org,
        code: error instanceof CoachError ? error.code : 'UNEXPECTED',
        error: error instanceof Error ? error.message : String(error),
      }),
  });
  scheduler.start();
  ctx.out(
    `Serving ${orgs.length} ${orgs.length === 1 ? 'dealership' : 'dealerships'}, at most ${maxConcurrent} runs at once:\n` +
      orgs.map((org) => `  ${org.name}: "${org.cron}" (${org.timeZone})\n`).join(''),
  );
  const signal = await (ctx.shutdown ?? processShutdown());
  ctx.out(`${signal}: no new runs; waiting for ${scheduler.inProgress().length} running to end.\n`);
  await scheduler.stop();
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
    .addOption(logLevelOption())
    .action(async (options: ServeOptions) => {
      await serve(options, ctx);
    });
}
