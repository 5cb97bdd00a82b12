import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { parseDocument } from 'yaml';
import { loadConfig, readTextFile } from '../../config';
import type { CliContext } from '../context';
import { sandboxServer } from '../on-demand';
import { renderReport } from '../render-report';
import { buildReport } from './report';
import { executeSync } from './sync';
import { configOption, DEFAULT_CONFIG_FILE, logLevelOption, wholeNumber } from '../options';

export interface DemoOptions {
  config: string;
  seed: string;
  reps: string;
  scale: string;
  /** Days of history the sandbox holds; the first sync reads them all. */
  days?: number;
  state?: string;
  logLevel?: string;
}

/**
 * The whole product in one command: the sandbox org starts in this process on a free port with
 * the seeded demo dealership, a first sync backfills and writes coaching back, a second sync
 * shows that an unchanged org costs one query per object and no writes, and the report prints
 * what a manager would see. The connector logs in with OAuth client credentials, as a server
 * would against a real org.
 */
export async function executeDemo(options: DemoOptions, ctx: CliContext): Promise<void> {
  const configFile = demoConfig(options.config, ctx.cwd);
  // A missing or broken config stops the demo here, with its own error and exit 2, before the sandbox starts.
  loadConfig(configFile, { cwd: ctx.cwd });
  const sandbox = await sandboxServer().startSandbox({
    port: 0,
    seed: {
      seed: Number(options.seed),
      reps: Number(options.reps),
      scale: Number(options.scale),
      ...(options.days === undefined ? {} : { days: options.days }),
    },
  });
  const scratch = mkdtempSync(path.join(tmpdir(), 'execution-coach-demo-'));
  const statePath = options.state ?? path.join(scratch, 'state.db');
  const config =
    options.days === undefined ? configFile : backfillAll(path.resolve(ctx.cwd, configFile), options.days, scratch);
  const env = {
    ...ctx.env,
    SF_LOGIN_URL: sandbox.url,
    SF_CLIENT_ID: sandbox.clientId,
    SF_CLIENT_SECRET: sandbox.clientSecret,
    SF_INSTANCE_URL: undefined,
    SF_ACCESS_TOKEN: undefined,
    // A file variable left in the shell would clash with the sandbox's secret (both set) or take over from it.
    SF_CLIENT_SECRET_FILE: undefined,
    SF_ACCESS_TOKEN_FILE: undefined,
  };
  const demoCtx: CliContext = { ...ctx, env };
  try {
    const seeded = sandbox.seeded;
    const records = seeded ? Object.values(seeded.records).reduce((a, b) => a + b, 0) : 0;
    ctx.out(
      `Sandbox org at ${sandbox.url}: the demo dealership, ${records.toLocaleString('en-US')} records (seed ${options.seed}).\n`,
    );
    if (seeded) {
      const planted = seeded.profiles.filter((p) => p.profile !== 'strong' && p.profile !== 'ordinary');
      ctx.out(`Planted profiles: ${planted.map((p) => `${p.name} (${p.profile.replace('_', ' ')})`).join(', ')}.\n`);
    }
    const sync = {
      config,
      state: statePath,
      live: true,
      ...(options.logLevel ? { logLevel: options.logLevel } : { logLevel: 'warn' }),
    };
    ctx.out('\n== First sync: backfill, measure, write coaching back ==\n');
    await executeSync(sync, demoCtx);
    ctx.out('\n== Second sync: nothing changed, so it reads one page per object and writes nothing ==\n');
    await executeSync(sync, demoCtx);
    ctx.out('\n== Report ==\n');
    ctx.out(renderReport(buildReport({ config, state: statePath }, demoCtx)));
    ctx.out(
      `\nThe sandbox is stopped now. Run \`npx execution-coach sandbox\` to keep one running and point any Salesforce client at it.\n`,
    );
  } finally {
    await sandbox.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * A copy of the config whose first sync reads `days` of history: a longer demo is for
 * `analyze`, which needs months of weeks, and the reference config reads 90 days. The copy sits
 * in the demo's scratch folder; the demo names the state file itself, so the config's one
 * relative path (state.path) is not used.
 */
function backfillAll(file: string, days: number, scratch: string): string {
  const doc = parseDocument(readTextFile(file));
  doc.setIn(['sync', 'backfillDays'], days);
  const copy = path.join(scratch, path.basename(file));
  writeFileSync(copy, String(doc));
  return copy;
}

/** The package's own reference config, whatever the working directory (dist/cli/commands or src/cli/commands). */
const PACKAGED_CONFIG = path.resolve(__dirname, '../../..', DEFAULT_CONFIG_FILE);

/**
 * The demo shows the reference config: `npx execution-coach demo` run outside a clone of the repository has no
 * config/dealership.yaml of its own, so the default falls back to the one the package ships. A config the user names
 * is theirs to get right.
 */
function demoConfig(file: string, cwd: string): string {
  if (file !== DEFAULT_CONFIG_FILE || existsSync(path.resolve(cwd, file))) return file;
  return PACKAGED_CONFIG;
}

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description('Start the sandbox org with the demo dealership, sync twice, and print the coaching report.')
    .addOption(configOption())
    .option('--seed <n>', 'seed of the demo data', '1')
    .option('--reps <n>', 'salespeople in the demo dealership', '12')
    .option('--scale <n>', 'volume multiplier', '1')
    .option(
      '--days <n>',
      'days of history, all read by the first sync (default 90; analyze wants a year, 365)',
      wholeNumber('--days', 1),
    )
    .option('--state <path>', 'keep the state in this file (default: a temporary file, removed at the end)')
    .addOption(logLevelOption())
    .action(async (options: DemoOptions) => {
      await executeDemo(options, ctx);
    });
}
