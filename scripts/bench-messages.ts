/**
 * The messages the benchmark's child processes send (bench-org.ts: the sandbox; bench-sync.ts:
 * one connector run), kept apart from the children's entry files so that the parent imports
 * types without running a child's main.
 */
import type { Message } from './bench-ipc';
import type { ChangeCounts } from './bench-changes';

/** The sandbox is seeded and listening. */
export interface OrgReady extends Message {
  kind: 'ready';
  url: string;
  clientId: string;
  clientSecret: string;
  counts: Record<string, number>;
  seedMs: number;
}
export interface ClockAnswer extends Message {
  kind: 'clock';
  now: number;
}
export interface TokenAnswer extends Message {
  kind: 'token';
  accessToken: string;
}
export interface UsageAnswer extends Message {
  kind: 'usage';
  /** API calls the org counted since it started, in total and per kind. */
  total: number;
  byKind: Record<string, number>;
  peakRssBytes: number;
}
export interface ChangeAnswer extends Message {
  kind: 'change';
  changed: ChangeCounts;
}

/** A log line of the run that marks a phase (times are epoch ms with sub-ms precision). */
export interface LogMarker {
  atMs: number;
  level: string;
  message: string;
  object?: string;
  /** The main thread's heap when the line was written (bytes). */
  heapUsedBytes: number;
  /** Everything else the line said (counts), as logged. */
  fields: Record<string, unknown>;
}

/** The main thread's memory, sampled by a timer (so not while a synchronous phase holds the thread). */
export interface HeapSample {
  atMs: number;
  heapUsedBytes: number;
  heapTotalBytes: number;
  /** Memory outside the V8 heap that V8 knows of: Buffers, ArrayBuffers. */
  externalBytes: number;
}

/** Bytes the process made the kernel read from and write to storage (/proc/self/io). */
export interface StorageIo {
  readBytes: number;
  writeBytes: number;
}

/** What one connector run reports when the CLI command has returned. */
export interface SyncResult extends Message {
  kind: 'result';
  exitCode: number;
  /** What `sync --json` printed. */
  stdout: string;
  /** The command's own start and end (epoch ms): process start-up and exit are outside. */
  commandStartMs: number;
  commandEndMs: number;
  maxRssBytes: number;
  /**
   * CPU time of the whole process so far (user + system, every thread: tsx's loader and V8's helpers too). On a
   * loaded machine the wall includes waiting for a core; this does not.
   */
  cpuMs: number;
  markers: LogMarker[];
  heap: HeapSample[];
  /** Storage I/O of the whole command (the state file, mostly); null where /proc has none. */
  io: StorageIo | null;
  /** Same instant on two clocks, to place CPU profile samples (monotonic µs) on the epoch. */
  clockAnchor: { epochMs: number; monotonicUs: number };
}
