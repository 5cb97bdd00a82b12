/**
 * Writes through sObject Collections: upsert by external id and update by Id, at most 200
 * records a call (split here; jsforce would send a longer array in one call unless told
 * `allowRecursive`), `allOrNone: false`, results read item by item. Items that failed on a row
 * lock are sent again, alone, with backoff; the others are never sent twice. Both operations
 * are idempotent (by key or by Id), so a whole call that failed transiently is safely retried.
 */
import type { SfRecord } from '../core/model';
import type { CrmWriter, WriteItemResult } from '../sync/ports';
import { CoachError } from '../lib/errors';
import type { ApiBudget } from './api-budget';
import { classifyItemError, toCoachError } from './error-policy';
import type { SalesforceHttp } from './http-client';
import { queryAllPages } from './query-pager';
import { toErrorItem } from './request-error';
import type { BackoffSettings, RetryTiming } from './retry';
import { backoffDelay } from './retry';
import { apiName, buildSelect, distinctFields, fieldPath, isIn, quoteString } from './soql-builder';

/** sObject Collections take at most 200 records per call. */
export const COLLECTION_LIMIT = 200;
/**
 * Attempts per item (first try included) while it keeps failing on a row lock. Under heavy contention (one item in
 * five locked) four attempts leave one item in 625 unwritten, which a run of a hundred records hits one time in six;
 * six leave one in 15,625. What is still locked after that waits for the next run.
 */
export const LOCK_RETRY_ATTEMPTS = 6;
export const LOCK_BACKOFF: BackoffSettings = {
  maxAttempts: LOCK_RETRY_ATTEMPTS,
  baseDelayMs: 1_000,
  maxDelayMs: 10_000,
};
/**
 * Longest URL-encoded SOQL of a key lookup. GET URLs over ~16 KB are refused (HTTP 414; the
 * exact limit is not documented), so key lists are split well below that.
 */
export const KEY_QUERY_MAX_ENCODED_CHARS = 8_000;

export interface WriterDeps {
  http: SalesforceHttp;
  budget: ApiBudget;
  timing: RetryTiming;
  sessionActions: readonly string[];
}

type Send = (records: readonly Record<string, unknown>[]) => Promise<unknown>;

function toResult(raw: unknown): WriteItemResult {
  const item = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const id = typeof item.id === 'string' ? item.id : undefined;
  const created = typeof item.created === 'boolean' ? item.created : undefined;
  if (item.success === true)
    return { ok: true, ...(id === undefined ? {} : { id }), ...(created === undefined ? {} : { created }) };
  const errors = (Array.isArray(item.errors) ? item.errors : []).map(toErrorItem).filter((e) => e !== null);
  const [first] = errors;
  return {
    ok: false,
    ...(id === undefined ? {} : { id }),
    errorCode: first?.errorCode ?? 'UNKNOWN_ERROR',
    message: errors.map((e) => e.message).join('; '),
  };
}

function isLockFailure(result: WriteItemResult): boolean {
  return !result.ok && result.errorCode !== undefined && classifyItemError(result.errorCode) === 'retryItem';
}

export class SalesforceWriter implements CrmWriter {
  constructor(private readonly deps: WriterDeps) {}

  async upsert(
    object: string,
    externalIdField: string,
    records: ReadonlyArray<Record<string, unknown>>,
  ): Promise<WriteItemResult[]> {
    const path = `/composite/sobjects/${apiName(object)}/${apiName(externalIdField)}`;
    return this.writeAll(`Writing ${object}`, records, (chunk) => this.send(path, object, chunk));
  }

  async update(
    object: string,
    records: ReadonlyArray<{ Id: string } & Record<string, unknown>>,
  ): Promise<WriteItemResult[]> {
    const type = apiName(object);
    return this.writeAll(`Updating ${object}`, records, (chunk) => this.send('/composite/sobjects', type, chunk));
  }

