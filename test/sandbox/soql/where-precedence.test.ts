import { lead, newOrg, queryError, select } from '../support/org-fixture';

describe('WHERE precedence and the mixes a real org refuses', () => {
  const org = newOrg();
  lead(org, { LastName: 'A', Company: 'x', LeadSource: 'Web' });
  lead(org, { LastName: 'B', Company: 'y', LeadSource: 'Web' });
  lead(org, { LastName: 'C', Company: 'x', LeadSource: 'Other' });
  const names = (where: string): unknown[] =>
    select(org, `SELECT LastName FROM Lead WHERE ${where} ORDER BY LastName`).map((r) => r.LastName);

  it('given parenthesised OR inside AND, then AND applies to the whole group', () => {
    expect(names("LeadSource = 'Web' AND (Company = 'x' OR LastName = 'C')")).toEqual(['A']);
  });

  it('given parenthesised AND inside OR, then OR joins the groups', () => {
    expect(names("(LeadSource = 'Web' AND Company = 'y') OR LastName = 'C'")).toEqual(['B', 'C']);
  });

  it('given NOT before a condition, then NOT binds tighter than AND', () => {
    expect(names("NOT Company = 'x' AND LeadSource = 'Web'")).toEqual(['B']);
  });

  it('given NOT before a parenthesised group, then the whole group is negated', () => {
    expect(names("NOT (Company = 'x' OR LeadSource = 'Other')")).toEqual(['B']);
  });

  it('given a parenthesised NOT after AND, then it is accepted', () => {
    expect(names("LeadSource = 'Web' AND (NOT Company = 'x')")).toEqual(['B']);
  });

  it('given AND and OR mixed at one level, then MALFORMED_QUERY points at the OR', () => {
    const error = queryError(org, "SELECT Id FROM Lead WHERE Company = 'x' AND LeadSource = 'Web' OR LastName = 'C'");
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toMatch(/ERROR at Row:1:Column:64\nunexpected token: OR$/);
  });

  it('given OR then AND at one level, then the AND is the unexpected token', () => {
    expect(
      queryError(org, "SELECT Id FROM Lead WHERE Company = 'x' OR LeadSource = 'Web' AND LastName = 'C'").message,
    ).toMatch(/unexpected token: AND$/);
  });

  it('given AND NOT without parentheses, then MALFORMED_QUERY names NOT', () => {
    const error = queryError(org, "SELECT Id FROM Lead WHERE Company = 'x' AND NOT LeadSource = 'Web'");
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toMatch(/unexpected token: NOT$/);
  });

  it('given NOT IN, then it is an operator, not a logical NOT', () => {
    expect(names("Company = 'x' AND LeadSource NOT IN ('Other')")).toEqual(['A']);
  });
});
