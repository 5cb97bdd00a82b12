/**
 * What every bench entry point does around its work: a scratch folder removed on exit (kept with `--keep`), its
 * children killed on exit or Ctrl+C, and a first line naming the machine and its load, since every figure after it
 * is read against them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { ChildSet } from './bench-ipc';

export interface BenchScratch {
  readonly children: ChildSet;
  readonly scratch: string;
}

/** Runs `work` with a fresh scratch folder `prefix…` and a child set, and cleans both up however it ends. */
export async function withBenchScratch(
  prefix: string,
  keep: boolean,
  progress: (line: string) => void,
  work: (bench: BenchScratch) => Promise<void>,
): Promise<void> {
  const children = new ChildSet();
  const scratch = mkdtempSync(path.join(tmpdir(), prefix));
  const cleanUp = (): void => {
    children.killAll();
    if (!keep) rmSync(scratch, { recursive: true, force: true });
  };
  process.once('exit', cleanUp);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  try {
    progress(machineLine(scratch));
    await work({ children, scratch });
    if (keep) process.stdout.write(`Scratch kept: ${scratch}\n`);
  } finally {
    cleanUp();
  }
}

export function machineLine(scratch: string): string {
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `node ${process.version}, ${cpus().length} CPUs, load average ${load}; scratch ${scratch}`;
}
