import fc from 'fast-check';
import { csvToRecords, parseCsv } from '../../src/salesforce/bulk-csv';
import { formatSalesforceDateTime, parseSalesforceDateTime } from '../../src/salesforce/sf-datetime';

describe('Salesforce datetimes', () => {
  it.each([
    ['2026-11-20T15:04:05.000+0000', Date.UTC(2026, 10, 20, 15, 4, 5)],
    ['2026-11-20T15:04:05.123Z', Date.UTC(2026, 10, 20, 15, 4, 5, 123)],
    ['2026-11-20T10:04:05-05:00', Date.UTC(2026, 10, 20, 15, 4, 5)],
    ['2026-11-21T01:04:05.5+1000', Date.UTC(2026, 10, 20, 15, 4, 5, 500)],
  ])('given %s, then it is the right instant', (text, expected) => {
    expect(parseSalesforceDateTime(text)).toBe(expected);
  });

  it.each(['2026-11-20', '2026-11-20 15:04:05', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-20T15:04:05', 'garbage', ''])(
    'given %j, then it is refused with SF_BAD_DATETIME',
    (text) => {
      expect(() => parseSalesforceDateTime(text)).toThrow(expect.objectContaining({ code: 'SF_BAD_DATETIME' }));
    },
  );

  it('property: formatting then parsing returns the same instant, in the REST format', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(9999, 11, 31) }), (ms) => {
        const text = formatSalesforceDateTime(ms);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/);
        expect(parseSalesforceDateTime(text)).toBe(ms);
      }),
    );
  });
});

describe('Bulk API CSV', () => {
  it('given quoted fields with commas, doubled quotes, line breaks and CRLF, then each field is read whole', () => {
    expect(parseCsv('"a","b"\r\n"x, y","say ""hi"""\r\n"line\nbreak",\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['line\nbreak', ''],
    ]);
  });

  it('given an unclosed quote, then the page is refused', () => {
    expect(() => parseCsv('"a\n')).toThrow(expect.objectContaining({ code: 'SF_BAD_RESPONSE' }));
  });

  it('property: any grid of strings written as Salesforce CSV parses back to itself', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }), (grid) => {
        const text = grid.map((row) => row.map((v) => `"${v.replace(/"/g, '""')}"`).join(',')).join('\n');
        expect(parseCsv(text)).toEqual(grid);
      }),
    );
  });

  it('given a row with too few values, then the page is refused', () => {
    expect(() => csvToRecords([['Id', 'Name'], ['001']], 'Account', new Map())).toThrow(expect.objectContaining({ code: 'SF_BAD_RESPONSE' }));
  });

  it('given a number column holding text, then the page is refused rather than read as NaN', () => {
    expect(() => csvToRecords([['Amount'], ['lots']], 'Opportunity', new Map([['amount', 'currency']]))).toThrow(
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
      csvToRecords(
        [
          ['Amount', 'IsClosed', 'CloseDate', 'Owner.Manager.Name'],
          ['31999.5', 'true', '2026-11-30', 'Pat Boss'],
        ],
        'Opportunity',
        types,
      ),
    ).toEqual([{ attributes: { type: 'Opportunity' }, Amount: 31999.5, IsClosed: true, CloseDate: '2026-11-30', Owner: { Manager: { Name: 'Pat Boss' } } }]);
  });
});
