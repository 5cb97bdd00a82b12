import type { StoredRecord } from '../../schema/types';
import type { Projection } from '../../soql/projection';

/**
 * Serialises one page of a query result as Salesforce orders its keys (totalSize, done,
 * nextRecordsUrl, records), in one JSON.stringify: the page is the unit of work, so rows are
 * shaped only when their page is served.
 */
export function renderPage(
  totalSize: number,
  rows: readonly StoredRecord[],
  projection: Projection,
  version: string,
  nextRecordsUrl: string | undefined,
): string {
  const records = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) records[i] = projection.project(rows[i] as StoredRecord, version);
  return JSON.stringify(
    nextRecordsUrl === undefined
      ? { totalSize, done: true, records }
      : { totalSize, done: false, nextRecordsUrl, records },
  );
}

/** Batch size from `Sforce-Query-Options: batchSize=N`, clamped to Salesforce's 200–2000. */
export function requestedBatchSize(header: string | undefined, min: number, max: number): number {
  const m = /batchSize\s*=\s*(\d+)/i.exec(header ?? '');
  if (!m) return max;
  return Math.min(max, Math.max(min, Number(m[1])));
}
