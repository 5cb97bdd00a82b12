import { checksumSuffix, isWellFormedId, keyPrefixOf, makeId, to18 } from '../../src/sandbox/ids';

describe('Salesforce record ids', () => {
  it('given a known 15-character id, then the checksum suffix matches the one Salesforce issues', () => {
    expect(checksumSuffix('0015000000Gv7qJ')).toBe('AAR');
    expect(to18('0015000000Gv7qJ')).toBe('0015000000Gv7qJAAR');
  });

  it('given ids made from a counter, then they carry the key prefix, are 18 long, and sort in creation order', () => {
    const ids = [1, 61, 62, 3843, 3844].map((n) => makeId('00T', n));
    expect(ids.every((id) => id.length === 18 && keyPrefixOf(id) === '00T' && isWellFormedId(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });

  it('given an 18-character id with a wrong checksum or bad characters, then it is not well-formed', () => {
    expect(isWellFormedId('0015000000Gv7qJAAA')).toBe(false);
    expect(isWellFormedId('0015000000Gv7q!')).toBe(false);
    expect(isWellFormedId('001')).toBe(false);
  });

  it('given an 18-character id in lower case, then to18 restores the case-safe suffix', () => {
    expect(to18('0015000000Gv7qJaar')).toBe('0015000000Gv7qJAAR');
  });
});
