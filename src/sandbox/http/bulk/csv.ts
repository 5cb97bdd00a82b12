import type { FieldValue, StoredRecord } from '../../schema/types';
import type { ColumnDelimiter, LineEnding } from './bulk-jobs';

/**
 * Bulk API 2.0 result CSV: a header row of the SELECT's field names (relationships flattened,
 * `Owner.Name`), every value quoted with quotes doubled, null as an empty unquoted field.
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
  columns: ReadonlyArray<{ name: string; get: (record: StoredRecord) => FieldValue }>,
  rows: readonly StoredRecord[],
  delimiter: ColumnDelimiter,
  lineEnding: LineEnding,
): string {
  const sep = DELIMITERS[delimiter];
  const eol = lineEnding === 'CRLF' ? '\r\n' : '\n';
  const lines = [columns.map((c) => quote(c.name)).join(sep)];
  for (const row of rows) lines.push(columns.map((c) => cell(c.get(row))).join(sep));
  return lines.join(eol) + eol;
}

function cell(value: FieldValue): string {
  return value === null ? '' : quote(String(value));
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
