/**
 * Bulk API 2.0 results are CSV: every value a string, null an empty field, relationship fields
 * flattened (`Opportunity.OwnerId`), datetimes ending in `Z`. These functions turn them into the
 * records the REST API would have returned (typed values, nested relationships, `+0000`
 * datetimes), so the mapping code reads both alike. Two differences remain, for want of data in
 * the CSV: `attributes` carries only the type (no `url`, and one object shared by the records of
 * a page), and nested records have none.
 *
 * How each column is converted is decided once per page from its header and the describe; a
 * row then costs one call per cell. Datetimes are rewritten as strings, not parsed.
 */
import type { SfRecord } from '../core/model';
import { formatSfDateTime } from '../core/salesforce-datetime';
import { badCsv, CsvCursor } from './bulk-csv-parser';
import { requireDateTime } from './required-datetime';

/** Field path (lower case) → Salesforce field type from the describe. */
export type FieldTypes = ReadonlyMap<string, string>;

const NUMBER_TYPES = new Set(['int', 'double', 'currency', 'percent', 'long']);
/** What Bulk API 2.0 writes, in Salesforce and in the sandbox: `2026-11-20T15:04:05.000Z`. */
const BULK_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/** What REST writes, and what the connector stores: `2026-11-20T15:04:05.000+0000`. */
const REST_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/;

type Convert = (cell: string, column: string) => unknown;

/** V8 keeps a cut of this many characters or more as a view into the string it was cut from. */
const VIEW_MIN_LENGTH = 13;

/**
 * A copy of `text` that does not keep the results page alive. Cells are cut from the page's
 * text, and one Id kept by a cache (the state store's table of reps) would otherwise hold a whole
 * page for the life of the process. Slicing a concatenation makes V8 copy it flat.
 */
function detached(text: string): string {
  return text.length < VIEW_MIN_LENGTH ? text : (' ' + text).slice(1);
}

const asString: Convert = (cell) => (cell === '' ? null : detached(cell));
const asBoolean: Convert = (cell) => (cell === '' ? null : cell === 'true');

const asNumber: Convert = (cell, column) => {
  if (cell === '') return null;
  const number = Number(cell);
  if (!Number.isFinite(number)) throw badCsv(`${column} holds ${JSON.stringify(cell)} where a number was expected`);
  return number;
};

/**
 * The REST spelling of a datetime. The usual Bulk form is rewritten in place (the same instant,
 * the same fixed width, so that such strings still sort in time order); anything else goes
 * through the one datetime grammar, which refuses what is not a datetime. The two patterns above
 * only recognise a spelling, they accept nothing: a well-shaped cell naming no real time (day 30
 * of February) stays invalid after the rewrite, and is refused by the same grammar where it is
 * used (the window's checkpoint, the sync's check of each record, the core's mapping).
 */
const asDateTime: Convert = (cell) => {
  if (cell === '') return null;
  if (BULK_DATETIME.test(cell)) return detached(`${cell.slice(0, 23)}+0000`);
  if (REST_DATETIME.test(cell)) return detached(cell);
  return formatSfDateTime(requireDateTime(cell));
};

function converterOf(type: string | undefined): Convert {
  if (type === 'boolean') return asBoolean;
  if (type === 'datetime') return asDateTime;
  if (type !== undefined && NUMBER_TYPES.has(type)) return asNumber;
  return asString;
}

/** A column's value at `key`, or a relationship's columns nested under `key`, in header order. */
type Entry = { key: string; index: number; column: string; convert: Convert } | { key: string; shape: Entry[] };

/** The record layout a header describes: `Account.Owner.Name` nests two levels down. */
function shapeOf(header: readonly string[], types: FieldTypes): Entry[] {
  const root: Entry[] = [];
  header.forEach((column, index) => {
    const segments = column.split('.');
    let level = root;
    for (const key of segments.slice(0, -1)) {
      let child = level.find(
        (entry): entry is Extract<Entry, { shape: Entry[] }> => entry.key === key && 'shape' in entry,
      );
      if (child === undefined) {
        child = { key, shape: [] };
        level.push(child);
      }
      level = child.shape;
    }
    level.push({
      key: segments.at(-1) ?? column,
      index,
      column,
      convert: converterOf(types.get(column.toLowerCase())),
    });
  });
  return root;
}

/**
 * Fills `target` from one row; true if any value is not null. REST returns `Account: null` for an
 * empty lookup, and CSV can only say that all its columns are empty: such a relationship is null.
 */
function fill(target: Record<string, unknown>, shape: readonly Entry[], cells: readonly string[]): boolean {
  let anyValue = false;
  for (const entry of shape) {
    if ('shape' in entry) {
      const child: Record<string, unknown> = {};
      const filled = fill(child, entry.shape, cells);
      target[entry.key] = filled ? child : null;
      anyValue ||= filled;
    } else {
      const value = entry.convert(cells[entry.index] ?? '', entry.column);
      target[entry.key] = value;
      anyValue ||= value !== null;
    }
  }
  return anyValue;
}

/** One Bulk results page being read: the rows left, and how each becomes a record. */
export interface CsvPage {
  readonly rows: CsvCursor;
  readonly columns: number;
  readonly shape: readonly Entry[];
  readonly attributes: { readonly type: string };
}

/** Opens a page of CSV (header first) of `object`; its records are then taken by csvToRecords. */
export function openCsvPage(csv: string, object: string, types: FieldTypes): CsvPage {
  const rows = new CsvCursor(csv);
  const header = rows.next() ?? [];
  return { rows, columns: header.length, shape: shapeOf(header, types), attributes: { type: object } };
}

/** The page's next records, at most `max`; empty once the page is read. */
export function csvToRecords(page: CsvPage, max = Number.POSITIVE_INFINITY): SfRecord[] {
  const records: SfRecord[] = [];
  while (records.length < max) {
    const cells = page.rows.next();
    if (cells === null) break;
    if (cells.length !== page.columns) throw badCsv(`a row has ${cells.length} values for ${page.columns} columns`);
    const record: Record<string, unknown> = { attributes: page.attributes };
    fill(record, page.shape, cells);
    records.push(record);
  }
  return records;
}
