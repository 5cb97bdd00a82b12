import type { Clock } from '../../clock';
import { makeId } from '../../ids';
import type { StoredRecord } from '../../schema/types';
import type { Projection } from '../../soql/projection';

/**
 * Open query cursors. A cursor keeps only the ordered row references of its result (rows are
 * immutable, so this is a snapshot) and the projection; pages are serialised on demand.
 * Locators look like Salesforce's (`01g…-2000`: cursor id, then the offset of the next page)
 * and never contain `/`, because jsforce rebuilds the queryMore URL from the last segment.
 */

/** Since API 56.0 cursors live two days. */
export const DEFAULT_CURSOR_TTL_MS = 2 * 24 * 60 * 60 * 1000;
/** Oldest cursors are dropped beyond this many (they hold a reference per row). */
export const DEFAULT_MAX_CURSORS = 100;
const LOCATOR = /^(01g[A-Za-z0-9]{15})-(\d+)$/;

export interface Cursor {
  id: string;
  records: readonly StoredRecord[];
  projection: Projection;
  pageSize: number;
  expiresAt: number;
}

export class CursorStore {
  private readonly cursors = new Map<string, Cursor>();
  private counter = 0;

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs: number = DEFAULT_CURSOR_TTL_MS,
    private readonly maxCursors: number = DEFAULT_MAX_CURSORS,
  ) {}

  open(records: readonly StoredRecord[], projection: Projection, pageSize: number): Cursor {
    const cursor: Cursor = {
      id: makeId('01g', ++this.counter),
      records,
      projection,
      pageSize,
      expiresAt: this.clock.now() + this.ttlMs,
    };
    this.cursors.set(cursor.id, cursor);
    while (this.cursors.size > this.maxCursors) {
      const oldest = this.cursors.keys().next().value;
      if (oldest === undefined) break;
      this.cursors.delete(oldest);
    }
    return cursor;
  }

  /** The cursor and offset a locator points to, or undefined if invalid or expired. */
  resolve(locator: string): { cursor: Cursor; offset: number } | undefined {
    const m = LOCATOR.exec(locator);
    const cursor = m?.[1] === undefined ? undefined : this.cursors.get(m[1]);
    if (!cursor || !m) return undefined;
    if (cursor.expiresAt <= this.clock.now()) {
      this.cursors.delete(cursor.id);
      return undefined;
    }
    const offset = Number(m[2]);
    return offset <= cursor.records.length ? { cursor, offset } : undefined;
  }

  static locator(cursor: Cursor, offset: number): string {
    return `${cursor.id}-${offset}`;
  }

  /** Forgets every cursor (their locators then answer INVALID_QUERY_LOCATOR). */
  expireAll(): number {
    const n = this.cursors.size;
    this.cursors.clear();
    return n;
  }

  get size(): number {
    return this.cursors.size;
  }
}
