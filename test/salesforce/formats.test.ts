import fc from 'fast-check';
import type { SfRecord } from '../../src/core/model';
import { formatSfDateTime } from '../../src/core/salesforce-datetime';
import type { FieldTypes } from '../../src/salesforce/bulk-csv';
import { csvToRecords, openCsvPage } from '../../src/salesforce/bulk-csv';
import { CsvCursor } from '../../src/salesforce/bulk-csv-parser';

/** Every row of a CSV text, walked with the cursor the reader uses. */
function parseCsv(text: string): string[][] {
  const cursor = new CsvCursor(text);
  const rows: string[][] = [];
  for (let row = cursor.next(); row !== null; row = cursor.next()) rows.push(row);
  return rows;
}

/** A table written as RFC 4180 CSV, as Salesforce would: every row ends with the line ending. */
function toCsv(table: readonly string[][], options: { quoteAll: boolean; lineEnding: '\n' | '\r\n' }): string {
  const field = (value: string): string =>
    options.quoteAll || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  return table.map((row) => row.map(field).join(',') + options.lineEnding).join('');
}

/** Every record of one Bulk results page. */
function recordsOf(csv: string, object: string, types: FieldTypes = new Map()): SfRecord[] {
  return csvToRecords(openCsvPage(csv, object, types));
}

describe('Bulk API CSV parsing', () => {
  it('given quoted fields with commas, doubled quotes, line breaks and CRLF, then each field is read whole', () => {
    expect(parseCsv('"a","b"\r\n"x, y","say ""hi"""\r\n"line\nbreak",\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['line\nbreak', ''],
    ]);
  });

  it('given empty unquoted fields (nulls), including a whole empty row of one column, then each is an empty string', () => {
    expect(parseCsv('"Id"\n\n"001"\n\n')).toEqual([['Id'], [''], ['001'], ['']]);
    expect(parseCsv(',,\n"a",,')).toEqual([
      ['', '', ''],
      ['a', '', ''],
    ]);
  });

  it('given an unclosed quote, then the page is refused', () => {
    expect(() => parseCsv('"a\n')).toThrow(expect.objectContaining({ code: 'SF_BAD_RESPONSE' }));
  });

  it('given text after a closing quote, then the page is refused rather than read as another value', () => {
    expect(() => parseCsv('"a"b,"c"\n')).toThrow(expect.objectContaining({ code: 'SF_BAD_RESPONSE' }));
  });

  it('given a cursor, when rows are taken one at a time, then they come in order and then null', () => {
    const cursor = new CsvCursor('"a",b\n"c",d\n');

    expect([cursor.next(), cursor.next(), cursor.next()]).toEqual([['a', 'b'], ['c', 'd'], null]);
  });

  it('property: any table of strings written as RFC 4180 CSV (quoted or not, LF or CRLF) parses back to itself', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ',', '"', '\n', '\r', ' ', 'é', '😀') });
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 6 }));
    fc.assert(
      fc.property(table, fc.boolean(), fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'), (rows, quoteAll, lineEnding) => {
        expect(parseCsv(toCsv(rows, { quoteAll, lineEnding }))).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});

describe('Bulk API CSV to records', () => {
  it('given a row with too few values, then the page is refused', () => {
    expect(() => recordsOf('Id,Name\n001\n', 'Account')).toThrow(expect.objectContaining({ code: 'SF_BAD_RESPONSE' }));
  });

  it('given a number column holding text, then the page is refused rather than read as NaN', () => {
    expect(() => recordsOf('Amount\nlots\n', 'Opportunity', new Map([['amount', 'currency']]))).toThrow(
      expect.objectContaining({ code: 'SF_BAD_RESPONSE' }),
    );
  });

  it('given typed columns and a nested path, then values take the REST shapes', () => {
    const types = new Map([
      ['amount', 'currency'],
      ['isclosed', 'boolean'],
      ['closedate', 'date'],
      ['owner.manager.name', 'string'],
    ]);

    expect(
      recordsOf(
        '"Amount","IsClosed","CloseDate","Owner.Manager.Name"\n"31999.5","true","2026-11-30","Pat Boss"\n',
        'Opportunity',
        types,
      ),
    ).toEqual([
      {
        attributes: { type: 'Opportunity' },
        Amount: 31999.5,
        IsClosed: true,
        CloseDate: '2026-11-30',
        Owner: { Manager: { Name: 'Pat Boss' } },
      },
    ]);
  });

  it('given empty cells, then every type reads null and a relationship with only nulls is null', () => {
    const types = new Map([
      ['amount', 'currency'],
      ['isclosed', 'boolean'],
      ['closedate', 'date'],
      ['lastmodifieddate', 'datetime'],
    ]);

    expect(
      recordsOf(
        'Amount,IsClosed,CloseDate,LastModifiedDate,Owner.Name,Owner.Manager.Name\n,,,,,\n',
        'Opportunity',
        types,
      ),
    ).toEqual([
      {
        attributes: { type: 'Opportunity' },
        Amount: null,
        IsClosed: null,
        CloseDate: null,
        LastModifiedDate: null,
        Owner: null,
      },
    ]);
  });

  it('property: a Bulk datetime is rewritten to the same instant the strict parser reads', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }), (ms) => {
        const [record] = recordsOf(`At\n${new Date(ms).toISOString()}\n`, 'Task', new Map([['at', 'datetime']]));
        expect(record?.At).toBe(formatSfDateTime(ms));
      }),
    );
  });

  it('given a page read in slices, then each slice holds at most the size asked and they continue in order', () => {
    const page = openCsvPage('Id\n1\n2\n3\n', 'Task', new Map());

    expect(
      [csvToRecords(page, 2), csvToRecords(page, 2), csvToRecords(page, 2)].map((records) => records.map((r) => r.Id)),
    ).toEqual([['1', '2'], ['3'], []]);
  });
});
