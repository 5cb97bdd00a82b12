/**
 * The floor of a sync run's wall time: the pages the connector asks for, fetched and
 * JSON.parse'd by a bare loop and nothing else. For every object the connector reads, the same
 * SOQL it builds (the fields the config needs plus the system fields, SystemModstamp from the
 * object's checkpoint minus the lookback, or from the backfill start, up to the second after
 * the run's end, ordered by SystemModstamp, Id) goes to /queryAll with
 * `Sforce-Query-Options: batchSize=2000`, following nextRecordsUrl to the end, one object
 * after the other. The floor of a backfill is REST even where the connector uses Bulk.
 *
 * The bounds mirror src/sync/run-cycle.ts (readSpecs) and src/salesforce/reader.ts (read); the
 * benchmark checks that the floor read as many records per object as the connector did.
 */
import { type CoachModel, parseSfDateTime, readPlan } from '../src/core';
import { floorToSecond } from '../src/salesforce/bulk-windows';
import { and, buildSelect, dateTime, distinctFields, gte, lt } from '../src/salesforce/soql-builder';
import { openStateStore } from '../src/state/state-store';
import { flagObjectFields } from '../src/sync/flag-records';
import type { SyncSettings } from '../src/sync/run-cycle';

const DAY_MS = 86_400_000;
/** Objects read whatever their age (run-cycle.ts): people, and the product's flags. */
const READ_FROM_THE_START = new Set(['User']);
/** Setup objects have no IsDeleted (reader.ts). */
const WITHOUT_IS_DELETED = new Set(['User']);

export interface FloorQuery {
  object: string;
  soql: string;
}

export interface FloorObject {
  object: string;
  records: number;
  pages: number;
  bytes: number;
  ms: number;
}

export interface Floor {
  objects: FloorObject[];
  records: number;
  pages: number;
  ms: number;
}

/** The queries a run at `runEnd` makes, given the checkpoints in the state file (none: a backfill). */
export function floorQueries(model: CoachModel, sync: SyncSettings, statePath: string, runEnd: number): FloorQuery[] {
  const state = openStateStore(statePath);
  try {
    const reads = [
      ...readPlan(model),
      { object: model.writeBack.flagObject, fields: flagObjectFields(model.writeBack) },
    ];
    return reads.map(({ object, fields }) => {
      const checkpoint = state.getCheckpoint(object);
      const checkpointAt = checkpoint ? parseSfDateTime(checkpoint.systemModstamp) : null;
      const backfillFrom =
        READ_FROM_THE_START.has(object) || object === model.writeBack.flagObject
          ? 0
          : runEnd - sync.backfillDays * DAY_MS;
      const from = floorToSecond(checkpointAt === null ? backfillFrom : checkpointAt - sync.lookbackSeconds * 1000);
      const to = floorToSecond(runEnd) + 1000;
      const system = WITHOUT_IS_DELETED.has(object) ? ['Id', 'SystemModstamp'] : ['Id', 'SystemModstamp', 'IsDeleted'];
      const where = and(gte('SystemModstamp', dateTime(from)), lt('SystemModstamp', dateTime(to)));
      const soql = buildSelect({
        object,
        fields: distinctFields([...system, ...fields]),
        where,
        orderBy: [{ field: 'SystemModstamp' }, { field: 'Id' }],
      });
      return { object, soql };
    });
  } finally {
    state.close();
  }
}

export interface FloorTarget {
  /** The org's origin (instance URL). */
  url: string;
  apiVersion: string;
  accessToken: string;
  pageSize: number;
}

/** Fetches every page of every query, one object after the other, and times the whole. */
export async function measureFloor(target: FloorTarget, queries: readonly FloorQuery[]): Promise<Floor> {
  const started = performance.now();
  const objects: FloorObject[] = [];
  for (const query of queries) objects.push(await fetchAllPages(target, query));
  return {
    objects,
    records: objects.reduce((sum, o) => sum + o.records, 0),
    pages: objects.reduce((sum, o) => sum + o.pages, 0),
    ms: performance.now() - started,
  };
}

async function fetchAllPages(target: FloorTarget, query: FloorQuery): Promise<FloorObject> {
  const headers = {
    authorization: `Bearer ${target.accessToken}`,
    'sforce-query-options': `batchSize=${target.pageSize}`,
  };
  const started = performance.now();
  let url: string | null =
    `${target.url}/services/data/v${target.apiVersion}/queryAll?q=${encodeURIComponent(query.soql)}`;
  const counts = { records: 0, pages: 0, bytes: 0 };
  while (url !== null) {
    const response: Response = await fetch(url, { headers });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`floor query of ${query.object} failed: HTTP ${response.status} ${text.slice(0, 300)}`);
    const page = JSON.parse(text) as { done: boolean; nextRecordsUrl?: string; records: unknown[] };
    counts.records += page.records.length;
    counts.pages += 1;
    counts.bytes += text.length;
    url = page.done || page.nextRecordsUrl === undefined ? null : `${target.url}${page.nextRecordsUrl}`;
  }
  return { object: query.object, ...counts, ms: performance.now() - started };
}
