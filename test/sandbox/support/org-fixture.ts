import { SandboxClock } from '../../../src/sandbox/clock';
import { ApiError } from '../../../src/sandbox/errors';
import { type SandboxOrg, createSandboxOrg } from '../../../src/sandbox/org';
import type { JsonRecord } from '../../../src/sandbox/soql/projection';

/** An org without HTTP, its clock frozen at `now`, in Chicago time unless told otherwise. */
export function newOrg(now = '2026-11-20T15:04:05Z', timeZone = 'America/Chicago'): SandboxOrg {
  const clock = new SandboxClock();
  clock.freeze(Date.parse(now));
  return createSandboxOrg({ clock, timeZone });
}

/** Moves the org's (frozen) clock to an instant. */
export function setNow(org: SandboxOrg, iso: string): void {
  const clock = org.store.clock;
  if (!(clock instanceof SandboxClock)) throw new Error('newOrg builds orgs on a SandboxClock');
  clock.set(Date.parse(iso));
}

/** Records of a query as a client would see them (without attributes, for brevity). */
export function select(org: SandboxOrg, soql: string, scanAll = false): JsonRecord[] {
  const outcome = org.queries.run(soql, { scanAll });
  if (outcome.kind === 'count') throw new Error('COUNT() query: use count()');
  const rows =
    outcome.kind === 'aggregate' ? outcome.rows : outcome.records.map((r) => outcome.projection.project(r, '62.0'));
  return rows.map(({ attributes: _attributes, ...fields }) => fields);
}

export function count(org: SandboxOrg, soql: string): number {
  const outcome = org.queries.run(soql, { scanAll: false });
  if (outcome.kind !== 'count') throw new Error('not a COUNT() query');
  return outcome.totalSize;
}

/** The ApiError a query raises (fails the test if it raises none). */
export function queryError(org: SandboxOrg, soql: string): ApiError {
  try {
    org.queries.run(soql, { scanAll: false });
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`expected ${soql} to fail`);
}

/** The ApiError an action raises. */
export function apiError(action: () => unknown): ApiError {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

export function lead(org: SandboxOrg, fields: Record<string, unknown> = {}): string {
  return org.writer.create('Lead', { LastName: 'Reyes', Company: 'Walk-in', ...fields }, org.integrationUserId)
    .Id as string;
}

export function task(org: SandboxOrg, fields: Record<string, unknown> = {}): string {
  return org.writer.create('Task', { Subject: 'Call', ...fields }, org.integrationUserId).Id as string;
}
