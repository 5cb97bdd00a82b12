/**
 * Hand-run benchmark of loading the stored events into the core (not part of the suite: it
 * takes a minute or two to build the state file).
 *
 *   npx tsx test/state/event-load.bench.ts [--records 1000000] [--state FILE] [--keep]
 *
 * Builds (or reuses, with --state) a state file of N Task records, one in five with a second
 * event (an attempt that is also a contact: ~1.2 events a record, as the dealership's data),
 * then, in a fresh process so that peak RSS is its own, loads every event streamed as columns
 * (what a run does) and lays it out as the core's EventTable. Prints seconds and peak RSS.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EventTable } from '../../src/core/event-table';
import type { Rep, StepEvent } from '../../src/core/model';
import { openStateStore } from '../../src/state/state-store';
import type { StoredRecord } from '../../src/sync/ports';

const STEPS = ['lead', 'attempt', 'contact', 'appointment_set', 'appointment_shown', 'demo', 'write_up', 'sold'];
const REP_IDS = Array.from({ length: 60 }, (_, i) => `005${String(i).padStart(15, '0')}`);
const LEADS = 200_000;
const PAGE = 2_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 7, 1);
const MB = 1024 * 1024;

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '1000000' },
    state: { type: 'string' },
    keep: { type: 'boolean', default: false },
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

function recordAt(n: number, random: () => number): StoredRecord {
  const recordId = id('00T', n);
  const base = {
    user: REP_IDS[n % REP_IDS.length] ?? 'rep',
    subject: n % 10 === 0 ? null : id('00Q', Math.floor(random() * LEADS)),
    at: T0 + Math.floor(random() * 90 * DAY),
    recordId,
  };
  const events: StepEvent[] = [{ ...base, step: n % 5 === 0 ? 'attempt' : (STEPS[n % STEPS.length] ?? 'attempt') }];
  if (n % 5 === 0) events.push({ ...base, step: 'contact', durationSec: Math.floor(random() * 600) });
  return { id: recordId, systemModstamp: new Date(T0 + n).toISOString().replace('Z', '+0000'), events, facts: [] };
}

function build(path: string, total: number): void {
  const store = openStateStore(path);
  const random = mulberry32(42);
  const started = performance.now();
  let events = 0;
  for (let from = 0; from < total; from += PAGE) {
    const records: StoredRecord[] = [];
    for (let i = from; i < Math.min(from + PAGE, total); i++) records.push(recordAt(i, random));
    events += records.reduce((sum, record) => sum + record.events.length, 0);
    const last = records.at(-1);
    if (last !== undefined) store.applyPage('Task', records, [], { systemModstamp: last.systemModstamp, id: last.id });
  }
  console.log(`built ${events} events of ${total} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  store.close();
}

function measureLoad(path: string): void {
  const reps: Rep[] = REP_IDS.map((repId) => ({
    id: repId,
    name: repId,
    role: 'salesperson',
    managerId: null,
    store: null,
    monthlyGoal: null,
  }));
  const store = openStateStore(path);
  const started = performance.now();
  const columns = store.loadEventColumns();
  const loaded = performance.now();
  const table = new EventTable(STEPS, reps, columns);
  const done = performance.now();
  const heap = process.memoryUsage().heapUsed / MB;
  console.log(
    `${table.size} events loaded in ${((loaded - started) / 1000).toFixed(2)} s, ` +
      `table in ${((done - loaded) / 1000).toFixed(2)} s, total ${((done - started) / 1000).toFixed(2)} s; ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, heap in use ${heap.toFixed(0)} MB`,
  );
  store.close();
}

function main(): void {
  if (values.load !== undefined) return measureLoad(values.load);
  const dir = mkdtempSync(join(tmpdir(), 'coach-event-load-'));
  const path = values.state ?? join(dir, 'state.db');
  try {
    if (!existsSync(path)) build(path, Number(values.records));
    execFileSync(process.execPath, ['--require', 'tsx/cjs', __filename, '--load', path], { stdio: 'inherit' });
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    else console.log(`state kept at ${path}`);
  }
}

main();
