import { aRecord, checkpointAt, memoryStore, MINUTE, T0 } from './builders';

/** A store holding Task 00T1 and 00T2 at T0. */
function storeWithTwoTasks(): ReturnType<typeof memoryStore> {
  const store = memoryStore();
  store.applyPage('Task', [aRecord('00T1'), aRecord('00T2')], [], checkpointAt(T0, '00T2'));
  return store;
}

describe('how many records a page changed', () => {
  it('given stored records, when the lookback re-reads them at the same SystemModstamp, then they are stored again but nothing changed', () => {
    const result = storeWithTwoTasks().applyPage(
      'Task',
      [aRecord('00T1'), aRecord('00T2')],
      [],
      checkpointAt(T0, '00T2'),
    );
    expect({ upserted: result.upserted, changed: result.changed }).toEqual({ upserted: 2, changed: 0 });
  });

  it('given stored records, when one comes back newer and one is new, then two changed', () => {
    const result = storeWithTwoTasks().applyPage(
      'Task',
      [aRecord('00T1'), aRecord('00T2', { modstamp: T0 + MINUTE }), aRecord('00T3')],
      [],
      checkpointAt(T0 + MINUTE, '00T3'),
    );
    expect(result.changed).toBe(2);
  });

  it('given a stored record, when an older version of it arrives, then it is skipped and nothing changed', () => {
    const store = memoryStore();
    store.applyPage('Task', [aRecord('00T1', { modstamp: T0 + MINUTE })], [], checkpointAt(T0 + MINUTE, '00T1'));
    expect(
      store.applyPage('Task', [aRecord('00T1', { modstamp: T0 })], [], checkpointAt(T0 + MINUTE, '00T1')),
    ).toMatchObject({ skippedStale: 1, changed: 0 });
  });

  it('given stored records, when a page deletes one stored and one never stored, then one changed', () => {
    expect(storeWithTwoTasks().applyPage('Task', [], ['00T1', '00T9'], checkpointAt(T0 + MINUTE, '00T1')).changed).toBe(
      1,
    );
  });

  it('given a record stored under another object with the same Id, when it arrives for this object, then it is new here', () => {
    expect(storeWithTwoTasks().applyPage('Event', [aRecord('00T1')], [], checkpointAt(T0, '00T1')).changed).toBe(1);
  });

  it('given a new record twice in one page at the same SystemModstamp, when applied, then it changed once', () => {
    expect(
      memoryStore().applyPage('Task', [aRecord('00T1'), aRecord('00T1')], [], checkpointAt(T0, '00T1')).changed,
    ).toBe(1);
  });

  it('given a page without a checkpoint (a Bulk window still being read), when applied, then its changes are counted all the same', () => {
    expect(storeWithTwoTasks().applyPage('Task', [aRecord('00T2', { modstamp: T0 + MINUTE })], [], null)).toMatchObject(
      { changed: 1, checkpointAdvanced: false },
    );
  });
});

describe('meta values', () => {
  it('given nothing stored under a key, when read, then it is null', () => {
    expect(memoryStore().getMeta('last-compute')).toBeNull();
  });

  it('given a value stored and then replaced, when read, then the latest comes back and other keys are untouched', () => {
    const store = memoryStore();
    store.setMeta('last-compute', 'a');
    store.setMeta('other', 'x');
    store.setMeta('last-compute', 'b');
    expect([store.getMeta('last-compute'), store.getMeta('other')]).toEqual(['b', 'x']);
  });

  it('given a dry run’s copy, when it stores a value, then the original does not see it', () => {
    const original = memoryStore();
    original.copyInMemory().setMeta('last-compute', 'from the dry run');
    expect(original.getMeta('last-compute')).toBeNull();
  });
});
