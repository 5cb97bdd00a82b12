import { CoachError } from '../../src/lib/errors';
import { StateErrorCode } from '../../src/state/state-store';
import { aRecord, anEvent, checkpointAt, memoryStore, MINUTE, T0 } from './builders';
import { storedEvents, storedRecordCount } from './stored';

describe('applying a page of records', () => {
  it('given an empty store, when a page is applied, then its records, events and checkpoint are stored', () => {
    const store = memoryStore();
    const result = store.applyPage('Task', [aRecord('00T1'), aRecord('00T2')], [], checkpointAt(T0, '00T2'));
    expect(result).toEqual({ upserted: 2, skippedStale: 0, deleted: 0, checkpointAdvanced: true, changed: 2 });
    expect(storedRecordCount(store, 'Task')).toBe(2);
    expect(storedEvents(store).map((e) => e.recordId)).toEqual(['00T1', '00T2']);
    expect(store.getCheckpoint('Task')).toEqual(checkpointAt(T0, '00T2'));
  });

  it('given a stored record, when a newer version arrives, then its events and facts are replaced wholesale', () => {
    const store = memoryStore();
    const before = aRecord('00T1', {
      events: [anEvent({ recordId: '00T1', step: 'attempt' }), anEvent({ recordId: '00T1', step: 'contact' })],
      facts: [{ open: true }],
    });
    store.applyPage('Task', [before], [], checkpointAt(T0, '00T1'));

    const after = aRecord('00T1', {
      modstamp: T0 + MINUTE,
      events: [anEvent({ recordId: '00T1', step: 'appointment_set' })],
      facts: [],
    });
    store.applyPage('Task', [after], [], checkpointAt(T0 + MINUTE, '00T1'));

    expect(storedEvents(store).map((e) => e.step)).toEqual(['appointment_set']);
    expect(store.loadFacts()).toEqual([]);
    expect(storedRecordCount(store)).toBe(1);
  });

  it('given a stored record, when an older version of it arrives, then the stored one is kept', () => {
    const store = memoryStore();
    store.applyPage(
      'Task',
      [aRecord('00T1', { modstamp: T0 + MINUTE, events: [anEvent({ recordId: '00T1', step: 'contact' })] })],
      [],
      checkpointAt(T0 + MINUTE, '00T1'),
    );
    const result = store.applyPage(
      'Task',
      [aRecord('00T1', { modstamp: T0, events: [] })],
      [],
      checkpointAt(T0, '00T1'),
    );
    expect(result.skippedStale).toBe(1);
    expect(storedEvents(store).map((e) => e.step)).toEqual(['contact']);
  });

  it('given stored records, when a page deletes one, then it and its events and facts are gone and the others stay', () => {
    const store = memoryStore();
    store.applyPage(
      'Lead',
      [aRecord('00Q1', { facts: [{ status: 'Open' }] }), aRecord('00Q2')],
      [],
      checkpointAt(T0, '00Q2'),
    );
    const result = store.applyPage('Lead', [], ['00Q1', '00Q-never-stored'], checkpointAt(T0 + MINUTE, '00Q1'));
    expect(result.deleted).toBe(1);
    expect(storedRecordCount(store, 'Lead')).toBe(1);
    expect(storedEvents(store).map((e) => e.recordId)).toEqual(['00Q2']);
    expect(store.loadFacts()).toEqual([]);
  });

  it('given an id both upserted and deleted in one page, when applied, then the delete wins', () => {
    const store = memoryStore();
    store.applyPage('Task', [aRecord('00T1')], ['00T1'], checkpointAt(T0, '00T1'));
    expect(storedRecordCount(store)).toBe(0);
    expect(storedEvents(store)).toEqual([]);
  });

  it('given the same Id under two objects, when one is deleted, then the other is untouched', () => {
    const store = memoryStore();
    store.applyPage('Task', [aRecord('X1')], [], checkpointAt(T0, 'X1'));
    store.applyPage('Event', [aRecord('X1')], [], checkpointAt(T0, 'X1'));
    store.applyPage('Task', [], ['X1'], checkpointAt(T0 + 1, 'X1'));
    expect(storedRecordCount(store, 'Task')).toBe(0);
    expect(storedRecordCount(store, 'Event')).toBe(1);
    expect(storedRecordCount(store, 'Unknown')).toBe(0);
  });

  it('given facts on records, when loaded, then each fact comes with its object and record id', () => {
    const store = memoryStore();
    store.applyPage(
      'User',
      [aRecord('0051', { events: [], facts: [{ title: 'Sales Consultant' }, { goal: 12 }] })],
      [],
      checkpointAt(T0, '0051'),
    );
    store.applyPage(
      'Lead',
      [aRecord('00Q1', { events: [], facts: [{ status: 'Open - Not Contacted' }] })],
      [],
      checkpointAt(T0, '00Q1'),
    );
    expect(store.loadFacts()).toEqual(
      expect.arrayContaining([
        { object: 'User', recordId: '0051', fact: { title: 'Sales Consultant' } },
        { object: 'User', recordId: '0051', fact: { goal: 12 } },
        { object: 'Lead', recordId: '00Q1', fact: { status: 'Open - Not Contacted' } },
      ]),
    );
    expect(store.loadFacts()).toHaveLength(3);
  });
});

