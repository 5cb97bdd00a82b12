import { aLedgerEntry, aRecord, checkpointAt, memoryStore, T0 } from './builders';
import { storedEvents, storedRecordCount } from './stored';

describe('facts by object and the in-memory copy for dry runs', () => {
  it('given facts on two objects, when facts of one object are loaded, then only that object’s come back', () => {
    const store = memoryStore();
    store.applyPage(
      'User',
      [aRecord('005A', { events: [], facts: [{ kind: 'user', name: 'Ana' }] })],
      [],
      checkpointAt(T0, '005A'),
    );
    store.applyPage('Lead', [aRecord('00QA', { events: [], facts: [{ kind: 'lead' }] })], [], checkpointAt(T0, '00QA'));

    expect(store.loadFacts({ object: 'User' })).toEqual([
      { object: 'User', recordId: '005A', fact: { kind: 'user', name: 'Ana' } },
    ]);
    expect(store.loadFacts({ object: 'Opportunity' })).toEqual([]);
    expect(store.loadFacts()).toHaveLength(2);
  });

  it('given a copy, when pages, ledger entries and runs are written to it, then the original is unchanged', () => {
    const original = memoryStore();
    original.applyPage('Task', [aRecord('00TA')], [], checkpointAt(T0, '00TA'));

    const copy = original.copyInMemory();
    copy.applyPage('Task', [aRecord('00TB', { modstamp: T0 + 1000 })], ['00TA'], checkpointAt(T0 + 1000, '00TB'));
    copy.recordWrites([aLedgerEntry('v1:x')]);
    copy.startRun('dry-1');

    expect(copy.loadEventColumns().size).toBe(1);
    expect(copy.getCheckpoint('Task')?.id).toBe('00TB');
    expect(storedRecordCount(original, 'Task')).toBe(1);
    expect(storedEvents(original).map((e) => e.recordId)).toEqual(['00TA']);
    expect(original.getCheckpoint('Task')?.id).toBe('00TA');
    expect(original.getLedger().size).toBe(0);
    expect(original.listRuns(5)).toEqual([]);
  });
});
