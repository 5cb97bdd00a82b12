/**
 * The connector side of `npm run bench`: one `execution-coach sync …` command (or `analyze …`,
 * for bench-analyze.ts), run through the CLI's own entry (runCli) in a process of its own, so
 * that its peak memory is the connector's alone. The command's output (`--json`) and its log
 * lines are captured rather than printed: the log lines mark the phases of the run (read per
 * object, computed, planned, written, finished) and are time-stamped here as they arrive. When
 * the command returns, the process reports its peak RSS and all of that to the benchmark over
 * IPC, then ends by itself (so that a CPU profile asked for with --cpu-prof is written).
 *
 * Usage (by bench.ts): bench-sync.ts sync --config … --state … --live --json --now … --log-level debug
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CliContext } from '../src/cli/context';
import { runCli } from '../src/cli/program';
import type { HeapSample, LogMarker, StorageIo, SyncResult } from './bench-messages';

const ROOT = path.resolve(__dirname, '..');
/** Heap sampling period: often enough to see the read phase's windows come and go. */
const HEAP_SAMPLE_MS = 250;

const epochNow = (): number => performance.timeOrigin + performance.now();

/** Splits what the logger writes into lines and keeps each JSON line as a marker. */
function logCollector(markers: LogMarker[]): (text: string) => void {
  let pending = '';
  return (text) => {
    pending += text;
    for (let newline = pending.indexOf('\n'); newline >= 0; newline = pending.indexOf('\n')) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      const marker = parseLine(line);
      if (marker) markers.push(marker);
      else if (line.trim() !== '') process.stderr.write(`${line}\n`);
    }
  };
}

function parseLine(line: string): LogMarker | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { level, message, object, timestamp: _timestamp, runId: _runId, ...fields } = parsed as Record<string, unknown>;
  if (typeof message !== 'string') return null;
  return {
    atMs: epochNow(),
    level: typeof level === 'string' ? level : 'info',
    message,
    ...(typeof object === 'string' ? { object } : {}),
    heapUsedBytes: process.memoryUsage().heapUsed,
    fields,
  };
}

/** This process's storage I/O so far, from /proc (Linux); null elsewhere. */
function storageIo(): StorageIo | null {
  try {
    const text = readFileSync('/proc/self/io', 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}: (\\d+)$`, 'm').exec(text)?.[1] ?? NaN);
    const io = { readBytes: field('read_bytes'), writeBytes: field('write_bytes') };
    return Number.isFinite(io.readBytes) && Number.isFinite(io.writeBytes) ? io : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const clockAnchor = { epochMs: epochNow(), monotonicUs: Number(process.hrtime.bigint() / 1000n) };
  const markers: LogMarker[] = [];
  let stdout = '';
  const ctx: CliContext = {
    out: (text) => void (stdout += text),
    err: logCollector(markers),
    env: process.env,
    cwd: ROOT,
    isTTY: false,
  };
  const heap: HeapSample[] = [];
  const sampleHeap = (): void => {
    const usage = process.memoryUsage();
    heap.push({
      atMs: epochNow(),
      heapUsedBytes: usage.heapUsed,
      heapTotalBytes: usage.heapTotal,
      externalBytes: usage.external,
    });
  };
  const timer = setInterval(sampleHeap, HEAP_SAMPLE_MS);
  const commandStartMs = epochNow();
  const exitCode = await runCli(process.argv.slice(2), ctx);
  clearInterval(timer);
  const usage = process.resourceUsage();
  const result: SyncResult = {
    kind: 'result',
    exitCode,
    stdout,
    commandStartMs,
    commandEndMs: epochNow(),
    maxRssBytes: usage.maxRSS * 1024,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    markers,
    heap,
    io: storageIo(),
    clockAnchor,
  };
  process.send?.(result, () => process.disconnect());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
  process.disconnect?.();
});