  /**
   * Reads back the records whose `keyField` is one of `keys` (so that nothing is created twice
   * when the local ledger is lost), in as many queries as the URL length allows.
   */
  async findByKeys(
    object: string,
    keyField: string,
    keys: readonly string[],
    fields: readonly string[] = [],
  ): Promise<SfRecord[]> {
    const select = distinctFields(['Id', fieldPath(keyField), ...fields]);
    const found: SfRecord[] = [];
    try {
      for (const chunk of chunkKeys(object, select, keyField, [...new Set(keys)])) {
        const soql = buildSelect({ object, fields: select, where: isIn(keyField, chunk) });
        found.push(
          ...(await queryAllPages(this.deps.http, soql, {
            endpoint: 'query',
            beforePage: () => this.deps.budget.assertWithinBudget(),
          })),
        );
      }
    } catch (error) {
      throw toCoachError(error, {
        doing: `Reading ${object} by ${keyField}`,
        sessionActions: this.deps.sessionActions,
      });
    }
    return found;
  }

  private async send(path: string, object: string, chunk: readonly Record<string, unknown>[]): Promise<unknown> {
    const records = chunk.map((record) => ({ ...record, attributes: { type: object } }));
    const response = await this.deps.http.send<unknown>('write', {
      method: 'PATCH',
      path,
      body: { allOrNone: false, records },
    });
    return response.body;
  }

  private async writeAll(
    doing: string,
    records: ReadonlyArray<Record<string, unknown>>,
    send: Send,
  ): Promise<WriteItemResult[]> {
    const results: WriteItemResult[] = [];
    try {
      for (let start = 0; start < records.length; start += COLLECTION_LIMIT) {
        results.push(...(await this.writeChunk(records.slice(start, start + COLLECTION_LIMIT), send)));
      }
    } catch (error) {
      throw toCoachError(error, { doing, sessionActions: this.deps.sessionActions });
    }
    return results;
  }

  /** Writes one chunk; items that hit a row lock are re-sent on their own until they pass or attempts run out. */
  private async writeChunk(chunk: ReadonlyArray<Record<string, unknown>>, send: Send): Promise<WriteItemResult[]> {
    const results = new Array<WriteItemResult | undefined>(chunk.length);
    let pending = chunk.map((_, index) => index);
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > 1)
        await this.deps.timing.sleep(backoffDelay(attempt - 1, () => this.deps.timing.random(), LOCK_BACKOFF));
      this.deps.budget.assertWithinBudget();
      const body = await send(pending.map((index) => chunk[index] ?? {}));
      if (!Array.isArray(body) || body.length !== pending.length) {
        throw new CoachError({
          code: 'SF_BAD_RESPONSE',
          message: `Salesforce answered a write of ${pending.length} records with ${Array.isArray(body) ? body.length : 'no'} results.`,
        });
      }
      const retry: number[] = [];
      body.map(toResult).forEach((result, position) => {
        const index = pending[position] ?? -1;
        if (isLockFailure(result) && attempt < LOCK_RETRY_ATTEMPTS) retry.push(index);
        else results[index] = result;
      });
      pending = retry;
    }
    return results.map((result) => result ?? { ok: false, errorCode: 'UNKNOWN_ERROR', message: 'no result' });
  }
}

/** Splits keys so that each lookup's URL-encoded SOQL stays under KEY_QUERY_MAX_ENCODED_CHARS. */
export function chunkKeys(
  object: string,
  select: readonly string[],
  keyField: string,
  keys: readonly string[],
): string[][] {
  const encodedLength = (text: string): number => encodeURIComponent(text).length;
  const base =
    encodedLength(buildSelect({ object, fields: select, where: isIn(keyField, ['']) })) -
    encodedLength(quoteString(''));
  const separator = encodedLength(', ');
  const chunks: string[][] = [];
  let chunk: string[] = [];
  let length = base;
  for (const key of keys) {
    const cost = encodedLength(quoteString(key)) + (chunk.length === 0 ? 0 : separator);
    if (chunk.length > 0 && length + cost > KEY_QUERY_MAX_ENCODED_CHARS) {
      chunks.push(chunk);
      chunk = [];
      length = base;
    }
    length += chunk.length === 0 ? encodedLength(quoteString(key)) : cost;
    chunk.push(key);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
