import type { Command } from 'commander';
import {
  configInvalidError,
  loadConfig,
  renderSummary,
  summarizeConfig,
  type Config,
  type ConfigProblem,
} from '../../config';
import { isCoachError } from '../../lib/errors';
import type { CliContext } from '../context';
import { orgCheck } from '../org-check';
import { loggerFor } from '../run-context';
import { configOption, targetOrgOption, logLevelOption, jsonOption } from '../options';

/**
 * A check run after the file itself is valid. `--org` (validation against the org's describe:
 * objects, fields, picklist values) will be one: it returns problems in the same form, which
 * are reported exactly like the file's own.
 */
/** A check beyond the file itself: the problems it found, and lines saying what it checked (shown when all is well). */
export interface CheckResult {
  problems: readonly ConfigProblem[];
  checked: readonly string[];
}

export type ConfigCheck = (config: Config, file: string) => Promise<CheckResult>;

export interface ValidateOptions {
  config: string;
  json?: boolean;
  /** Also check every name against the org's describe. */
  org?: boolean;
  targetOrg?: string;
  logLevel?: string;
}

export interface ValidateDeps {
  load: (file: string, cwd: string) => Config;
  checks: readonly ConfigCheck[];
}

const defaultDeps: ValidateDeps = {
  load: (file, cwd) => loadConfig(file, { cwd }),
  checks: [],
};

/** Loads and checks the config; prints the summary, or lets the CONFIG_* error reach the CLI (exit 2). */
export async function runValidate(
  options: ValidateOptions,
  ctx: CliContext,
  deps: ValidateDeps = defaultDeps,
): Promise<void> {
  try {
    const config = deps.load(options.config, ctx.cwd);
    const results = await Promise.all(deps.checks.map((check) => check(config, options.config)));
    const problems = results.flatMap((result) => result.problems);
    if (problems.length > 0) throw configInvalidError(options.config, problems, validateCommand(options));
    const summary = summarizeConfig(config);
    const checked = results.flatMap((result) => result.checked);
    ctx.out(
      options.json === true
        ? `${JSON.stringify({ ok: true, file: options.config, summary, checked }, null, 2)}\n`
        : `${renderSummary(options.config, summary)}${checked.map((line) => `${line}\n`).join('')}`,
    );
  } catch (error) {
    // With --json a machine reads stdout: it gets the problems there too; the CLI still prints them to stderr.
    if (options.json === true && isCoachError(error))
      ctx.out(`${JSON.stringify({ ok: false, error: error.toJSON() }, null, 2)}\n`);
    throw error;
  }
}

/** The validate command as given, so that the hint to check again checks the org again too. */
function validateCommand(options: ValidateOptions): string {
  const org = options.org === true || options.targetOrg !== undefined ? ' --org' : '';
  const target = options.targetOrg === undefined ? '' : ` --target-org ${options.targetOrg}`;
  return `execution-coach validate --config ${options.config}${org}${target}`;
}

export function registerValidate(program: Command, ctx: CliContext): void {
  program
    .command('validate')
    .description('Check the config file: every problem with its line, or a summary of steps, measures and targets.')
    .addOption(configOption())
    .addOption(jsonOption('the result'))
    .option(
      '--org',
      'also check objects, fields, picklist values and external ids against the org (needs a login, see README)',
    )
    .addOption(targetOrgOption('with --org: '))
    .addOption(logLevelOption())
    .action((options: ValidateOptions) =>
      runValidate(options, ctx, {
        ...defaultDeps,
        checks:
          options.org === true || options.targetOrg !== undefined
            ? [orgCheck(options, ctx, (config) => loggerFor(ctx, options.logLevel ?? 'warn', config))]
            : [],
      }),
    );
}
