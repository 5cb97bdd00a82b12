import { LineCounter, parseDocument } from 'yaml';
import { SourceLocator } from '../../src/config/positions';

function locatorFor(text: string): SourceLocator {
  const lines = new LineCounter();
  return new SourceLocator(parseDocument(text, { lineCounter: lines }), lines);
}

const TEXT = [
  'dealership:', //            1
  '  name: Test Motors', //    2
  'steps:', //                 3
  '  - id: lead', //           4
  '    object: Lead', //       5
  '  - { id: sold, object: OpportunityHistory }', // 6
  'goals:', //                 7
  '  funnel: [lead, sold]', // 8
  'empty:', //                 9
].join('\n');

describe('SourceLocator', () => {
  const locator = locatorFor(TEXT);

  it('given a path to a scalar, then it points at the value', () => {
    expect(locator.locate(['dealership', 'name'])).toEqual({ line: 2, column: 9 });
    expect(locator.locate(['steps', 1, 'object'])).toEqual({ line: 6, column: 25 });
    expect(locator.locate(['goals', 'funnel', 1])).toEqual({ line: 8, column: 18 });
  });

  it('given a path to a map or list, then it points at its key', () => {
    expect(locator.locate(['dealership'])).toEqual({ line: 1, column: 1 });
    expect(locator.locate(['goals', 'funnel'])).toEqual({ line: 8, column: 3 });
  });

  it('given a path to a list item, then it points at the item', () => {
    expect(locator.locate(['steps', 0])).toEqual({ line: 4, column: 5 });
  });

  it('given an unknown key, then it can point at the key rather than the value', () => {
    expect(locator.locate(['steps', 0, 'object'], 'key')).toEqual({ line: 5, column: 5 });
  });

  it('given a path that does not exist, then it points at the deepest part that does', () => {
    expect(locator.locate(['dealership', 'timeZone'])).toEqual({ line: 1, column: 1 });
    expect(locator.locate(['steps', 5, 'id'])).toEqual({ line: 3, column: 1 });
  });

  it('given a key with no value, then it points at the key', () => {
    expect(locator.locate(['empty'])).toEqual({ line: 9, column: 1 });
  });

  it('given an empty document, then it points at the start', () => {
    expect(locatorFor('').locate(['version'])).toEqual({ line: 1, column: 1 });
  });
});
