import type { FieldValue, StoredRecord } from '../../schema/types';
import type { Column } from '../../soql/projection';
import type { ColumnDelimiter, LineEnding } from './bulk-jobs';

/**
 * Bulk API 2.0 result CSV: a header row of the SELECT's field names (relationships flattened,
 * `Owner.Name`), every value quoted with quotes doubled, null as an empty unquoted field, and
 * datetimes with a `Z` (`2026-11-20T15:04:05.000Z`) where REST JSON writes `+0000`.
 */

const DELIMITERS: Record<ColumnDelimiter, string> = {
  BACKQUOTE: '`',
  CARET: '^',
  COMMA: ',',
  PIPE: '|',
  SEMICOLON: ';',
  TAB: '\t',
};

export function toCsv(
  columns: readonly Column[],
  rows: readonly StoredRecord[],
  delimiter: ColumnDelimiter,
  lineEnding: LineEnding,
): string {
  const sep = DELIMITERS[delimiter];
  const eol = lineEnding === 'CRLF' ? '\r\n' : '\n';
  const lines = [columns.map((c) => quote(c.name)).join(sep)];
  const cells = columns.map((c) =>
    c.type === 'datetime' ? (r: StoredRecord) => cell(zulu(c.get(r))) : (r: StoredRecord) => cell(c.get(r)),
  );
  for (const row of rows) lines.push(cells.map((render) => render(row)).join(sep));
  return lines.join(eol) + eol;
}

function zulu(value: FieldValue): FieldValue {
  return typeof value === 'string' && value.endsWith('+0000') ? `${value.slice(0, -5)}Z` : value;
}

function cell(value: FieldValue): string {
  return value === null ? '' : quote(String(value));
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
