import fc from 'fast-check';
import { CoachError } from '../../src/lib/errors';
import {
  and,
  apiName,
  buildCount,
  buildSelect,
  date,
  dateTime,
  eq,
  fieldPath,
  gte,
  isIn,
  literal,
  lt,
  ne,
  not,
  notIn,
  or,
  quoteString,
  renderCondition,
} from '../../src/salesforce/soql-builder';

/** The SOQL lexer's view of a quoted literal at `start`: its value and where it ends. */
function readLiteral(soql: string, start: number): { value: string; end: number } {
  const unescape: Record<string, string> = {
    n: '\n',
    r: '\r',
    t: '\t',
    b: '\b',
    f: '\f',
    '"': '"',
    "'": "'",
    '\\': '\\',
  };
  expect(soql[start]).toBe("'");
  let value = '';
  for (let i = start + 1; i < soql.length; i += 1) {
    const ch = soql[i] as string;
    if (ch === '\\') {
      const next = soql[i + 1] as string;
      expect(Object.keys(unescape)).toContain(next);
      value += unescape[next];
      i += 1;
    } else if (ch === "'") {
      return { value, end: i + 1 };
    } else {
      value += ch;
    }
  }
  throw new Error('literal never closed');
}

describe('SOQL identifiers', () => {
  it.each(['Task', 'Appointment_Status__c', 'ns__Thing__c', 'OpportunityHistory', 'Flag_Key__c'])(
    'given the API name %s, then it is accepted',
    (name) => {
      expect(apiName(name)).toBe(name);
    },
  );

  it.each(['Task; DELETE', 'Id FROM User--', '1Task', 'Bad__Name__', '_x', 'a b', 'Task.Owner', "Name'", ''])(
    'given %j as an API name, then it is refused with SOQL_INVALID_IDENTIFIER',
    (name) => {
      expect(() => apiName(name)).toThrow(expect.objectContaining({ code: 'SOQL_INVALID_IDENTIFIER', exitCode: 2 }));
    },
  );

  it('given relationship paths up to five hops, then they are accepted, and a sixth hop is refused', () => {
    expect(fieldPath('Opportunity.OwnerId')).toBe('Opportunity.OwnerId');
    expect(fieldPath('A.B.C.D.E.F')).toBe('A.B.C.D.E.F');
    expect(() => fieldPath('A.B.C.D.E.F.G')).toThrow(CoachError);
    expect(() => fieldPath('Opportunity..OwnerId')).toThrow(CoachError);
  });
});

describe('SOQL literals', () => {
  it('given special characters, then each is escaped the way SOQL reads it', () => {
    expect(quoteString('O\'Brien \\ "x"\n\r\t\b\f')).toBe("'O\\'Brien \\\\ \\\"x\\\"\\n\\r\\t\\b\\f'");
  });

  it('given instants, then datetimes are UTC without milliseconds', () => {
    expect(literal(dateTime(Date.UTC(2026, 10, 20, 15, 4, 5, 999)))).toBe('2026-11-20T15:04:05Z');
    expect(literal(dateTime(new Date('2026-11-20T10:04:05-05:00')))).toBe('2026-11-20T15:04:05Z');
  });

  it('given dates, then real ones render bare and impossible ones are refused', () => {
    expect(literal(date('2026-02-28'))).toBe('2026-02-28');
    expect(() => date('2026-02-30')).toThrow(expect.objectContaining({ code: 'SOQL_INVALID_VALUE' }));
    expect(() => date('26-02-01')).toThrow(CoachError);
  });

  it('given numbers, booleans and null, then they render as SOQL words without exponents', () => {
    expect(literal(42)).toBe('42');
    expect(literal(-1.5)).toBe('-1.5');
    expect(literal(1e21)).toBe('1000000000000000000000');
    expect(literal(1e-7)).toBe('0.0000001');
    expect(literal(true)).toBe('TRUE');
    expect(literal(false)).toBe('FALSE');
    expect(literal(null)).toBe('NULL');
    expect(() => literal(Number.NaN)).toThrow(CoachError);
    expect(() => literal(Infinity)).toThrow(CoachError);
  });

  it('property: any string round-trips through escaping and its literal ends exactly where it should', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })),
        fc.string(),
        (value, trailing) => {
          const soql = `Name = ${quoteString(value)} AND X = 1${trailing}`;
          const { value: read, end } = readLiteral(soql, 'Name = '.length);
          expect(read).toBe(value);
          expect(soql.slice(end)).toBe(` AND X = 1${trailing}`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: strings made of quotes, backslashes and line breaks never break out of an IN list', () => {
    const nasty = fc.string({ unit: fc.constantFrom("'", '\\', '"', '\n', '\r', 'a', ' ', ')', ',') });
    fc.assert(
      fc.property(fc.array(nasty, { minLength: 1, maxLength: 5 }), (values) => {
        const rendered = renderCondition(isIn('Key__c', values));
        let position = 'Key__c IN ('.length;
        const read: string[] = [];
        for (const _ of values) {
          const literalRead = readLiteral(rendered, position);
          read.push(literalRead.value);
          position = literalRead.end + 2;
        }
        expect(read).toEqual(values);
        expect(rendered.endsWith(')')).toBe(true);
        expect(position - 1).toBe(rendered.length);
      }),
    );
  });
});

