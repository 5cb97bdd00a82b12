/**
 * Reading values out of records shaped as the Salesforce REST API returns them: field paths
 * through parent relationships, texts and numbers. Datetimes and dates have their own grammar
 * (salesforce-datetime.ts).
 */
import type { SfRecord } from './model';

/** Reads one field path (`OwnerId`, `Opportunity.OwnerId`) from a record. */
export type FieldReader = (record: SfRecord) => unknown;

/**
 * Compiles a field path into a reader. A missing or empty parent (`Opportunity: null`) yields
 * undefined, never an exception: a lookup left empty is ordinary data.
 */
export function compilePath(path: string): FieldReader {
  const parts = path.split('.');
  if (parts.length === 1) return (record) => record[path];
  return (record) => {
    let value: unknown = record;
    for (const part of parts) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  };
}

export function readPath(record: SfRecord, path: string): unknown {
  return compilePath(path)(record);
}

/** A non-empty string value, else null (Salesforce sends empty ids and texts as null). */
export function asText(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A finite number, also from a numeric string; else null. */
export function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}
