/** Helpers for the `serve` stories: a config on a per-second schedule, the runs in a state file, and polling. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStateStore } from '../../src/state/state-store';
import type { RunSummary } from '../../src/sync/ports';
import { CONFIG, type DemoOrg } from './support';

export interface EverySecondOptions {
  /** writeBack.mode live (default: the reference config's preview, which writes nothing). */
  live?: boolean;
  /** sync.pageSize (a small page makes a read span many requests). */
  pageSize?: number;
  /** Where its state goes (default: `<name>.db` in the org's scratch directory). */
  statePath?: string;
}

/** A copy of the reference config that syncs every second into a state file of its own; returns its path. */
export function everySecond(org: DemoOrg, name: string, options: EverySecondOptions = {}): string {
  let text = readFileSync(CONFIG, 'utf8')
    .replace('cron: "0 * * * *"', 'cron: "* * * * * *"')
    .replace(
      /path: \.\.\/\.state\/execution-coach\.db/,
      `path: ${options.statePath ?? path.join(org.dir, `${name}.db`)}`,
    );
  if (options.live === true) text = text.replace(/^(\s+mode:\s*)preview/m, '$1live');
  if (options.pageSize !== undefined) text = text.replace(/^(\s+pageSize:\s*)\d+/m, `$1${options.pageSize}`);
  const file = path.join(org.dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}

/** The runs a state file holds, newest first; none before the file exists. */
export function runsIn(statePath: string): RunSummary[] {
  if (!existsSync(statePath)) return [];
  const store = openStateStore(statePath);
  try {
    return store.listRuns(50);
  } finally {
    store.close();
  }
}

/** Polls `attempt` (if any) every 200 ms until `condition` holds. */
export async function until(
  condition: () => boolean,
  timeoutMs = 30_000,
  attempt?: () => Promise<void>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (attempt) await attempt();
    if (condition()) return;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
