/**
 * Bulk API 2.0 results are CSV: every value a string, null an empty field, relationship fields
 * flattened (`Opportunity.OwnerId`), datetimes ending in `Z`. These functions turn them into the
 * records the REST API would have returned (typed values, nested relationships, `+0000`
 * datetimes), so the mapping code reads both alike. Two differences remain, for want of data in
 * the CSV: `attributes` carries only the type (no `url`), and nested records have none.
 */
import type { SfRecord } from '../core/model';
import { CoachError } from '../lib/errors';
import { formatSalesforceDateTime, parseSalesforceDateTime } from './sf-datetime';

/** Field path (lower case) → Salesforce field type from the describe. */
export type FieldTypes = ReadonlyMap<string, string>;

const NUMBER_TYPES = new Set(['int', 'double', 'currency', 'percent', 'long']);

/** RFC 4180 CSV with `,` and LF or CRLF line endings, as Salesforce writes it. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') endRow();
    else if (ch !== '\r' || text[i + 1] !== '\n') field += ch;
    i += 1;
  }
  if (quoted) throw badCsv('a quoted field is not closed');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

function badCsv(detail: string): CoachError {
  return new CoachError({
    code: 'SF_BAD_RESPONSE',
    message: `Salesforce sent Bulk API results the connector does not understand: ${detail}.`,
    actions: ['Raise sync.bulkThreshold to read this object through the REST API, and report this.'],
  });
}

function convert(cell: string, type: string | undefined, column: string): unknown {
  if (cell === '') return null;
  if (type === 'boolean') return cell === 'true';
  if (type !== undefined && NUMBER_TYPES.has(type)) {
    const number = Number(cell);
    if (!Number.isFinite(number)) throw badCsv(`${column} holds ${JSON.stringify(cell)} where a number was expected`);
    return number;
  }
  if (type === 'datetime') return formatSalesforceDateTime(parseSalesforceDateTime(cell));
  return cell;
}

function setPath(record: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (rest.length === 0) {
    record[head] = value;
    return;
  }
  const child = (record[head] ??= {}) as Record<string, unknown>;
  setPath(child, rest, value);
}

/** REST returns `Opportunity: null` for an empty lookup; CSV can only say all its columns are empty. */
function nullEmptyRelationships(record: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(record)) {
    if (key === 'attributes' || typeof value !== 'object' || value === null) continue;
    const child = value as Record<string, unknown>;
    nullEmptyRelationships(child);
    if (Object.values(child).every((v) => v === null)) record[key] = null;
  }
}

/** Turns one page of CSV rows (header first) into typed records of `object`. */
export function csvToRecords(rows: readonly string[][], object: string, types: FieldTypes): SfRecord[] {
  const [header, ...data] = rows;
  if (header === undefined) return [];
  const columns = header.map((name) => ({ name, segments: name.split('.'), type: types.get(name.toLowerCase()) }));
  return data.map((cells) => {
    if (cells.length !== columns.length) throw badCsv(`a row has ${cells.length} values for ${columns.length} columns`);
    const record: Record<string, unknown> = { attributes: { type: object } };
    columns.forEach((column, i) => setPath(record, column.segments, convert(cells[i] ?? '', column.type, column.name)));
    nullEmptyRelationships(record);
    return record;
  });
}
