/**
 * Values with quotes, backslashes and SOQL in them. A picklist value such as "Didn't show" is real,
 * so values are accepted as written: they are compared with the records in memory and never
 * spliced into a query (the query builder escapes any string literal anyway). Names that do go
 * into a query (objects, fields, ids) are refused by their formats: see the broken-config corpus.
 */
import { stringify } from 'yaml';
import { parseConfig, toCoachModel, type Config } from '../../src/config';
import { readPlan } from '../../src/core';
import { quoteString } from '../../src/salesforce/soql-builder';
import { minimalConfig } from './builders';

const HOSTILE = `Didn't show \\ "maybe" ' OR Id != null`;
const NAME = `O'Brien \\ Sons ' OR Id != null`;

function hostileConfig(): Config {
  const input = minimalConfig();
  const [contact, appointment, sold] = input.steps;
  if (contact === undefined || appointment === undefined || sold === undefined) throw new Error('three steps expected');
  input.steps = [contact, { ...appointment, match: { Type: HOSTILE } }, sold];
  input.dealership = { ...input.dealership, name: NAME };
  input.writeBack = { subjectPrefix: `[Coach's] \\ ` };
  return parseConfig(stringify(input), 'hostile.yaml', { cwd: '/work' });
}

describe('values with quotes, backslashes and SOQL in them', () => {
  it('given them in a match value, the dealership name and the subject prefix, when validated, then they are kept as written', () => {
    const config = hostileConfig();
    expect(config.steps[1]?.match).toEqual({ Type: HOSTILE });
    expect(config.dealership.name).toBe(NAME);
    expect(config.writeBack.subjectPrefix).toBe(`[Coach's] \\ `);
  });

  it('given them in a match value, when the reads are planned, then no value reaches a query, only field names', () => {
    const plan = JSON.stringify(readPlan(toCoachModel(hostileConfig())));
    expect(plan).not.toContain('OR Id');
    expect(plan).not.toContain("Didn't");
  });

  it('given one as a SOQL string literal, then quotes and backslashes are escaped', () => {
    expect(quoteString(HOSTILE)).toBe(`'Didn\\'t show \\\\ \\"maybe\\" \\' OR Id != null'`);
  });
});
