/**
 * The scorecard `serve` keeps per dealership: built once per key (the last finished run, the local day, the config's
 * edit time), rebuilt when the key moves, and nothing before there is a key. The key's parts are read from real state
 * files in test/e2e/scorecard-page.test.ts; here the keeping alone.
 */
import { memoByKey } from '../../src/cli/scorecard-source';

/** A builder that counts its builds and returns which build it was. */
function counting(): { build: (org: string) => string; builds: () => number } {
  let n = 0;
  return { build: (org) => `${org} #${(n += 1)}`, builds: () => n };
}

describe('the scorecard kept per dealership', () => {
  it('given the same key on every request, when asked three times, then it is built once', () => {
    const { build, builds } = counting();
    const source = memoByKey(() => 'run-1|2026-12-05', build);
    expect([source('north.yaml'), source('north.yaml'), source('north.yaml')]).toEqual(Array(3).fill('north.yaml #1'));
    expect(builds()).toBe(1);
  });

  it('given a sync finishes (the key moves), when asked again, then it is built again', () => {
    const { build } = counting();
    let key = 'run-1';
    const source = memoByKey(() => key, build);
    expect(source('north.yaml')).toBe('north.yaml #1');
    key = 'run-2';
    expect(source('north.yaml')).toBe('north.yaml #2');
  });

  it('given two dealerships, then each keeps its own', () => {
    const { build, builds } = counting();
    const source = memoByKey((org) => `${org}:run-1`, build);
    expect([source('north.yaml'), source('south.yaml'), source('north.yaml')]).toEqual([
      'north.yaml #1',
      'south.yaml #2',
      'north.yaml #1',
    ]);
    expect(builds()).toBe(2);
  });

  it('given no finished sync (no key), then nothing, and nothing is built', () => {
    const { build, builds } = counting();
    expect(memoByKey(() => null, build)('north.yaml')).toBeNull();
    expect(builds()).toBe(0);
  });
});
