import { aLedgerEntry, memoryStore, T0 } from './builders';

describe('the write ledger', () => {
  it('given an empty ledger, when read, then it is an empty map', () => {
    expect(memoryStore().getLedger().size).toBe(0);
  });

  it('given writes recorded, when read by keys, then only those keys come back and unknown keys are absent', () => {
    const store = memoryStore();
    store.recordWrites([aLedgerEntry('v1:a', { sfId: 'a0X1' }), aLedgerEntry('v1:b'), aLedgerEntry('v1:c')]);
    const found = store.getLedger(['v1:a', 'v1:c', 'v1:missing']);
    expect([...found.keys()].sort()).toEqual(['v1:a', 'v1:c']);
    expect(found.get('v1:a')).toEqual(aLedgerEntry('v1:a', { sfId: 'a0X1' }));
  });

  it('given a recorded key, when written again, then the entry is replaced, keeping the known Salesforce Id if the new one is null', () => {
    const store = memoryStore();
    store.recordWrites([aLedgerEntry('v1:a', { sfId: 'a0X1', hash: 'h1' })]);
    store.recordWrites([aLedgerEntry('v1:a', { sfId: null, hash: 'h2', writtenAt: T0 + 1 })]);
    expect(store.getLedger(['v1:a']).get('v1:a')).toEqual(
      aLedgerEntry('v1:a', { sfId: 'a0X1', hash: 'h2', writtenAt: T0 + 1 }),
    );
  });

  it('given a recorded key, when written with a different Salesforce Id, then the new Id wins', () => {
    const store = memoryStore();
    store.recordWrites([aLedgerEntry('v1:a', { sfId: 'a0X1' })]);
    store.recordWrites([aLedgerEntry('v1:a', { sfId: 'a0X2' })]);
    expect(store.getLedger().get('v1:a')?.sfId).toBe('a0X2');
  });

  it('given thousands of keys, when read by keys in one call, then all are found', () => {
    const store = memoryStore();
    const keys = Array.from({ length: 40_000 }, (_, i) => `v1:k:${i}`);
    store.recordWrites(keys.map((key) => aLedgerEntry(key)));
    expect(store.getLedger(keys).size).toBe(keys.length);
  });
});
