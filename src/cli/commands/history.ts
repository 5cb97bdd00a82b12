import type { Command } from 'commander';
import { CoachError, ExitCode } from '../../lib/errors';
import type { RunSummary } from '../../sync/ports';
import type { CliContext } from '../context';
import { configOption, jsonOption, stateOption } from '../options';
import { assertSynced, loadModel, openSyncedState, type OrgCommandOptions } from '../run-context';
import { number, tableLines } from '../wording';

export interface HistoryOptions extends Pick<OrgCommandOptions, 'config' | 'state'> {
  json?: boolean;
  limit?: string;
}

const DEFAULT_LIMIT = 20;

/** "12.4 s", "3 min 05 s": how long a run took; "running" while it has not finished. */
function duration(run: RunSummary): string {
  if (run.finishedAt === null) return run.result === 'running' ? 'running' : '–';
  const seconds = Math.max(0, (run.finishedAt - run.startedAt) / 1000);
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
}

/** The last runs of an org, newest first: when, result, how long, what was read per object, written, API calls. */
export function renderHistory(runs: readonly RunSummary[], timeZone: string): string {
  const when = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const rows = runs.map((run) => [
    when.format(new Date(run.startedAt)).replace(',', ''),
    run.result,
    duration(run),
    number(run.recordsRead),
    `${number(run.writes.created)} / ${number(run.writes.updated)} / ${number(run.writes.failed)}`,
    number(run.apiCalls),
    run.reads
      .filter((read) => read.records + read.deleted > 0)
      .map((read) => `${read.object} ${number(read.records + read.deleted)}`)
      .join(', '),
  ]);
  const header = ['started', 'result', 'took', 'read', 'created / updated / failed', 'API calls', 'read per object'];
  const errors = runs.flatMap((run) => run.errors.slice(0, 3).map((error) => `  ${run.runId}: ${error}`));
  return `${[
    `Last ${runs.length} ${runs.length === 1 ? 'run' : 'runs'}, newest first (times in ${timeZone}):`,
    ...tableLines([header, ...rows]),
    ...(errors.length > 0 ? ['', 'Errors (the first three of each run):', ...errors] : []),
  ].join('\n')}\n`;
}

export function registerHistory(program: Command, ctx: CliContext): void {
  program
    .command('history')
    .description('List the last sync runs from the state: when, result, duration, records read per object, writes.')
    .addOption(configOption())
    .addOption(stateOption())
    .option('--limit <n>', `how many runs, newest first (default ${DEFAULT_LIMIT})`)
    .addOption(jsonOption('the runs'))
    .action((options: HistoryOptions) => {
      const limit = options.limit === undefined ? DEFAULT_LIMIT : Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) {
        throw new CoachError({
          code: 'USAGE_BAD_LIMIT',
          message: `--limit "${options.limit ?? ''}" is not a whole number of runs.`,
          actions: [`Pass a number of 1 or more, e.g. --limit ${DEFAULT_LIMIT}.`],
          exitCode: ExitCode.usage,
        });
      }
      const { config, model } = loadModel(options, ctx);
      const state = openSyncedState(options, config, ctx);
      try {
        assertSynced(state, options);
        const runs = state.listRuns(limit);
        ctx.out(
          options.json === true ? `${JSON.stringify(runs, null, 2)}\n` : renderHistory(runs, model.dealership.timeZone),
        );
      } finally {
        state.close();
      }
    });
}