describe('SOQL conditions', () => {
  it('given AND inside OR, then every composite operand is parenthesised', () => {
    const condition = or(and(eq('Type', 'Call'), eq('Status', 'Completed')), eq('CallDisposition', 'Contacted'));
    expect(renderCondition(condition)).toBe(
      "(Type = 'Call' AND Status = 'Completed') OR CallDisposition = 'Contacted'",
    );
  });

  it('given NOT inside AND, then NOT gets its own parentheses (real orgs reject `A AND NOT B`)', () => {
    expect(renderCondition(and(eq('IsClosed', false), not(eq('Type', 'Follow-Up'))))).toBe(
      "IsClosed = FALSE AND (NOT Type = 'Follow-Up')",
    );
    expect(renderCondition(not(or(eq('A', 1), eq('B', 2))))).toBe('NOT (A = 1 OR B = 2)');
  });

  it('given a single-operand AND, then it renders as its operand', () => {
    expect(renderCondition(and(eq('A', 1)))).toBe('A = 1');
    expect(() => renderCondition(and())).toThrow(CoachError);
  });

  it('given IN and NOT IN lists, then values are literals and an empty list is refused', () => {
    expect(renderCondition(isIn('StageName', ['Demo', "Write'Up"]))).toBe("StageName IN ('Demo', 'Write\\'Up')");
    expect(renderCondition(notIn('Status', ['Closed']))).toBe("Status NOT IN ('Closed')");
    expect(() => isIn('StageName', [])).toThrow(CoachError);
  });

  it('given null with a range operator, then it is refused; with = and != it renders NULL', () => {
    expect(renderCondition(ne('WhoId', null))).toBe('WhoId != NULL');
    expect(() => lt('X', null)).toThrow(CoachError);
  });

  it('given a hostile field name, then the condition cannot be built', () => {
    expect(() => eq("Name = 'x' OR Id", 'y')).toThrow(expect.objectContaining({ code: 'SOQL_INVALID_IDENTIFIER' }));
  });
});

describe('SOQL statements', () => {
  it('given an incremental read, then SELECT, WHERE, ORDER BY and LIMIT come out in order with duplicates removed', () => {
    const soql = buildSelect({
      object: 'Task',
      fields: ['Id', 'SystemModstamp', 'id', 'Opportunity.OwnerId'],
      where: and(
        gte('SystemModstamp', dateTime(Date.UTC(2026, 0, 1))),
        lt('SystemModstamp', dateTime(Date.UTC(2026, 0, 2))),
      ),
      orderBy: [{ field: 'SystemModstamp' }, { field: 'Id', direction: 'DESC', nulls: 'LAST' }],
      limit: 10,
    });
    expect(soql).toBe(
      'SELECT Id, SystemModstamp, Opportunity.OwnerId FROM Task WHERE SystemModstamp >= 2026-01-01T00:00:00Z AND SystemModstamp < 2026-01-02T00:00:00Z ORDER BY SystemModstamp, Id DESC NULLS LAST LIMIT 10',
    );
  });

  it('given a count, then it is SELECT COUNT() with the condition and no ORDER BY', () => {
    expect(buildCount({ object: 'Lead', where: eq('IsConverted', false) })).toBe(
      'SELECT COUNT() FROM Lead WHERE IsConverted = FALSE',
    );
  });

  it('given no fields or a bad limit, then the statement is refused', () => {
    expect(() => buildSelect({ object: 'Lead', fields: [] })).toThrow(CoachError);
    expect(() => buildSelect({ object: 'Lead', fields: ['Id'], limit: 0 })).toThrow(CoachError);
    expect(() => buildSelect({ object: 'Lead; x', fields: ['Id'] })).toThrow(CoachError);
  });
});
