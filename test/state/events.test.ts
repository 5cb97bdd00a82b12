import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aRecord, anEvent, checkpointAt, memoryStore, MINUTE, T0 } from './builders';
import { openStateStore } from '../../src/state/state-store';
import { storedEvents, storedRecordCount } from './stored';

const DAY = 24 * 60 * MINUTE;

describe('step events', () => {
  it('given events written by an earlier process, when a new store loads them, then the interned names resolve from the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-events-'));
    try {
      const path = join(dir, 'state.db');
      const writer = openStateStore(path);
      writer.applyPage(
        'Task',
        [aRecord('00T1', { events: [anEvent({ recordId: '00T1', step: 'demo', user: 'r1' })] })],
        [],
        checkpointAt(T0, '00T1'),
      );
      writer.close();
      const reader = openStateStore(path);
      const columns = reader.loadEventColumns();
      const [step, user] = [columns.step[0] as number, columns.user[0] as number];
      expect([columns.stepIds[step], columns.userIds[user]]).toEqual(['demo', 'r1']);
      reader.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('retention', () => {
  it('given events either side of the cut-off, when pruned, then only older events go, and records left empty and unchanged since go with them', () => {
    const store = memoryStore();
    store.applyPage(
      'Task',
      [
        aRecord('old', { modstamp: T0 - 100 * DAY, events: [anEvent({ recordId: 'old', at: T0 - 100 * DAY })] }),
        // An old call edited recently: the lookback re-reads it, so the record must stay known.
        aRecord('edited', { modstamp: T0, events: [anEvent({ recordId: 'edited', at: T0 - 100 * DAY })] }),
        aRecord('mixed', {
          events: [anEvent({ recordId: 'mixed', at: T0 - 100 * DAY }), anEvent({ recordId: 'mixed', at: T0 })],
        }),
        aRecord('old-with-facts', {
          events: [anEvent({ recordId: 'old-with-facts', at: T0 - 100 * DAY })],
          facts: [{ open: true }],
        }),
        aRecord('new', { events: [anEvent({ recordId: 'new', at: T0 })] }),
      ],
      [],
      checkpointAt(T0, 'old'),
    );

    expect(store.pruneEventsBefore(T0 - 90 * DAY)).toEqual({ events: 4, records: 1 });
    expect(storedEvents(store).map((e) => e.recordId)).toEqual(['mixed', 'new']);
    expect(storedRecordCount(store)).toBe(4);
    expect(store.loadFacts()).toHaveLength(1);
  });

  it('given records that never held an event, when pruned, then those unchanged since the cut-off go and recent ones stay', () => {
    const store = memoryStore();
    store.applyPage(
      'Task',
      [
        aRecord('email-long-ago', { modstamp: T0 - 100 * DAY, events: [] }),
        aRecord('email-today', { modstamp: T0, events: [] }),
      ],
      [],
      checkpointAt(T0, 'email-today'),
    );
    expect(store.pruneEventsBefore(T0 - 90 * DAY)).toEqual({ events: 0, records: 1 });
    expect(storedRecordCount(store, 'Task')).toBe(1);
  });

  it('given nothing older than the cut-off, when pruned, then nothing changes', () => {
    const store = memoryStore();
    store.applyPage('Task', [aRecord('a')], [], checkpointAt(T0, 'a'));
    expect(store.pruneEventsBefore(T0)).toEqual({ events: 0, records: 0 });
    expect(store.loadEventColumns().size).toBe(1);
  });
});
