import { newMapStats } from '../../src/core';
import { silentLogger } from '../../src/lib/logger';
import { openStateStore, type StateStore } from '../../src/state/state-store';
import { type ObjectReadSpec, readAll } from '../../src/sync/read-phase';
import { FakeOrg } from './fake-org';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The connector's clock at the first run. */
const RUN_END = Date.UTC(2026, 10, 20, 18, 0, 0);
const LOOKBACK_MS = 600_000;
const OBJECT = 'Coaching_Flag__c';

/** An object read whole since `backfillFrom`, each record stored as it is. */
function aSpec(backfillFrom: number): ObjectReadSpec {
  return {
    object: OBJECT,
    fields: ['Flag_Key__c'],
    backfillFrom,
    toStored: (record) => ({
      id: String(record.Id),
      systemModstamp: String(record.SystemModstamp),
      events: [],
      facts: [],
    }),
  };
}

function read(org: FakeOrg, state: StateStore, runEnd: number, spec: ObjectReadSpec): ReturnType<typeof readAll> {
  return readAll(
    [spec],
    { runEnd, lookbackMs: LOOKBACK_MS, pageSize: 200, bulkThreshold: 100_000 },
    {
      reader: org,
      state,
      logger: silentLogger,
      stats: newMapStats(),
      checkBudget: () => undefined,
    },
  );
}

describe('read phase: an object that is empty at the first run', () => {
  it.each([
    ['the start of time', 0],
    ['the backfill window', RUN_END - 90 * DAY],
  ])(
    'given the backfill from %s found nothing, when the org then stamps a record behind the connector’s clock, then the next run reads it',
    async (_, backfillFrom) => {
      // The org's clock runs an hour behind the connector's (skew, or a `--now` ahead of the org).
      const orgClock = { now: () => RUN_END - HOUR };
      const org = new FakeOrg(orgClock);
      const state = openStateStore(':memory:');
      const spec = aSpec(backfillFrom);

      const first = await read(org, state, RUN_END, spec);
      const id = org.insert(OBJECT, { Flag_Key__c: 'v1:x:005A:2026-11-20' });
      const next = await read(org, state, RUN_END + 60_000, spec);

      expect(first[0]).toMatchObject({ records: 0, incremental: false });
      expect(next[0]).toMatchObject({ records: 1, incremental: true });
      expect(state.getCheckpoint(OBJECT)?.id).toBe(id);
    },
  );
});
