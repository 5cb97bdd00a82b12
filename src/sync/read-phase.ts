/**
 * The read phase of a run (ARCHITECTURE.md §7): every object the model needs is read incrementally
 * from its checkpoint (minus the lookback) up to the run's fixed end, page by page; each page
 * is mapped and stored together with its checkpoint in one transaction, so the checkpoint is
 * never ahead of what is stored and a run stopped at any point resumes where it stopped.
 * Objects are read a few at a time to hide latency.
 */
import type { BadRecordKind, MapStats, RecordMapper, SfRecord } from '../core';
import { formatSfDateTime, parseSfDateTime } from '../core';
import type { Logger } from '../lib/logger';
import type { Checkpoint, CrmReader, RecordPage, StoredRecord } from './ports';
import { noProgress, type ReadProgress } from './read-progress';
import type { SyncState } from './sync-state';

/** Objects read at the same time: enough to overlap latency, few enough to be gentle on the org. */
export const READ_CONCURRENCY = 3;

/**
 * Records stored per transaction: ten full pages. Fewer commits (each an fsync) make a backfill
 * several times faster; more would only lengthen what a crash makes the next run re-read.
 */
export const BATCH_RECORDS = 20_000;

/** How one object is read and what its records become. */
export interface ObjectReadSpec {
  object: string;
  fields: readonly string[];
  /** Backfill start (epoch ms) when the object has no checkpoint yet. */
  backfillFrom: number;
  /** Turns one live record into what is stored (events and facts). */
  toStored: (record: SfRecord, stats: MapStats) => ReadRecord;
}

/**
 * A record as read: what is stored, and the kind of bad record when the mapper refused it. A refused
 * record is still stored (empty), so that the events of an earlier, good version of it go.
 */
export interface ReadRecord extends StoredRecord {
  bad?: BadRecordKind;
}

export interface ReadSettings {
  /** End of the read, fixed at the start of the run (epoch ms). */
  runEnd: number;
  lookbackMs: number;
  pageSize: number;
  bulkThreshold: number;
}

export interface ObjectReadResult {
  object: string;
  records: number;
  deleted: number;
  pages: number;
  /** Records that could not be read or were refused as bad (counted, nothing credited; kinds in `MapStats.bad`). */
  bad: number;
  /** Records the org sent twice in this read (the same Id on two pages): counted once in `records`, these left out. */
  repeated: number;
  /** Whether the read started from a checkpoint (false: a backfill). */
  incremental: boolean;
  /** Records the read changed in the state (new, newer or deleted; lookback re-reads are not). */
  changed: number;
}

export interface ReadPhaseDeps {
  reader: CrmReader;
  state: SyncState;
  logger: Logger;
  stats: MapStats;
  /** Called between pages; throws to stop the run cleanly (e.g. the API budget is spent). */
  checkBudget: () => void;
  /** Told of each page, for a person watching a long read; nothing by default. */
  progress?: ReadProgress;
}

/** Stores a live record as the core maps it. */
export function mappedRecord(mapper: RecordMapper, object: string): ObjectReadSpec['toStored'] {
  return (record, stats) => {
    const mapped = mapper.mapRecord(object, record, stats);
    const read: ReadRecord = {
      id: String(record.Id),
      systemModstamp: String(record.SystemModstamp),
      events: mapped.events,
      facts: mapped.facts,
    };
    if (mapped.bad !== undefined) read.bad = mapped.bad;
    return read;
  };
}

export async function readAll(
  specs: readonly ObjectReadSpec[],
  settings: ReadSettings,
  deps: ReadPhaseDeps,
): Promise<ObjectReadResult[]> {
  const results: ObjectReadResult[] = [];
  const queue = [...specs];
  // Held in an object: TypeScript does not see assignments made inside the workers' closures.
  const progress: { failure: Error | null } = { failure: null };
  const worker = async (): Promise<void> => {
    for (let spec = queue.shift(); spec && progress.failure === null; spec = queue.shift()) {
      try {
        results.push(await readObject(spec, settings, deps, () => progress.failure !== null));
      } catch (error) {
        progress.failure ??= error instanceof Error ? error : new Error(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, specs.length) }, worker));
  if (progress.failure !== null) throw progress.failure;
  return results.sort((a, b) => (a.object < b.object ? -1 : 1));
}

/**
 * Pages waiting to be stored together. Committing every page of a backfill costs an fsync per
 * 2000 records; a batch of pages is one transaction, and its checkpoint still goes in with its
 * records, so the position is never ahead of what is stored. A crash loses at most one batch of
 * progress, which the next run reads again.
 */
