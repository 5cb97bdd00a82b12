/**
 * The kind of an activity no step maps (`activity:<object>:<Type>`, lead-touches.ts) lives in the
 * state like any step event: a task re-read with another type is stored under the new kind only,
 * a deleted task takes its kind with it, and retention prunes it with the other events.
 */
import { compileMapper } from '../../src/core/map';
import { newMapStats } from '../../src/core/map-stats';
import type { SfRecord } from '../../src/core/model';
import { modelBuilder, staleLead, taskRecord } from '../core/builders';
import { aRecord, checkpointAt, memoryStore, MINUTE, sfDatetime, T0 } from './builders';
import { storedEvents } from './stored';

const DAY = 24 * 60 * MINUTE;
const ID = '00T000000000001AAA';
const mapper = compileMapper(modelBuilder().measures(staleLead()).build());

/** The task as the mapper stores it: completed at `at`, of `type`, no step mapping it. */
function stored(type: string, modstamp: number, at = T0): ReturnType<typeof aRecord> {
  const task: SfRecord = taskRecord({
    Type: type,
    CallType: null,
    CallDisposition: null,
    CompletedDateTime: sfDatetime(at),
  });
  return aRecord(ID, { modstamp, events: mapper.mapRecord('Task', task, newMapStats()).events });
}

const kinds = (store: ReturnType<typeof memoryStore>): string[] =>
  storedEvents(store)
    .map((e) => e.step)
    .filter((step) => step.startsWith('activity:'));

describe('activity kinds in the state', () => {
  it('given a stored e-mail, when the task is re-read as a text, then only the text kind is stored', () => {
    const store = memoryStore();
    store.applyPage('Task', [stored('Email', T0)], [], checkpointAt(T0, ID));
    expect(kinds(store)).toEqual(['activity:Task:Email']);
    store.applyPage('Task', [stored('Text', T0 + MINUTE)], [], checkpointAt(T0 + MINUTE, ID));
    expect(kinds(store)).toEqual(['activity:Task:Text']);
  });

  it('given a stored e-mail, when the task is deleted, then its kind goes with its touch', () => {
    const store = memoryStore();
    store.applyPage('Task', [stored('Email', T0)], [], checkpointAt(T0, ID));
    store.applyPage('Task', [], [ID], checkpointAt(T0 + MINUTE, ID));
    expect(storedEvents(store)).toEqual([]);
  });

  it('given an e-mail older than the retention, when pruned, then its kind is pruned with its touch', () => {
    const store = memoryStore();
    store.applyPage('Task', [stored('Email', T0 - 100 * DAY, T0 - 100 * DAY)], [], checkpointAt(T0, ID));
    expect(store.pruneEventsBefore(T0 - 90 * DAY)).toEqual({ events: 2, records: 1 });
    expect(storedEvents(store)).toEqual([]);
  });
});
