import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StepEvent } from '../../src/core/model';
import { aRecord, anEvent, checkpointAt, memoryStore, MINUTE, T0 } from './builders';
import { openStateStore } from '../../src/state/state-store';

const DAY = 24 * 60 * MINUTE;

describe('step events', () => {
  it('given events with and without duration, subject and odd names, when loaded, then they come back exactly as stored', () => {
    const store = memoryStore();
    const events: StepEvent[] = [
      anEvent({ recordId: '00T1', step: 'contact', rep: '005A', subject: '00QA', at: T0, durationSec: 0 }),
      anEvent({ recordId: '00T1', step: 'attempt', rep: '005A', subject: null, at: T0 + 1 }),
      anEvent({ recordId: '00T1', step: 'étape_été', rep: '005B', subject: '', at: T0 + 2, durationSec: 37.25 }),
    ];
    store.applyPage('Task', [aRecord('00T1', { events })], [], checkpointAt(T0, '00T1'));

    const loaded = store.loadEvents();
    expect(loaded).toEqual(events);
    // toEqual ignores an `undefined` property; a round trip must not invent one.
    expect('durationSec' in (loaded[1] as object)).toBe(false);
  });

  it('given an event whose record id differs from the stored record, when loaded, then its own record id is kept', () => {
    const store = memoryStore();
    store.applyPage('Opportunity', [aRecord('006A', { events: [anEvent({ recordId: '008H1' })] })], [], checkpointAt(T0, '006A'));
    expect(store.loadEvents()[0]?.recordId).toBe('008H1');
  });

  it('given events stored out of time order, when loaded, then they are ordered by time, ties by record id', () => {
    const store = memoryStore();
    store.applyPage(
      'Task',
      [aRecord('00T3', { events: [anEvent({ recordId: '00T3', at: T0 })] }), aRecord('00T1', { events: [anEvent({ recordId: '00T1', at: T0 + 5 })] }), aRecord('00T2', { events: [anEvent({ recordId: '00T2', at: T0 })] })],
      [],
      checkpointAt(T0, '00T3'),
    );
    expect(store.loadEvents().map((e) => e.recordId)).toEqual(['00T2', '00T3', '00T1']);
  });

  it('given events over several days, when loaded since a time, then only events at or after it come back', () => {
    const store = memoryStore();
    const records = [0, 1, 2, 3].map((day) => aRecord(`00T${day}`, { events: [anEvent({ recordId: `00T${day}`, at: T0 + day * DAY })] }));
    store.applyPage('Task', records, [], checkpointAt(T0, '00T3'));
    expect(store.loadEvents({ since: T0 + 2 * DAY }).map((e) => e.recordId)).toEqual(['00T2', '00T3']);
  });

  it('given events written by an earlier process, when a new store loads them, then the interned names resolve from the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-events-'));
    try {
      const path = join(dir, 'state.db');
      const writer = openStateStore(path);
      writer.applyPage('Task', [aRecord('00T1', { events: [anEvent({ recordId: '00T1', step: 'demo', rep: 'r1' })] })], [], checkpointAt(T0, '00T1'));
      writer.close();
      const reader = openStateStore(path);
      expect(reader.loadEvents()[0]).toMatchObject({ step: 'demo', rep: 'r1' });
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
        aRecord('mixed', { events: [anEvent({ recordId: 'mixed', at: T0 - 100 * DAY }), anEvent({ recordId: 'mixed', at: T0 })] }),
        aRecord('old-with-facts', { events: [anEvent({ recordId: 'old-with-facts', at: T0 - 100 * DAY })], facts: [{ open: true }] }),
        aRecord('new', { events: [anEvent({ recordId: 'new', at: T0 })] }),
      ],
      [],
      checkpointAt(T0, 'old'),
    );

    expect(store.pruneEventsBefore(T0 - 90 * DAY)).toEqual({ events: 4, records: 1 });
    expect(store.loadEvents().map((e) => e.recordId)).toEqual(['mixed', 'new']);
    expect(store.countRecords()).toBe(4);
    expect(store.loadFacts()).toHaveLength(1);
  });

  it('given records that never held an event, when pruned, then those unchanged since the cut-off go and recent ones stay', () => {
    const store = memoryStore();
    store.applyPage(
      'Task',
      [aRecord('email-long-ago', { modstamp: T0 - 100 * DAY, events: [] }), aRecord('email-today', { modstamp: T0, events: [] })],
      [],
      checkpointAt(T0, 'email-today'),
    );
    expect(store.pruneEventsBefore(T0 - 90 * DAY)).toEqual({ events: 0, records: 1 });
    expect(store.countRecords('Task')).toBe(1);
  });

  it('given nothing older than the cut-off, when pruned, then nothing changes', () => {
    const store = memoryStore();
    store.applyPage('Task', [aRecord('a')], [], checkpointAt(T0, 'a'));
    expect(store.pruneEventsBefore(T0)).toEqual({ events: 0, records: 0 });
    expect(store.countEvents()).toBe(1);
  });
});