class PendingBatch {
  records: StoredRecord[] = [];
  deletedIds: string[] = [];
  checkpoint: Checkpoint | null = null;

  get size(): number {
    return this.records.length + this.deletedIds.length;
  }

  /** Stores the batch; how many records it changed. */
  flush(state: SyncState, object: string): number {
    const changed =
      this.size > 0 || this.checkpoint !== null
        ? state.applyPage(object, this.records, this.deletedIds, this.checkpoint).changed
        : 0;
    this.records = [];
    this.deletedIds = [];
    this.checkpoint = null;
    return changed;
  }
}

async function readObject(
  spec: ObjectReadSpec,
  settings: ReadSettings,
  deps: ReadPhaseDeps,
  aborted: () => boolean,
): Promise<ObjectReadResult> {
  const checkpoint = deps.state.getCheckpoint(spec.object);
  const checkpointAt = checkpoint ? parseSfDateTime(checkpoint.systemModstamp) : null;
  const result: ObjectReadResult = {
    object: spec.object,
    records: 0,
    deleted: 0,
    pages: 0,
    bad: 0,
    repeated: 0,
    incremental: checkpointAt !== null,
    changed: 0,
  };
  const log = deps.logger.child({ object: spec.object });
  log.debug(checkpointAt === null ? 'backfilling' : 'reading changes', { since: checkpoint?.systemModstamp ?? null });

  const progress = deps.progress ?? noProgress;
  let expected: number | null = null;
  const pages = deps.reader.readIncremental({
    object: spec.object,
    fields: spec.fields,
    since: checkpointAt === null ? null : checkpointAt - settings.lookbackMs,
    backfillFrom: spec.backfillFrom,
    until: settings.runEnd,
    pageSize: settings.pageSize,
    bulkThreshold: settings.bulkThreshold,
  });
  const batch = new PendingBatch();
  const take = (page: RecordPage): void => {
    let last: Checkpoint | null = null;
    for (const record of page.records) {
      const id = typeof record.Id === 'string' ? record.Id : null;
      const modstamp = typeof record.SystemModstamp === 'string' ? record.SystemModstamp : null;
      // The state store parses stamps by the same grammar, so a record kept here is never refused there.
      if (id === null || modstamp === null || parseSfDateTime(modstamp) === null) {
        result.bad += 1;
        continue;
      }
      last = { systemModstamp: modstamp, id };
      if (record.IsDeleted === true) {
        batch.deletedIds.push(id);
        result.deleted += 1;
        continue;
      }
      try {
        const read = spec.toStored(record, deps.stats);
        batch.records.push(read);
        if (read.bad === undefined) result.records += 1;
        else result.bad += 1;
      } catch (error) {
        // A record the mapper cannot read is counted and skipped; it never stops the run.
        result.bad += 1;
        log.warn('record skipped: it could not be mapped', {
          id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    // An ordered page moves the position to its last record; an unordered one (a Bulk window
    // in progress) leaves it; the end of a Bulk window names it.
    result.repeated += page.repeated ?? 0;
    const position = page.checkpoint === undefined ? last : page.checkpoint;
    if (position !== null) batch.checkpoint = position;
    result.pages += 1;
    if (batch.size >= BATCH_RECORDS || (position !== null && page.checkpoint !== undefined) || page.last)
      result.changed += batch.flush(deps.state, spec.object);
  };
  progress.start(spec.object);
  try {
    for await (const page of pages) {
      // Another object's read failed: stop at a page boundary; what is batched is stored below.
      if (aborted()) break;
      take(page);
      expected = page.expected ?? expected;
      progress.page(spec.object, result.records + result.deleted + result.bad, expected);
      if (!page.last) deps.checkBudget();
    }
  } finally {
    // Also when the run stops (API budget, a failed request): what was fully read is kept.
    result.changed += batch.flush(deps.state, spec.object);
    progress.end(spec.object);
  }
  // A backfill that found nothing still counts as done, so that the next run reads changes
  // instead of backfilling (and counting) again. Its checkpoint is the backfill's start, not the
  // run's end: the run's end is the connector's clock, and records the org stamps behind it (a
  // skewed clock, a `--now` ahead of the org; this run's own writes) would never be read.
  if (checkpoint === null && result.records + result.deleted + result.bad === 0 && !aborted()) {
    deps.state.applyPage(spec.object, [], [], { systemModstamp: formatSfDateTime(spec.backfillFrom), id: '' });
  }
  log.info('read', {
    records: result.records,
    changed: result.changed,
    deleted: result.deleted,
    pages: result.pages,
    bad: result.bad,
    repeated: result.repeated,
    incremental: result.incremental,
  });
  return result;
}
