import { count, lead, newOrg, queryError, select, task } from '../support/org-fixture';

describe('SOQL field lists and relationship paths', () => {
  const org = newOrg();
  const me = org.integrationUserId;
  const leadId = lead(org, { FirstName: 'Dana', LastName: 'Reyes' });
  const opp = org.writer.create(
    'Opportunity',
    { Name: 'F-150', StageName: 'Demo', CloseDate: '2026-12-01', Amount: 100 },
    me,
  );
  task(org, { Subject: 'with who', WhoId: leadId });
  task(org, { Subject: 'orphan' });

  it('given parent fields, then each relationship is one nested object with its own attributes', () => {
    const outcome = org.queries.run("SELECT Id, Owner.Name, Owner.Alias FROM Task WHERE Subject = 'with who'", {
      scanAll: false,
    });
    if (outcome.kind !== 'records') throw new Error('expected records');
    const [row] = outcome.records.map((r) => outcome.projection.project(r, '62.0'));
    expect(row).toEqual({
      attributes: { type: 'Task', url: `/services/data/v62.0/sobjects/Task/${String(row?.Id)}` },
      Id: row?.Id,
      Owner: {
        attributes: { type: 'User', url: `/services/data/v62.0/sobjects/User/${me}` },
        Name: 'Integration User',
        Alias: 'integ',
      },
    });
  });

  it('given a polymorphic relationship, then it resolves through the Name object, and is null when empty', () => {
    const rows = select(org, 'SELECT Subject, Who.Name, Who.Type FROM Task ORDER BY Subject DESC');
    expect(rows).toEqual([
      {
        Subject: 'with who',
        Who: {
          attributes: { type: 'Name', url: `/services/data/v62.0/sobjects/Lead/${leadId}` },
          Name: 'Dana Reyes',
          Type: 'Lead',
        },
      },
      { Subject: 'orphan', Who: null },
    ]);
  });

  it('given a two-level path from a history row, then it walks both lookups', () => {
    const [row] = select(org, 'SELECT StageName, Opportunity.Owner.Name, Opportunity.OwnerId FROM OpportunityHistory');
    expect(row).toMatchObject({ StageName: 'Demo', Opportunity: { Owner: { Name: 'Integration User' }, OwnerId: me } });
    expect(
      select(org, `SELECT Id FROM OpportunityHistory WHERE Opportunity.OwnerId = '${me.slice(0, 15)}'`),
    ).toHaveLength(1);
    expect(opp.Id).toBeDefined();
  });

  it('given field names in another case, then the described names come back', () => {
    expect(select(org, "SELECT subject, OWNERID FROM task WHERE subject = 'ORPHAN'")).toEqual([
      { Subject: 'orphan', OwnerId: me },
    ]);
  });
});

