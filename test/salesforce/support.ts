/**
 * Builders shared by the Salesforce adapter's tests: a session against an org on a loopback address, instant timers,
 * and small response builders. Nock is not imported here: importing it intercepts every HTTP request of the process
 * until restored, so only the files that mock the org import it, and they call useNock() (use-nock.ts).
 */
import { createServer } from 'node:net';
import type { SfRecord } from '../../src/core/model';
import type { SalesforceSettings } from '../../src/salesforce/credentials';
import { DEFAULT_ENV_NAMES } from '../../src/salesforce/credentials';
import type { RetryTiming } from '../../src/salesforce/retry';
import type { SalesforceSession, SalesforceSessionDeps } from '../../src/salesforce/session';
import { openSalesforceSession } from '../../src/salesforce/session';

export const INSTANCE = 'http://127.0.0.1:8010';
export const LOGIN = 'http://127.0.0.1:8011';
export const VERSION = '62.0';
export const API = `/services/data/v${VERSION}`;
export const TOKEN = '00D000000000001AAA!AQ.test-access-token';
export const LIMIT_HEADER = { 'Sforce-Limit-Info': 'api-usage=10/15000' };

export interface InstantTiming extends RetryTiming {
  sleeps: number[];
}

/** Sleeps return at once but are recorded; random is fixed at 0.5. */
export function instantTiming(): InstantTiming {
  const sleeps: number[] = [];
  return {
    sleeps,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0.5,
  };
}

export function salesforceSettings(auth: Partial<SalesforceSettings['auth']> = {}): SalesforceSettings {
  return { apiVersion: VERSION, auth: { env: DEFAULT_ENV_NAMES, ...auth } };
}

export interface TestSession {
  session: SalesforceSession;
  timing: InstantTiming;
}

/** A session logged in with an access token (no HTTP at open). */
export async function openTokenSession(
  options: { maxApiUsage?: number; deps?: Partial<SalesforceSessionDeps> } = {},
): Promise<TestSession> {
  const timing = instantTiming();
  const session = await openSalesforceSession(
    { salesforce: salesforceSettings({ method: 'accessToken' }), maxApiUsage: options.maxApiUsage ?? 0.8 },
    {
      env: { SF_INSTANCE_URL: INSTANCE, SF_ACCESS_TOKEN: TOKEN },
      timing,
      now: () => Date.UTC(2026, 10, 26),
      ...options.deps,
    },
  );
  return { session, timing };
}

/** A Task as the REST API returns it. */
export function taskRecord(id: string, systemModstamp: string, fields: Record<string, unknown> = {}): SfRecord {
  return {
    attributes: { type: 'Task', url: `${API}/sobjects/Task/${id}` },
    Id: id,
    SystemModstamp: systemModstamp,
    IsDeleted: false,
    ...fields,
  };
}

/** `count` Tasks one second apart from 2026-11-01T00:00:00Z, ids in the same order. */
export function taskRecords(count: number, firstIndex = 0): SfRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const n = firstIndex + i;
    const at = new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString().replace('Z', '+0000');
    return taskRecord(`00T${String(n).padStart(15, '0')}`, at);
  });
}

export function queryResult(
  records: readonly SfRecord[],
  next?: string,
  totalSize = records.length,
): Record<string, unknown> {
  return next === undefined
    ? { totalSize, done: true, records }
    : { totalSize, done: false, nextRecordsUrl: next, records };
}

/** The SOQL of a mocked query request. */
export function soqlOf(uri: string): string {
  return new URL(uri, INSTANCE).searchParams.get('q') ?? '';
}

/** Collects every page of an async iterable. */
export async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function failureOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

/** A loopback port that was just free: a server took it and let it go, so a connection there is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
