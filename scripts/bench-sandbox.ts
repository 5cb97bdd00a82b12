/**
 * Benchmark of the sandbox org (`npm run bench:sandbox`): a child process runs the sandbox
 * with 1,000,000 Task records loaded as history; this process pages through them over
 * loopback the way the connector's incremental reader does (queryAll, SystemModstamp filter,
 * ORDER BY SystemModstamp, Id, 2000 per page, following nextRecordsUrl with plain fetch and
 * JSON.parse of every page). Reports records/s served, time to first page and the server's
 * peak RSS. The child keeps the measuring client's memory out of the server's figure.
 *
 * Options: --records N (default 1000000), --page N (batch size asked, default 2000).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { startSandbox } from '../src/sandbox/server';

const TARGET_RECORDS_PER_SECOND = 50_000;
const NOW = Date.parse('2026-11-20T15:00:00Z');
const HISTORY_MS = 90 * 86_400_000;
const USERS = 24;
const LEADS = 20_000;
const LOAD_BATCH = 50_000;
const FIELDS =
  'Id, WhoId, WhatId, OwnerId, Subject, Type, Status, IsClosed, ActivityDate, CompletedDateTime, CallType, CallDisposition, CallDurationInSeconds, Coaching_Key__c, IsDeleted, CreatedDate, CreatedById, SystemModstamp';

interface Ready {
  kind: 'ready';
  url: string;
  accessToken: string;
  loadMs: number;
}
interface Usage {
  kind: 'usage';
  peakRssBytes: number;
  rssBytes: number;
}

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} needs a positive integer`);
  return value;
}

const iso = (ms: number): string => `${new Date(ms).toISOString().slice(0, 23)}+0000`;

/** The server side: a sandbox with `count` Tasks (and their users and leads) as history. */
async function serve(count: number): Promise<void> {
  const sandbox = await startSandbox({ port: 0, now: NOW, freezeClock: true });
  const started = performance.now();
  const { store } = sandbox;
  const audit = {
    CreatedDate: iso(NOW - HISTORY_MS),
    SystemModstamp: iso(NOW - HISTORY_MS),
    CreatedById: sandbox.org.integrationUserId,
  };
  const users = Array.from({ length: USERS }, (_, i) => ({
    Id: store.newId('User'),
    Username: `rep${i}@bench.sandbox`,
    LastName: `Rep ${i}`,
    Alias: `rep${i}`,
    Email: `rep${i}@bench.sandbox`,
    Title: 'Sales Consultant',
    ...audit,
  }));
  store.load('User', users);
  const leads = Array.from({ length: LEADS }, (_, i) => ({
    Id: store.newId('Lead'),
    LastName: `Lead ${i}`,
    Company: 'Walk-in',
    OwnerId: users[i % USERS]?.Id ?? null,
    ...audit,
  }));
  store.load('Lead', leads);
  const dispositions = ['Contacted', 'Left Message', 'No Answer'];
  for (let from = 0; from < count; from += LOAD_BATCH) {
    const batch = [];
    for (let i = from; i < Math.min(count, from + LOAD_BATCH); i++) {
      // Spread over 90 days, several rows per millisecond-stamp now and then, like bulk writes.
      const at = NOW - HISTORY_MS + Math.floor((i / count) * HISTORY_MS);
      const owner = users[i % USERS]?.Id ?? null;
      batch.push({
        Id: store.newId('Task'),
        WhoId: leads[(i * 7) % LEADS]?.Id ?? null,
        OwnerId: owner,
        Subject: 'Call',
        Type: 'Call',
        Status: 'Completed',
        ActivityDate: iso(at).slice(0, 10),
        CompletedDateTime: iso(at),
        CallType: 'Outbound',
        CallDisposition: dispositions[i % 3] ?? null,
        CallDurationInSeconds: 30 + (i % 600),
        CreatedDate: iso(at),
        CreatedById: owner,
        LastModifiedDate: iso(at),
        LastModifiedById: owner,
        SystemModstamp: iso(at),
      });
    }
    store.load('Task', batch);
  }
  const ready: Ready = {
    kind: 'ready',
    url: sandbox.url,
    accessToken: sandbox.accessToken,
    loadMs: performance.now() - started,
  };
  process.send?.(ready);
  process.on('message', (message: { kind?: string }) => {
    if (message.kind === 'usage') {
      const usage: Usage = {
        kind: 'usage',
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
        rssBytes: process.memoryUsage().rss,
      };
      process.send?.(usage);
    }
    if (message.kind === 'stop') void sandbox.close().then(() => process.exit(0));
  });
}

