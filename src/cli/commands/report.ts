import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { coachingEffectiveness, compileMapper, type FlagScope, type WriteBackModel } from '../../core';
import { CoachError, ExitCode } from '../../lib/errors';
import type { StateStore } from '../../state/state-store';
import { computeFromState } from '../../sync/compute-phase';
import { coachedFlagsFrom } from '../../sync/flag-records';
import { type FlagFact, isFlagFact } from '../../sync/sync-facts';
import type { CliContext } from '../context';
import { type FlagTally, renderReport, type ReportInput, reportJson } from '../render-report';
import { assertSynced, clockFrom, loadModel, openSyncedState, type OrgCommandOptions } from '../run-context';
import { configOption, stateOption, nowOption, jsonOption } from '../options';
import { scorecardPage } from '../scorecard-page';
import { buildAnalysis } from './analyze';

export interface ReportOptions extends Pick<OrgCommandOptions, 'config' | 'state' | 'now'> {
  json?: boolean;
  /** Write the scorecard page here instead of printing the report. */
  html?: string;
}

/** Counts the org's coaching flags by status, as last read, and the open ones about whole teams. */
export function tallyFlags(state: StateStore, writeBack: WriteBackModel): FlagTally {
  return tallyOf(flagFacts(state, writeBack), writeBack);
}

function tallyOf(facts: readonly FlagFact[], writeBack: WriteBackModel): FlagTally {
  const { status: statusField, scope: scopeField } = writeBack.flagFields;
  const tally: FlagTally = { open: 0, openOnTeams: 0, committed: 0, improved: 0, notImproved: 0, resolved: 0 };
  for (const fact of facts) {
    const status = fact.record[statusField];
    if (status === 'New' || status === 'Committed' || status === 'Not Improved') {
      tally.open += 1;
      // A flag without a scope was written before teams were flagged: a rep's.
      if (fact.record[scopeField] === ('Team' satisfies FlagScope)) tally.openOnTeams += 1;
    }
    if (status === 'Committed') tally.committed += 1;
    if (status === 'Improved') tally.improved += 1;
    if (status === 'Not Improved') tally.notImproved += 1;
    if (status === 'Resolved') tally.resolved += 1;
  }
  return tally;
}

function flagFacts(state: StateStore, writeBack: WriteBackModel): FlagFact[] {
  return state
    .loadFacts({ object: writeBack.flagObject })
    .map(({ fact }) => fact)
    .filter(isFlagFact);
}

/** Computes the report from what the last syncs stored; it makes no call to Salesforce. */
export function buildReport(options: ReportOptions, ctx: CliContext, state?: StateStore): ReportInput {
  const { config, model } = loadModel(options, ctx);
  const store = state ?? openSyncedState(options, config, ctx);
  try {
    assertSynced(store, options);
    const computed = computeFromState({
      model,
      mapper: compileMapper(model),
      state: store,
      now: clockFrom(options.now).now(),
    });
    const flags = flagFacts(store, model.writeBack);
    return {
      model,
      coaching: computed.coaching,
      reps: computed.reps,
      names: computed.names,
      flags: tallyOf(flags, model.writeBack),
      effectiveness: coachingEffectiveness(coachedFlagsFrom(flags, model.writeBack)),
      openFlags: computed.openFlags,
    };
  } finally {
    if (!state) store.close();
  }
}

export function registerReport(program: Command, ctx: CliContext): void {
  program
    .command('report')
    .description(
      "Print each salesperson's funnel, measures against team and target, flags and goal plan, from the last sync.",
    )
    .addOption(configOption())
    .addOption(stateOption())
    .addOption(nowOption())
    .addOption(jsonOption('the report'))
    .addOption(
      new Option('--html <file>', 'write the scorecard page (HTML, no script) to this file instead').conflicts('json'),
    )
    .action((options: ReportOptions) => {
      const report = buildReport(options, ctx);
      if (options.html !== undefined) {
        // The page also shows `analyze` (its default outcome and lags): the whole history, read once more.
        const analysis = buildAnalysis({ config: options.config, state: options.state, now: options.now }, ctx);
        const written = writePage(resolve(ctx.cwd, options.html), scorecardPage(report, analysis));
        ctx.out(`Wrote the scorecard page to ${written}.\n`);
        return;
      }
      ctx.out(options.json === true ? `${JSON.stringify(reportJson(report), null, 2)}\n` : renderReport(report));
    });
}

/**
 * Writes the page beside its destination and renames it into place, so that a web server serving the file while a
 * cron job rewrites it never sends half a page. A path that cannot be written is a usage error (exit 2).
 */
function writePage(path: string, html: string): string {
  const partial = `${path}.${process.pid}.partial`;
  try {
    writeFileSync(partial, html);
    renameSync(partial, path);
    return path;
  } catch (error) {
    rmSync(partial, { force: true });
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new CoachError({
      code: 'USAGE_HTML_PATH',
      message: `Cannot write the scorecard page to ${path} (${reason}).`,
      actions: ['Pass --html a file name in a folder that exists and that this user may write to.'],
      exitCode: ExitCode.usage,
      cause: error,
    });
  }
}
