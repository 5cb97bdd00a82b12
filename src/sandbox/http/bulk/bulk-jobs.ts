import type { Clock } from '../../clock';
import { makeId } from '../../ids';
import type { StoredRecord } from '../../schema/types';
import type { Column } from '../../soql/projection';
import { formatDateTime } from '../../time/datetime';

/**
 * Bulk API 2.0 query jobs. The query runs when the job is created (the sandbox is fast), so a
 * job reports UploadComplete once and JobComplete from the first poll on; results are paged
 * from the rows captured then.
 */

export type JobState = 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Aborted' | 'Failed';
export type ColumnDelimiter = 'BACKQUOTE' | 'CARET' | 'COMMA' | 'PIPE' | 'SEMICOLON' | 'TAB';
export type LineEnding = 'LF' | 'CRLF';

export interface BulkQueryJob {
  id: string;
  operation: 'query' | 'queryAll';
  object: string;
  createdById: string;
  createdAt: number;
  modifiedAt: number;
  state: JobState;
  apiVersion: string;
  columnDelimiter: ColumnDelimiter;
  lineEnding: LineEnding;
  columns: readonly Column[];
  rows: readonly StoredRecord[];
}

const DAY_MS = 86_400_000;

export class BulkJobStore {
  private readonly jobs = new Map<string, BulkQueryJob>();
  private counter = 0;

  constructor(private readonly clock: Clock) {}

  create(job: Omit<BulkQueryJob, 'id' | 'createdAt' | 'modifiedAt' | 'state'>): BulkQueryJob {
    const now = this.clock.now();
    const created: BulkQueryJob = {
      ...job,
      id: makeId('750', ++this.counter),
      createdAt: now,
      modifiedAt: now,
      state: 'UploadComplete',
    };
    this.jobs.set(created.id, created);
    return created;
  }

  get(id: string): BulkQueryJob | undefined {
    return this.jobs.get(id);
  }

  /** A poll moves a job that is still "uploading" to complete. */
  advance(job: BulkQueryJob): void {
    if (job.state === 'UploadComplete' || job.state === 'InProgress') this.setState(job, 'JobComplete');
  }

  setState(job: BulkQueryJob, state: JobState): void {
    job.state = state;
    job.modifiedAt = this.clock.now();
  }

  delete(id: string): boolean {
    return this.jobs.delete(id);
  }

  list(): BulkQueryJob[] {
    return [...this.jobs.values()];
  }

  createdToday(): number {
    const today = Math.floor(this.clock.now() / DAY_MS);
    return this.list().filter((j) => Math.floor(j.createdAt / DAY_MS) === today).length;
  }

  clear(): void {
    this.jobs.clear();
  }
}

/** The job info body of create/abort (and, with `detail`, of a poll). */
export function jobInfo(job: BulkQueryJob, detail: boolean): Record<string, unknown> {
  const info: Record<string, unknown> = {
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: formatDateTime(job.createdAt),
    systemModstamp: formatDateTime(job.modifiedAt),
    state: job.state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
  };
  if (!detail) return info;
  return {
    ...info,
    jobType: 'V2Query',
    numberRecordsProcessed: job.state === 'JobComplete' ? job.rows.length : 0,
    retries: 0,
    totalProcessingTime: 0,
    isPkChunkingSupported: true,
  };
}