describe('SOQL filters, ordering and windows', () => {
  const org = newOrg();
  for (const [i, fields] of [
    { LastName: "O'Brien", Company: 'Acme', LeadSource: 'Web', Email: 'a@x.io' },
    { LastName: 'Ng', Company: 'acme motors', LeadSource: null, Email: null },
    { LastName: 'Patel', Company: 'Bolt_Cars', LeadSource: 'Other', Email: 'p@x.io' },
    { LastName: '100%', Company: 'Zed', LeadSource: 'Web', Email: null },
  ].entries()) {
    lead(org, { ...fields, Rating: i % 2 === 0 ? 'Hot' : null });
  }
  const names = (soql: string): unknown[] => select(org, soql).map((r) => r.LastName);

  it('given string equality, then it is case-insensitive and honours backslash escapes', () => {
    expect(names("SELECT LastName FROM Lead WHERE LastName = 'o\\'brien'")).toEqual(["O'Brien"]);
  });

  it('given LIKE, then % and _ are wildcards, escaped ones are literal, and case is ignored', () => {
    expect(names("SELECT LastName FROM Lead WHERE Company LIKE 'ACME%' ORDER BY LastName")).toEqual(['Ng', "O'Brien"]);
    expect(names("SELECT LastName FROM Lead WHERE Company LIKE 'Bolt\\_C_rs'")).toEqual(['Patel']);
    expect(names("SELECT LastName FROM Lead WHERE LastName LIKE '100\\%'")).toEqual(['100%']);
  });

  it('given != and NOT IN, then rows whose value is null match too', () => {
    expect(names("SELECT LastName FROM Lead WHERE LeadSource != 'Web' ORDER BY LastName")).toEqual(['Ng', 'Patel']);
    expect(names("SELECT LastName FROM Lead WHERE LeadSource NOT IN ('Web', 'Other')")).toEqual(['Ng']);
    expect(names('SELECT LastName FROM Lead WHERE Email = null ORDER BY LastName')).toEqual(['100%', 'Ng']);
  });

  it('given ORDER BY without NULLS, then nulls come first ascending and last descending', () => {
    expect(names('SELECT LastName FROM Lead ORDER BY LeadSource, LastName')).toEqual([
      'Ng',
      'Patel',
      '100%',
      "O'Brien",
    ]);
    expect(names('SELECT LastName FROM Lead ORDER BY LeadSource DESC, LastName')).toEqual([
      '100%',
      "O'Brien",
      'Patel',
      'Ng',
    ]);
    expect(names('SELECT LastName FROM Lead ORDER BY LeadSource ASC NULLS LAST, LastName DESC')).toEqual([
      'Patel',
      "O'Brien",
      '100%',
      'Ng',
    ]);
  });

  it('given LIMIT and OFFSET, then they window the ordered rows', () => {
    expect(names('SELECT LastName FROM Lead ORDER BY LastName LIMIT 2 OFFSET 1')).toEqual(['Ng', "O'Brien"]);
    expect(count(org, "SELECT COUNT() FROM Lead WHERE LeadSource = 'Web'")).toBe(2);
  });

  it('given OFFSET over 2000, then a real org refuses it', () => {
    expect(queryError(org, 'SELECT Id FROM Lead OFFSET 2001').errorCode).toBe('NUMBER_OUTSIDE_VALID_RANGE');
  });
});

describe('SOQL aggregates', () => {
  const org = newOrg();
  const me = org.integrationUserId;
  for (const [stage, amount] of [
    ['Demo', 100],
    ['Demo', 300],
    ['Closed Won', 500],
    ['Needs Analysis', null],
  ] as const) {
    org.writer.create(
      'Opportunity',
      {
        Name: 'o',
        StageName: stage,
        CloseDate: '2026-12-01',
        Amount: amount,
        LeadSource: stage === 'Demo' ? 'Web' : null,
      },
      me,
    );
  }

  it('given GROUP BY with unaliased aggregates, then columns are expr0, expr1… and rows are AggregateResult', () => {
    const outcome = org.queries.run(
      'SELECT StageName, COUNT(Id), SUM(Amount), MAX(Amount) top FROM Opportunity GROUP BY StageName ORDER BY StageName',
      { scanAll: false },
    );
    if (outcome.kind !== 'aggregate') throw new Error('expected aggregate rows');
    expect(outcome.rows).toEqual([
      { attributes: { type: 'AggregateResult' }, StageName: 'Closed Won', expr0: 1, expr1: 500, top: 500 },
      { attributes: { type: 'AggregateResult' }, StageName: 'Demo', expr0: 2, expr1: 400, top: 300 },
      { attributes: { type: 'AggregateResult' }, StageName: 'Needs Analysis', expr0: 1, expr1: null, top: null },
    ]);
  });

  it('given no GROUP BY, then one row aggregates everything, and COUNT(field) skips nulls', () => {
    expect(
      select(org, 'SELECT COUNT(Id), COUNT(LeadSource), AVG(Amount), COUNT_DISTINCT(StageName) FROM Opportunity'),
    ).toEqual([{ expr0: 4, expr1: 2, expr2: 300, expr3: 3 }]);
  });

  it('given ORDER BY an aggregate and a relationship group, then groups sort by it and key by the last segment', () => {
    expect(
      select(
        org,
        'SELECT Owner.Name, StageName, COUNT(Id) n FROM Opportunity GROUP BY Owner.Name, StageName ORDER BY COUNT(Id) DESC, StageName LIMIT 1',
      ),
    ).toEqual([{ Name: 'Integration User', StageName: 'Demo', n: 2 }]);
  });

  it('given an ungrouped plain field, then MALFORMED_QUERY says it must be grouped or aggregated', () => {
    const error = queryError(org, 'SELECT Name, COUNT(Id) FROM Opportunity GROUP BY StageName');
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toContain('Field must be grouped or aggregated: Name');
  });

  it.each([
    ['a datetime', 'CreatedDate'],
    ['a currency', 'Amount'],
  ])('given GROUP BY on %s field, then INVALID_FIELD says it cannot be grouped', (_kind, fieldName) => {
    const error = queryError(org, `SELECT COUNT(Id) FROM Opportunity GROUP BY ${fieldName}`);
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain(`field '${fieldName}' can not be grouped in a query call`);
  });
});

