import { compileMatch } from '../../src/core/matcher';
import { asNumber, readPath } from '../../src/core/salesforce-values';
import { stageRecord, taskRecord } from './builders';

describe('field paths', () => {
  it('given a nested relationship field, then it is read through the parent object', () => {
    expect(readPath(stageRecord('Demo'), 'Opportunity.OwnerId')).toBe('005000000000001AAA');
  });

  it('given an empty parent lookup or a missing field, then undefined, never an exception', () => {
    expect(readPath(stageRecord('Demo', { Opportunity: null }), 'Opportunity.OwnerId')).toBeUndefined();
    expect(readPath(taskRecord(), 'What.Name')).toBeUndefined();
  });

  it('given numeric text, then it reads as a number; other text does not', () => {
    expect(asNumber('42')).toBe(42);
    expect(asNumber('4 2')).toBeNull();
    expect(asNumber(Number.NaN)).toBeNull();
  });
});

describe('match conditions', () => {
  it('given a scalar, an array and null, then equality, one-of and empty', () => {
    const matches = compileMatch({ Type: 'Call', CallDisposition: ['Contacted', 'Left Message'], WhatId: null });
    expect(matches(taskRecord({ WhatId: null }))).toBe(true);
    expect(matches(taskRecord({ CallDisposition: 'Left Message' }))).toBe(true);
    expect(matches(taskRecord({ CallDisposition: 'No Answer' }))).toBe(false);
    expect(matches(taskRecord({ WhatId: '006000000000001AAA' }))).toBe(false);
  });

  it('given typed values, then booleans match booleans and numbers numbers, not their text', () => {
    expect(compileMatch({ IsClosed: false })(taskRecord({ IsClosed: false }))).toBe(true);
    expect(compileMatch({ IsClosed: false })(taskRecord({ IsClosed: 'false' }))).toBe(false);
    expect(compileMatch({ CallDurationInSeconds: 240 })(taskRecord())).toBe(true);
    expect(compileMatch({ CallDurationInSeconds: 240 })(taskRecord({ CallDurationInSeconds: '240' }))).toBe(false);
  });

  it('given a condition on a nested field, then it is read through the relationship', () => {
    expect(compileMatch({ 'Opportunity.OwnerId': '005000000000001AAA' })(stageRecord('Demo'))).toBe(true);
  });

  it('given no conditions, then every record matches', () => {
    expect(compileMatch({})(taskRecord())).toBe(true);
  });
});
