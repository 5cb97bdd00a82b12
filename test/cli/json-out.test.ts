import fc from 'fast-check';
import { writeJson } from '../../src/cli/json-out';

function written(value: unknown, depth?: number): { text: string; pieces: number } {
  const pieces: string[] = [];
  writeJson((text) => pieces.push(text), value, depth);
  return { text: pieces.join(''), pieces: pieces.length };
}

describe('JSON output in pieces', () => {
  it('given any JSON value, when written in pieces, then the text is JSON.stringify’s with two spaces, and a newline', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 5 }), (value, depth) => {
        expect(written(value, depth).text).toBe(`${JSON.stringify(value, null, 2)}\n`);
      }),
      { numRuns: 300 },
    );
  });

  it('given members with no JSON form, then they are left out of objects and null in arrays, as JSON.stringify does', () => {
    const value = { a: undefined, b: [undefined, () => 1, 2], c: { d: Symbol('x') } };
    expect(written(value).text).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('given a run report with a thousand planned writes, then no piece holds more than one of them', () => {
    const creates = Array.from({ length: 1000 }, (_, i) => ({
      object: 'Task',
      key: `k${i}`,
      fields: { Subject: 'x'.repeat(500) },
    }));
    const { text, pieces } = written({ result: 'ok', plan: { creates } });
    expect(JSON.parse(text)).toEqual({ result: 'ok', plan: { creates } });
    expect(pieces).toBeGreaterThan(1000);
  });
});
