/**
 * Hand-run benchmark of the state store (not part of the suite: it takes about a minute).
 *
 *   npx tsx test/state/state-store.bench.ts [--records 1000000] [--page 2000] [--order sequential|random]
 *
 * Applies N Task records of one event each in pages, reports records/s and the file size, then
 * loads all events as the core's columns in a fresh process and reports seconds and peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { StepEvent } from '../../src/core/model';
import type { StoredRecord } from '../../src/sync/ports';
import { openStateStore } from '../../src/state/state-store';

const STEPS = ['lead', 'attempt', 'contact', 'appointment_set', 'appointment_shown', 'demo', 'write_up', 'sold'];
const REPS = Array.from({ length: 60 }, (_, i) => `005${String(i).padStart(15, '0')}`);
const LEADS = 200_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 7, 1);

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    page: { type: 'string', default: '2000' },
    order: { type: 'string', default: 'sequential' },
    load: { type: 'string' },
  },
});

/** Deterministic pseudo-random in [0, 1) so runs are comparable. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const id = (prefix: string, n: number): string => prefix + n.toString(36).padStart(15, '0');

function recordAt(n: number, random: () => number, modstamp: number): StoredRecord {
  const recordId = id('00T', n);
  const event: StepEvent = {
    step: STEPS[n % STEPS.length] ?? 'attempt',
    user: REPS[n % REPS.length] ?? 'rep',
    subject: n % 10 === 0 ? null : id('00Q', Math.floor(random() * LEADS)),
    at: T0 + Math.floor(random() * 90 * DAY),
    recordId,
  };
  if (n % 3 === 0) event.durationSec = Math.floor(random() * 600);
  return {
    id: recordId,
    systemModstamp: new Date(modstamp).toISOString().replace('Z', '+0000'),
    events: [event],
    facts: [],
  };
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function measureLoad(path: string): void {
  const store = openStateStore(path);
  const started = performance.now();
  const events = store.loadEventColumns();
  const seconds = (performance.now() - started) / 1000;
  const windowStart = performance.now();
  const recent = store.loadEventColumns({ since: T0 + 60 * DAY });
  const windowSeconds = (performance.now() - windowStart) / 1000;
  const rss = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  console.log(`loadEventColumns: ${events.size} events in ${seconds.toFixed(2)} s; peak RSS ${rss} MB`);
  console.log(`loadEventColumns({ since: last 30 days }): ${recent.size} events in ${windowSeconds.toFixed(2)} s`);
  store.close();
}

function main(): void {
  if (values.load !== undefined) return measureLoad(values.load);
  const total = Number(values.records);
  const pageSize = Number(values.page);
  const dir = mkdtempSync(join(tmpdir(), 'coach-state-bench-'));
  const path = join(dir, 'state.db');
  try {
    const store = openStateStore(path);
    const random = mulberry32(42);
    // `random` order: ids arrive in no relation to their order (worst case for the index).
    const permute = values.order === 'random' ? (i: number): number => (i * 7919) % total : (i: number): number => i;
    // Only applyPage is timed, not building the pages.
    let seconds = 0;
    for (let from = 0; from < total; from += pageSize) {
      const records: StoredRecord[] = [];
      for (let i = from; i < Math.min(from + pageSize, total); i++) records.push(recordAt(permute(i), random, T0 + i));
      const last = records.at(-1);
      const started = performance.now();
      if (last !== undefined)
        store.applyPage('Task', records, [], { systemModstamp: last.systemModstamp, id: last.id });
      seconds += (performance.now() - started) / 1000;
    }
    console.log(
      `applyPage: ${total} records (${values.order} ids) in pages of ${pageSize}: ${seconds.toFixed(1)} s, ${Math.round(total / seconds)} records/s`,
    );

    const changed = Math.floor(total / 100);
    const againStarted = performance.now();
    for (let from = 0; from < changed; from += pageSize) {
      const records: StoredRecord[] = [];
      for (let i = from; i < Math.min(from + pageSize, changed); i++)
        records.push(recordAt(permute(i * 97) % total, random, T0 + total + i));
      const last = records.at(-1);
      if (last !== undefined)
        store.applyPage('Task', records, [], { systemModstamp: last.systemModstamp, id: last.id });
    }
    console.log(
      `applyPage of 1% changed records (${changed}, replacing events): ${((performance.now() - againStarted) / 1000).toFixed(2)} s`,
    );
    store.close(); // closing the last connection checkpoints and removes the WAL
    console.log(
      `file size: ${mb(statSync(path).size)} (${(statSync(path).size / total).toFixed(0)} bytes per record with its event)`,
    );

    execFileSync(process.execPath, ['--require', 'tsx/cjs', __filename, '--load', path], { stdio: 'inherit' });

    const pruneStore = openStateStore(path);
    const pruneStarted = performance.now();
    const pruned = pruneStore.pruneEventsBefore(T0 + 30 * DAY);
    console.log(
      `pruneEventsBefore(first 30 days): ${pruned.events} events, ${pruned.records} records in ${((performance.now() - pruneStarted) / 1000).toFixed(2)} s`,
    );
    pruneStore.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