function nextMessage<T extends { kind: string }>(child: ChildProcess, kind: T['kind']): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T): void => {
      if (message.kind !== kind) return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`sandbox process exited (${String(code)})`)));
  });
}

/** The client side: pages through the whole result and times it. */
async function measure(
  ready: Ready,
  pageSize: number,
): Promise<{ records: number; pages: number; bytes: number; firstPageMs: number; totalMs: number }> {
  const headers = { authorization: `Bearer ${ready.accessToken}`, 'sforce-query-options': `batchSize=${pageSize}` };
  const soql = `SELECT ${FIELDS} FROM Task WHERE SystemModstamp >= ${new Date(NOW - HISTORY_MS - 1000).toISOString().replace('.000', '')} ORDER BY SystemModstamp, Id`;
  let url: string | undefined = `${ready.url}/services/data/v62.0/queryAll?q=${encodeURIComponent(soql)}`;
  const started = performance.now();
  let firstPageMs = 0;
  let records = 0;
  let pages = 0;
  let bytes = 0;
  while (url) {
    const res: Response = await fetch(url, { headers });
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
    const text = await res.text();
    const page = JSON.parse(text) as { done: boolean; nextRecordsUrl?: string; records: unknown[] };
    if (pages === 0) firstPageMs = performance.now() - started;
    pages++;
    bytes += text.length;
    records += page.records.length;
    url = page.done ? undefined : `${ready.url}${page.nextRecordsUrl ?? ''}`;
  }
  return { records, pages, bytes, firstPageMs, totalMs: performance.now() - started };
}

async function main(): Promise<void> {
  const count = option('records', 1_000_000);
  if (process.argv.includes('--child')) return serve(count);
  const pageSize = option('page', 2000);
  const child = fork(__filename, ['--child', '--records', String(count)], {
    execArgv: [...process.execArgv, '--max-old-space-size=8192'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    const ready = await nextMessage<Ready>(child, 'ready');
    const result = await measure(ready, pageSize);
    child.send({ kind: 'usage' });
    const usage = await nextMessage<Usage>(child, 'usage');
    const perSecond = result.records / (result.totalMs / 1000);
    const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
    console.log(
      `sandbox benchmark: ${result.records.toLocaleString('en-US')} Task records in ${result.pages} pages of ${pageSize} over loopback`,
    );
    console.log(`  load (child, as history)  ${(ready.loadMs / 1000).toFixed(1)} s`);
    console.log(`  time to first page        ${result.firstPageMs.toFixed(0)} ms`);
    console.log(`  all pages                 ${(result.totalMs / 1000).toFixed(2)} s, ${mb(result.bytes)} of JSON`);
    console.log(
      `  records/s served          ${Math.round(perSecond).toLocaleString('en-US')} (target ≥ ${TARGET_RECORDS_PER_SECOND.toLocaleString('en-US')})`,
    );
    console.log(`  server peak RSS           ${mb(usage.peakRssBytes)} (now ${mb(usage.rssBytes)})`);
    if (result.records !== count) throw new Error(`expected ${count} records, got ${result.records}`);
    if (perSecond < TARGET_RECORDS_PER_SECOND) process.exitCode = 1;
  } finally {
    child.send({ kind: 'stop' });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