describe('SOQL errors as a real org sends them', () => {
  const org = newOrg();

  it('given an unknown column, then INVALID_FIELD carries the excerpt, the caret and the custom-field hint', () => {
    const error = queryError(org, 'SELECT Id, Foo__c FROM Lead');
    expect(error.status).toBe(400);
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toBe(
      "\nSELECT Id, Foo__c FROM Lead\n           ^\nERROR at Row:1:Column:12\nNo such column 'Foo__c' on entity 'Lead'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
    );
  });

  it('given an unknown object, then INVALID_TYPE says it is not supported', () => {
    const error = queryError(org, 'SELECT Id FROM Dealer');
    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(error.message).toContain("sObject type 'Dealer' is not supported.");
  });

  it('given an unknown relationship, then INVALID_FIELD says the relationship is not understood', () => {
    expect(queryError(org, 'SELECT Manager.Name FROM Task').message).toContain(
      "Didn't understand relationship 'Manager' in field path.",
    );
  });

  it('given a filter or ORDER BY on a long text area, then a real org refuses both', () => {
    expect(queryError(org, "SELECT Id FROM Task WHERE Description = 'x'").message).toContain(
      "field 'Description' can not be filtered in a query call",
    );
    expect(queryError(org, 'SELECT Id FROM Task ORDER BY Description').message).toContain(
      "field 'Description' can not be sorted in a query call",
    );
  });

  it.each([
    [
      'a datetime literal on a date field',
      'ActivityDate = 2026-11-20T00:00:00Z',
      'must be of type date and should not be enclosed in quotes',
    ],
    [
      'a date literal on a datetime field',
      'CreatedDate = 2026-11-20',
      'must be of type dateTime and should not be enclosed in quotes',
    ],
    ['a quoted value on a boolean field', "IsClosed = 'true'", 'must be of type boolean'],
    ['a number on a text field', 'Subject = 5', 'must be of type string and should be enclosed in quotes'],
  ])('given %s, then INVALID_FIELD explains the expected type', (_what, where, message) => {
    const error = queryError(org, `SELECT Id FROM Task WHERE ${where}`);
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain(message);
  });

  it('given a malformed id literal, then INVALID_QUERY_FILTER_OPERATOR', () => {
    expect(queryError(org, "SELECT Id FROM Task WHERE OwnerId = 'nope'").errorCode).toBe(
      'INVALID_QUERY_FILTER_OPERATOR',
    );
  });

  it('given a syntax error, then MALFORMED_QUERY names the unexpected token', () => {
    const error = queryError(org, 'SELECT Id FROM Task LIMIT 5 FOO');
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toMatch(/unexpected token: FOO$/);
  });

  it('given COUNT() with ORDER BY, then MALFORMED_QUERY', () => {
    expect(queryError(org, 'SELECT COUNT() FROM Task ORDER BY Id').errorCode).toBe('MALFORMED_QUERY');
  });
});

describe('deleted rows', () => {
  const org = newOrg();
  const gone = lead(org, { LastName: 'Gone' });
  lead(org, { LastName: 'Here' });
  org.writer.delete('Lead', gone, org.integrationUserId);

  it('given a deleted row, then query hides it and queryAll returns it with IsDeleted = true', () => {
    expect(select(org, 'SELECT LastName FROM Lead')).toEqual([{ LastName: 'Here' }]);
    expect(select(org, 'SELECT LastName, IsDeleted FROM Lead WHERE IsDeleted = true', true)).toEqual([
      { LastName: 'Gone', IsDeleted: true },
    ]);
  });
});
