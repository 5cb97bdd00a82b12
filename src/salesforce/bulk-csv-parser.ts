/**
 * RFC 4180 CSV as Bulk API 2.0 writes it (`,` between fields, LF or CRLF between rows, values
 * quoted with quotes doubled, null as an empty unquoted field), read one row at a time.
 *
 * A million-row backfill passes every character through here, so the parser never looks at
 * characters one by one in JavaScript: it finds the next delimiter or quote with `indexOf` and
 * takes each field with one `slice` (a quoted field with doubled quotes takes one per part).
 * The positions of the next comma and the next line feed are remembered until passed, so a row
 * is scanned once however many fields it has.
 */
import { CoachError } from '../lib/errors';

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

export function badCsv(detail: string): CoachError {
  return new CoachError({
    code: 'SF_BAD_RESPONSE',
    message: `Salesforce sent Bulk API results the connector does not understand: ${detail}.`,
    actions: ['Raise sync.bulkThreshold to read this object through the REST API, and report this.'],
  });
}

/** Reads the rows of one CSV text in order; holds nothing but the text and a position. */
export class CsvCursor {
  private position = 0;
  /** Index of the first comma at or after `position` (the text's length if none), once known. */
  private comma = -1;
  /** Index of the first line feed at or after `position` (the text's length if none), once known. */
  private lineFeed = -1;

  constructor(private readonly text: string) {}

  /** The next row's fields, or null after the last row. A line ending after the last row adds none. */
  next(): string[] | null {
    if (this.position >= this.text.length) return null;
    const row: string[] = [];
    for (;;) {
      const atRowEnd = this.text.charCodeAt(this.position) === QUOTE ? this.readQuoted(row) : this.readUnquoted(row);
      if (atRowEnd) return row;
    }
  }

  /** Reads the field at `position` that is not quoted; true if it ended the row. */
  private readUnquoted(row: string[]): boolean {
    const { text, position } = this;
    const comma = this.nextComma(position);
    const lineFeed = this.nextLineFeed(position);
    if (comma < lineFeed) {
      row.push(text.slice(position, comma));
      this.position = comma + 1;
      return false;
    }
    // A CR before the LF is the CRLF line ending, not part of the value.
    const valueEnd =
      lineFeed < text.length && lineFeed > position && text.charCodeAt(lineFeed - 1) === CR ? lineFeed - 1 : lineFeed;
    row.push(text.slice(position, valueEnd));
    this.position = lineFeed + 1;
    return true;
  }

  /** Reads the quoted field opening at `position` (doubled quotes inside); true if it ended the row. */
  private readQuoted(row: string[]): boolean {
    const { text } = this;
    let start = this.position + 1;
    let value = '';
    let close = text.indexOf('"', start);
    // A doubled quote is one quote of the value: keep up to the first of the two, go on after both.
    while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) {
      value += text.slice(start, close + 1);
      start = close + 2;
      close = text.indexOf('"', start);
    }
    if (close < 0) throw badCsv('a quoted field is not closed');
    row.push(value + text.slice(start, close));
    const after = close + 1;
    const next = text.charCodeAt(after);
    if (after >= text.length || next === LF) {
      this.position = after + 1;
      return true;
    }
    if (next === CR && text.charCodeAt(after + 1) === LF) {
      this.position = after + 2;
      return true;
    }
    if (next === COMMA) {
      this.position = after + 1;
      return false;
    }
    throw badCsv(`a quoted field is followed by ${JSON.stringify(text.slice(after, after + 10))}`);
  }

  private nextComma(from: number): number {
    if (this.comma < from) this.comma = indexOrEnd(this.text, ',', from);
    return this.comma;
  }

  private nextLineFeed(from: number): number {
    if (this.lineFeed < from) this.lineFeed = indexOrEnd(this.text, '\n', from);
    return this.lineFeed;
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? text.length : index;
}
