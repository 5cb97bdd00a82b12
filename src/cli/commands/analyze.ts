import { type Command, Option } from 'commander';
import {
  analysisTable,
  analyzeStore,
  calibrateTargets,
  compileMapper,
  DEFAULT_LAG,
  type StoreAnalysis,
  type StoreAnalysisInput,
  type StoreTargets,
} from '../../core';
import { CoachError, ExitCode } from '../../lib/errors';
import { isUserFact } from '../../sync/sync-facts';
import type { CliContext } from '../context';
import { configPatch } from '../config-patch';
import type { ScorecardAnalysis } from '../scorecard-analysis';
import { analysisJson, renderAnalysis } from '../render-analysis';
import { renderTargets, targetsJson } from '../render-targets';
import { assertSynced, clockFrom, loadModel, openSyncedState, type OrgCommandOptions } from '../run-context';
import { configOption, DEFAULT_CONFIG_FILE, jsonOption, nowOption, stateOption } from '../options';
import { studentTQuantile } from '../../lib/student-t';

export interface AnalyzeOptions extends Pick<OrgCommandOptions, 'config' | 'state' | 'now'> {
  json?: boolean;
  outcome?: string;
  lags?: string;
  suggestConfig?: boolean;
}

/** `--lags 1-4`: whole weeks after the activity week, 1 ≤ from ≤ to ≤ 13 (a quarter). */
export function parseLags(text: string | undefined): { from: number; to: number } {
  if (text === undefined) return { ...DEFAULT_LAG };
  const match = /^(\d{1,2})(?:-(\d{1,2}))?$/.exec(text.trim());
  const from = Number(match?.[1]);
  const to = Number(match?.[2] ?? match?.[1]);
  if (match === null || from < 1 || to < from || to > 13)
    throw new CoachError({
      code: 'USAGE_BAD_LAGS',
      message: `--lags "${text}" is not a window of weeks after the activity week.`,
      actions: ['Pass two whole weeks from-to with 1 ≤ from ≤ to ≤ 13, e.g. --lags 1-4 (or one week, e.g. --lags 2).'],
      exitCode: ExitCode.usage,
    });
  return { from, to };
}

/** The analysis of the whole history the state holds, as the scorecard page shows it; no call to Salesforce. */
export function buildAnalysis(options: AnalyzeOptions, ctx: CliContext): ScorecardAnalysis {
  const { analysis, stepLabel } = analyzeState(options, ctx);
  return { analysis, stepLabel };
}

/** The analysis and the targets calibrated on the same events, as `analyze` prints them. */
function buildAnalysisAndTargets(
  options: AnalyzeOptions,
  ctx: CliContext,
): ScorecardAnalysis & { targets: StoreTargets } {
  const { input, analysis, stepLabel } = analyzeState(options, ctx);
  return { analysis, stepLabel, targets: calibrateTargets(input, analysis) };
}

/**
 * The analysis with the inputs it was made from, which the targets reuse (the events and their sorted table) and the
 * scorecard page does not need: the page's cached analysis does not hold a year of events.
 */
function analyzeState(
  options: AnalyzeOptions,
  ctx: CliContext,
): { input: StoreAnalysisInput; analysis: StoreAnalysis; stepLabel: (id: string) => string } {
  const { config, model } = loadModel(options, ctx);
  const lag = parseLags(options.lags);
  const outcomeStep = options.outcome ?? model.goals.step;
  if (!model.steps.some((s) => s.id === outcomeStep))
    throw new CoachError({
      code: 'USAGE_UNKNOWN_OUTCOME',
      message: `--outcome "${outcomeStep}" is not a step of the config.`,
      actions: [`Pass one of the config's steps: ${model.steps.map((s) => s.id).join(', ')}.`],
      exitCode: ExitCode.usage,
    });
  const state = openSyncedState(options, config, ctx);
  try {
    assertSynced(state, options);
    const users = state
      .loadFacts({ object: 'User' })
      .map(({ fact }) => fact)
      .filter(isUserFact)
      .map((fact) => fact.record);
    const reps = compileMapper(model).mapUsers(users);
    const events = state.loadEventColumns();
    const now = clockFrom(options.now).now();
    // One table for the analysis and the targets: building it sorts every event.
    const table = analysisTable({ model, reps, events });
    const input = { model, reps, events, now, outcomeStep, lag, table, tQuantile: studentTQuantile };
    return {
      input,
      analysis: analyzeStore(input),
      stepLabel: (id) => model.steps.find((s) => s.id === id)?.label ?? id,
    };
  } finally {
    state.close();
  }
}

export function registerAnalyze(program: Command, ctx: CliContext): void {
  program
    .command('analyze')
    .description(
      'Rank which activities predict sales in this store, from the whole history the state holds (no call to Salesforce).',
    )
    .addOption(configOption())
    .addOption(stateOption())
    .addOption(nowOption())
    .addOption(jsonOption('the analysis'))
    .addOption(new Option('--outcome <step>', 'the result step (default: the goals step, e.g. sold)'))
    .addOption(new Option('--lags <from-to>', 'weeks after the activity week whose outcome counts').default('1-4'))
    .addOption(
      new Option(
        '--suggest-config',
        'print the targets to change, measures to drop or add as a YAML patch to review (the config is not touched)',
      ).conflicts('json'),
    )
    .action((options: AnalyzeOptions) => {
      const { analysis, targets, stepLabel } = buildAnalysisAndTargets(options, ctx);
      if (options.suggestConfig === true) {
        ctx.out(configPatch(targets, { configPath: options.config ?? DEFAULT_CONFIG_FILE, analysis, stepLabel }));
        return;
      }
      ctx.out(
        options.json === true
          ? `${JSON.stringify({ ...(analysisJson(analysis) as object), targets: targetsJson(targets) }, null, 2)}\n`
          : `${renderAnalysis(analysis, stepLabel)}\n${renderTargets(targets, stepLabel(analysis.outcomeStep), stepLabel).join('\n')}`,
      );
    });
}