describe('the checkpoint of an object', () => {
  it('given no page was applied, when read, then there is none', () => {
    expect(memoryStore().getCheckpoint('Task')).toBeNull();
  });

  it('given a checkpoint, when a re-read page with an older checkpoint is applied, then its records are stored but the checkpoint does not rewind', () => {
    const store = memoryStore();
    store.applyPage(
      'Task',
      [aRecord('00T5', { modstamp: T0 + 10 * MINUTE })],
      [],
      checkpointAt(T0 + 10 * MINUTE, '00T5'),
    );
    const result = store.applyPage('Task', [aRecord('00T1', { modstamp: T0 })], [], checkpointAt(T0, '00T1'));
    expect(result.checkpointAdvanced).toBe(false);
    expect(store.getCheckpoint('Task')).toEqual(checkpointAt(T0 + 10 * MINUTE, '00T5'));
    expect(storedRecordCount(store, 'Task')).toBe(2);
  });

  it('given a checkpoint, when a page ends at the same instant with a smaller Id, then it does not rewind; with a larger Id it advances', () => {
    const store = memoryStore();
    store.applyPage('Task', [], [], checkpointAt(T0, '00T5'));
    expect(store.applyPage('Task', [], [], checkpointAt(T0, '00T3')).checkpointAdvanced).toBe(false);
    expect(store.applyPage('Task', [], [], checkpointAt(T0, '00T7')).checkpointAdvanced).toBe(true);
    expect(store.getCheckpoint('Task')).toEqual(checkpointAt(T0, '00T7'));
  });

  it('given a checkpoint spelled with +0000, when a later instant arrives spelled with an offset, then it compares as an instant and keeps the text it was given', () => {
    const store = memoryStore();
    store.applyPage('Task', [], [], { systemModstamp: '2026-11-20T15:04:05.000+0000', id: 'b' });
    expect(
      store.applyPage('Task', [], [], { systemModstamp: '2026-11-20T10:04:05.000-0500', id: 'a' }).checkpointAdvanced,
    ).toBe(false);
    expect(
      store.applyPage('Task', [], [], { systemModstamp: '2026-11-20T10:04:06.000-0500', id: 'a' }).checkpointAdvanced,
    ).toBe(true);
    expect(store.getCheckpoint('Task')).toEqual({ systemModstamp: '2026-11-20T10:04:06.000-0500', id: 'a' });
  });

  it('given checkpoints of two objects, when one advances, then the other does not move', () => {
    const store = memoryStore();
    store.applyPage('Task', [], [], checkpointAt(T0, 'a'));
    store.applyPage('Event', [], [], checkpointAt(T0 + MINUTE, 'b'));
    expect(store.getCheckpoint('Task')).toEqual(checkpointAt(T0, 'a'));
  });
});

describe('a page that fails halfway', () => {
  it('given a stored page, when a later page fails on its third record, then records, events, facts and checkpoint are exactly as before', () => {
    const store = memoryStore();
    store.applyPage('Task', [aRecord('00T1', { facts: [{ v: 1 }] })], [], checkpointAt(T0, '00T1'));
    const contents = () => ({
      events: storedEvents(store),
      facts: store.loadFacts(),
      count: storedRecordCount(store),
      checkpoint: store.getCheckpoint('Task'),
    });
    const before = contents();

    const page = [
      aRecord('00T1', {
        modstamp: T0 + MINUTE,
        events: [anEvent({ recordId: '00T1', step: 'brand_new_step' })],
        facts: [{ v: 2 }],
      }),
      aRecord('00T2', { modstamp: T0 + MINUTE }),
      aRecord('00T3', { modstamp: T0 + MINUTE, events: [anEvent({ recordId: '00T3', at: Number.NaN })] }),
    ];
    expect(() => store.applyPage('Task', page, ['00T1'], checkpointAt(T0 + MINUTE, '00T3'))).toThrow(CoachError);

    expect(contents()).toEqual(before);
  });

  it('given a failed page that introduced new step names, when a good page follows, then its events load with the right names', () => {
    // The failed page's names were rolled back with it; a cached name pointing at a vanished
    // row would make the next events load under another name (or not at all).
    const store = memoryStore();
    const bad = aRecord('00T1', {
      events: [anEvent({ recordId: '00T1', step: 'ghost', user: 'ghost-rep' }), anEvent({ recordId: '00T1', at: 1.5 })],
    });
    expect(() => store.applyPage('Task', [bad], [], checkpointAt(T0, '00T1'))).toThrow(
      expect.objectContaining({ code: StateErrorCode.badInput }),
    );

    store.applyPage(
      'Event',
      [
        aRecord('00U1', {
          events: [
            anEvent({ recordId: '00U1', step: 'demo', user: 'rep-b' }),
            anEvent({ recordId: '00U1', step: 'ghost', user: 'ghost-rep', at: T0 + 1 }),
          ],
        }),
      ],
      [],
      checkpointAt(T0, '00U1'),
    );
    // Read as a run reads them: through the store's own names, where a stale one would show.
    const columns = store.loadEventColumns();
    const named = Array.from(columns.step, (step, row) => [
      columns.stepIds[step],
      columns.userIds[columns.user[row] as number],
    ]);
    expect(named).toEqual([
      ['demo', 'rep-b'],
      ['ghost', 'ghost-rep'],
    ]);
  });

  it('given a malformed checkpoint, when the page is applied, then nothing of the page is stored', () => {
    const store = memoryStore();
    expect(() => store.applyPage('Task', [aRecord('00T1')], [], { systemModstamp: 'now', id: '00T1' })).toThrow(
      expect.objectContaining({ code: StateErrorCode.badInput }),
    );
    expect(storedRecordCount(store)).toBe(0);
  });
});
