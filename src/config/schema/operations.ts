/** The sections operations tune: how syncs read, when they run, where state is kept. */
import { z } from 'zod';
import { cronExpression, positiveCount, count, timeZone } from './primitives';

/** Smallest and largest page the REST query API returns (ARCHITECTURE.md §7: never assume 2000). */
const PAGE_SIZE = { min: 200, max: 2000 } as const;

export const syncSchema = z
  .strictObject({
    lookbackSeconds: count()
      .default(600)
      .describe(
        'Seconds re-read before each checkpoint, so records committed late with an earlier SystemModstamp are not missed.',
      ),
    backfillDays: positiveCount().default(90).describe('Days read on the first run.'),
    bulkThreshold: positiveCount().default(100_000).describe('Backfills above this many records use Bulk API 2.0.'),
    maxApiUsage: z
      .number()
      .gt(0, { error: 'must be a fraction between 0 and 1, e.g. 0.8 for 80%' })
      .max(1, { error: 'must be a fraction between 0 and 1, e.g. 0.8 for 80%' })
      .default(0.8)
      .describe(
        "Fraction of the org's daily API requests above which a run does not start, or stops between pages (0.8 = 80%).",
      ),
    pageSize: z
      .int({ error: 'must be a whole number' })
      .min(PAGE_SIZE.min, { error: `must be at least ${PAGE_SIZE.min}` })
      .max(PAGE_SIZE.max, { error: `must be at most ${PAGE_SIZE.max}` })
      .default(PAGE_SIZE.max)
      .describe('Records asked per query page (Salesforce may return fewer).'),
  })
  .prefault({})
  .describe('How the connector reads the org.');

export const scheduleSchema = z
  .strictObject({
    cron: cronExpression()
      .default('0 * * * *')
      .describe('When `serve` runs a sync, as a cron expression; default every hour on the hour.'),
    timeZone: timeZone().optional().describe("Time zone the cron expression is read in; defaults to the dealership's."),
  })
  .prefault({})
  .describe('When scheduled syncs run.');

export const stateSchema = z
  .strictObject({
    path: z
      .string()
      .min(1, { error: 'must not be empty' })
      .default('.state/execution-coach.db')
      .describe(
        "SQLite file holding checkpoints, records and the write ledger; a relative path is resolved against the config file's directory.",
      ),
  })
  .prefault({})
  .describe('Where the connector keeps its local state.');
