import type { Command } from 'commander';
import { type CoachModel, type Counter, plainLine } from '../../core';
import { openStateStore } from '../../state/state-store';
import { RecordingWriter } from '../../sync/recording-writer';
import type { RunReport } from '../../sync/run-cycle';
import type { CliContext } from '../context';
import { loadModel, type OrgCommandOptions, runAgainstOrg } from '../run-context';
import { configOption, nowOption, targetOrgOption, logLevelOption, jsonOption } from '../options';
import { badRecordsLine, silentStepWarnings } from '../render-run';

export interface PreviewOptions extends Pick<OrgCommandOptions, 'config' | 'now' | 'targetOrg' | 'logLevel'> {
  json?: boolean;
}

const n = (value: number | undefined): string => (value ?? 0).toLocaleString('en-US');
const sortedEntries = (counter: Counter): Array<[string, number]> =>
  Object.entries(counter).sort((a, b) => b[1] - a[1]);

/** How the org's records map onto the steps: matches per step, what was skipped and why, values no step uses. */
export function renderPreview(report: RunReport, model: CoachModel): string {
  const stats = report.mapStats;
  const lines = [
    `Mapping of ${report.reads.reduce((s, r) => s + r.records, 0).toLocaleString('en-US')} records (the backfill window), by step:`,
  ];
  lines.push(`  ${'step'.padEnd(20)} ${'object'.padEnd(20)} ${'events'.padStart(9)}  skipped: no user / no time`);
  for (const step of model.steps) {
    lines.push(
      `  ${step.id.padEnd(20)} ${step.object.padEnd(20)} ${n(stats.events[step.id]).padStart(9)}  ${n(stats.missingUser[step.id])} / ${n(stats.missingTime[step.id])}`,
    );
  }
  lines.push('Records read per object (of which written by Execution Coach, not counted as activity):');
  for (const [object, count] of sortedEntries(stats.records))
    lines.push(`  ${object.padEnd(20)} ${n(count).padStart(9)}  (${n(stats.ownRecords[object])})`);
  const bad = badRecordsLine(stats.bad);
  if (bad !== null) lines.push(bad);
  const unmatched = Object.entries(stats.unmatchedValues);
  lines.push(
    unmatched.length === 0
      ? 'Every value of a matched field is used by some step.'
      : 'Values no step uses (map them in the config if they are steps to the sale):',
  );
  for (const [field, counter] of unmatched.sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(
      `  ${field}: ${sortedEntries(counter)
        .map(([value, count]) => `"${plainLine(value)}" ${n(count)}`)
        .join(', ')}`,
    );
  }
  const coaching = report.coaching;
  if (coaching) {
    const funnel = model.goals.funnel;
    lines.push(`Funnel per person, ${coaching.window.startDate} – ${coaching.window.endDate}:`);
    lines.push(`  ${'name'.padEnd(24)} ${funnel.map((s) => s.slice(0, 12).padStart(12)).join(' ')}`);
    for (const plan of coaching.plans) {
      lines.push(`  ${plan.name.slice(0, 24).padEnd(24)} ${plan.steps.map((s) => n(s.sample).padStart(12)).join(' ')}`);
    }
    lines.push(
      ...silentStepWarnings(
        coaching.silentSteps,
        'Map it to a value the org logs (see the values no step uses above).',
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Reads the whole backfill window into a throwaway in-memory state; its writer records what a
 * live run would send and drops it, so nothing is written anywhere.
 */
export async function executePreview(options: PreviewOptions, ctx: CliContext): Promise<RunReport> {
  const loaded = loadModel(options, ctx);
  const state = openStateStore(':memory:');
  try {
    const report = await runAgainstOrg({ ...options, logLevel: options.logLevel ?? 'warn' }, loaded, ctx, {
      state,
      writer: (org) => new RecordingWriter(org),
      lockHolder: () => null,
    });
    ctx.out(
      options.json === true
        ? `${JSON.stringify({ mapping: report.mapStats, reads: report.reads, silentSteps: report.coaching?.silentSteps ?? [] }, null, 2)}\n`
        : renderPreview(report, loaded.model),
    );
    return report;
  } finally {
    state.close();
  }
}

export function registerPreview(program: Command, ctx: CliContext): void {
  program
    .command('preview')
    .description(
      "Show how the org's records map onto the steps: matches per step, skipped records, values no step uses, funnel per person.",
    )
    .addOption(configOption())
    .addOption(nowOption())
    .addOption(targetOrgOption())
    .addOption(jsonOption('the mapping statistics'))
    .addOption(logLevelOption())
    .action(async (options: PreviewOptions) => {
      await executePreview(options, ctx);
    });
}
