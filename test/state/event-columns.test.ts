import fc from 'fast-check';
import { computeCoaching } from '../../src/core/coach';
import type { EventColumns } from '../../src/core/event-columns';
import type { StepEvent } from '../../src/core/model';
import type { StoredRecord } from '../../src/sync/ports';
import { integrity, modelBuilder, NOW, ratio, rep, responseTime, sequence, STEPS, volume } from '../core/builders';
import { aRecord, anEvent, checkpointAt, memoryStore, sfDatetime, T0 } from './builders';

const DAY = 86_400_000;

/** Each column row as a step event, with the row's record key in place of its Id. */
function rowsOf(columns: EventColumns): Array<[string, string, string | null, number, number | null, string | number]> {
  const subjects = [...columns.subjectIndex.keys()];
  return Array.from({ length: columns.size }, (_, i) => {
    const subject = columns.subject[i] as number;
    const duration = columns.duration[i] as number;
    return [
      columns.stepIds[columns.step[i] as number] as string,
      columns.userIds[columns.user[i] as number] as string,
      subject < 0 ? null : (subjects[subject] as string),
      columns.at[i] as number,
      Number.isNaN(duration) ? null : duration,
      columns.recordOf(i),
    ];
  });
}

describe('step events streamed into the core’s columns', () => {
  it('given stored events, when loaded as columns, then each event is one row, and rows share a record key exactly when they share a record', () => {
    const store = memoryStore();
    store.applyPage(
      'Task',
      [
        aRecord('00T1', {
          events: [
            anEvent({ recordId: '00T1', step: 'attempt', durationSec: 42 }),
            anEvent({ recordId: '00T1', step: 'contact', durationSec: 42 }),
          ],
        }),
        aRecord('00T2', { events: [anEvent({ recordId: '00T2', user: '005B', subject: null, at: T0 + 1 })] }),
      ],
      [],
      checkpointAt(T0, '00T2'),
    );

    const rows = rowsOf(store.loadEventColumns());
    expect(rows.map(([step, rep, subject, at, duration]) => [step, rep, subject, at, duration])).toEqual([
      ['attempt', '005000000000001AAA', '00Q000000000001AAA', T0, 42],
      ['contact', '005000000000001AAA', '00Q000000000001AAA', T0, 42],
      ['attempt', '005B', null, T0 + 1, null],
    ]);
    const [first, second, other] = rows.map((row) => row[5]);
    expect(first).toBe(second);
    expect(other).not.toBe(first);
  });

  it('given events with or without duration and subject, and non-ASCII names, when loaded, then they read back', () => {
    const store = memoryStore();
    const events = [
      anEvent({ recordId: '00T1', step: 'contact', user: '005A', subject: '00QA', at: T0, durationSec: 0 }),
      anEvent({ recordId: '00T1', step: 'attempt', user: '005A', subject: null, at: T0 + 1 }),
      anEvent({ recordId: '00T1', step: 'étape_été', user: '005B', subject: '', at: T0 + 2, durationSec: 37.25 }),
    ];
    store.applyPage('Task', [aRecord('00T1', { events })], [], checkpointAt(T0, '00T1'));

    // The record key (last) is checked by the test above.
    const rows = rowsOf(store.loadEventColumns()).map((row) => row.slice(0, 5));
    expect(rows).toEqual([
      ['contact', '005A', '00QA', T0, 0],
      ['attempt', '005A', null, T0 + 1, null],
      ['étape_été', '005B', '', T0 + 2, 37.25],
    ]);
  });

  it('given events over several days, when loaded as columns since a time, then only events at or after it come', () => {
    const store = memoryStore();
    const records = [0, 1, 2, 3].map((day) =>
      aRecord(`00T${day}`, { events: [anEvent({ recordId: `00T${day}`, at: T0 + day * DAY })] }),
    );
    store.applyPage('Task', records, [], checkpointAt(T0, '00T3'));
    expect(Array.from(store.loadEventColumns({ since: T0 + 2 * DAY }).at)).toEqual([T0 + 2 * DAY, T0 + 3 * DAY]);
    expect(store.loadEventColumns().size).toBe(4);
  });

  it('given an empty store, when loaded as columns, then there are none', () => {
    expect(memoryStore().loadEventColumns().size).toBe(0);
  });
});

describe('coaching from the store’s columns or from the events it was given', () => {
  const model = modelBuilder()
    .measures(
      volume(),
      ratio({ target: 0.9 }),
      responseTime(),
      sequence({ maxSkipShare: 0 }),
      integrity({ burst: { count: 3, withinMinutes: 10 } }),
    )
    .coaching({ minSample: 3 })
    .build();
  const reps = [rep('005A'), rep('005B'), rep('005C', { role: 'setter' })];
  const arbitraryEvent = fc.record({
    step: fc.constantFrom(...STEPS.map((s) => s.id)),
    user: fc.constantFrom('005A', '005B', '005C', '005Z'),
    subject: fc.option(fc.constantFrom('00QL1', '00QL2', '006O1'), { nil: null, freq: 8 }),
    at: fc.oneof(fc.integer({ min: NOW - 40 * DAY, max: NOW }), fc.constantFrom(NOW - 3 * DAY, NOW - 3 * DAY + 60_000)),
    durationSec: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  });
  /** Records of one to three events each, as a mapped Task or stage history row gives. */
  const arbitraryRecords = fc
    .array(fc.array(arbitraryEvent, { minLength: 1, maxLength: 3 }), { minLength: 10, maxLength: 80, size: 'max' })
    .map((groups) =>
      groups.map((group, n): StoredRecord => {
        const id = `00T${n}`;
        const events = group.map(({ durationSec, ...rest }): StepEvent => ({
          ...rest,
          recordId: id,
          ...(durationSec === undefined ? {} : { durationSec }),
        }));
        return { id, systemModstamp: sfDatetime(NOW), events, facts: [] };
      }),
    );

  it('given stored events, when coached from the store’s columns and from the events given, then both agree', () => {
    fc.assert(
      fc.property(arbitraryRecords, fc.integer({ min: 1, max: 60 }), (records, sinceDays) => {
        const store = memoryStore();
        store.applyPage('Task', records, [], checkpointAt(NOW, 'x'));
        const since = NOW - sinceDays * DAY;
        const input = { model, reps, facts: [], openFlags: [], now: NOW };
        const given = records.flatMap((record) => record.events).filter((event) => event.at >= since);
        const fromGiven = computeCoaching({ ...input, events: given });
        const fromColumns = computeCoaching({ ...input, events: store.loadEventColumns({ since }) });
        expect(fromColumns).toEqual(fromGiven);
      }),
      { numRuns: 40 },
    );
  });
});
