import fc from 'fast-check';
import { computeCoaching } from '../../src/core/coach';
import { EventColumnsBuilder, eventColumnsOf } from '../../src/core/event-columns';
import type { StepEvent } from '../../src/core/model';
import { event, integrity, modelBuilder, NOW, ratio, rep, responseTime, sequence, STEPS, volume } from './builders';

const DAY = 86_400_000;
const model = modelBuilder()
  .measures(
    volume(),
    ratio({ target: 0.9 }),
    ratio({ id: 'show_rate', from: 'appointment_set', to: 'appointment_shown', basis: 'count' }),
    responseTime(),
    sequence({ maxSkipShare: 0 }),
    integrity({ burst: { count: 3, withinMinutes: 10 } }),
  )
  .coaching({ minSample: 3 })
  .hours('09:00', '19:00')
  .build();
const REPS = ['005A', '005B', '005C'];
const reps = [rep('005A'), rep('005B'), rep('005C', { role: 'setter' })];
const RECORD_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8'];

const arbitraryEvent: fc.Arbitrary<StepEvent> = fc
  .record({
    step: fc.constantFrom(...STEPS.map((s) => s.id), 'retired_step'),
    user: fc.constantFrom(...REPS, '005Z'),
    subject: fc.option(fc.constantFrom('L1', 'L2', 'L3', 'O1'), { nil: null, freq: 8 }),
    // Spread over the window, or crowded onto two instants a minute apart: bursts, decided by
    // how many records (not events) share an instant.
    at: fc.oneof(fc.integer({ min: NOW - 30 * DAY, max: NOW }), fc.constantFrom(NOW - 3 * DAY, NOW - 3 * DAY + 60_000)),
    recordId: fc.constantFrom(...RECORD_IDS),
    durationSec: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  })
  .map(({ durationSec, ...rest }) => (durationSec === undefined ? rest : { ...rest, durationSec }));

/** The columns a store would stream: its own order, each record told apart by an integer key. */
function streamed(events: readonly StepEvent[]): ReturnType<EventColumnsBuilder['build']> {
  const builder = new EventColumnsBuilder(1);
  for (const e of events)
    builder.add(e.step, e.user, e.subject, e.at, RECORD_IDS.indexOf(e.recordId), e.durationSec ?? null);
  return builder.build();
}

describe('event columns', () => {
  it('given events added past the expected size, when built, then every row holds its event and names are listed once', () => {
    const builder = new EventColumnsBuilder(2);
    builder.add('attempt', '005A', 'L1', 100, 1, 30);
    builder.add('contact', '005A', 'L1', 100, 1, null);
    builder.add('attempt', '005B', null, 200, 2, null);
    builder.add('attempt', '005A', 'L2', 300, 3, 0);
    const columns = builder.build();

    expect(columns.size).toBe(4);
    expect(columns.stepIds).toEqual(['attempt', 'contact']);
    expect(columns.userIds).toEqual(['005A', '005B']);
    expect([...columns.subjectIndex]).toEqual([
      ['L1', 0],
      ['L2', 1],
    ]);
    expect(Array.from(columns.step)).toEqual([0, 1, 0, 0]);
    expect(Array.from(columns.user)).toEqual([0, 0, 1, 0]);
    expect(Array.from(columns.subject)).toEqual([0, 0, -1, 1]);
    expect(Array.from(columns.at)).toEqual([100, 100, 200, 300]);
    expect(Array.from(columns.duration)).toEqual([30, Number.NaN, Number.NaN, 0]);
    expect([0, 1, 2, 3].map((row) => columns.recordOf(row))).toEqual([1, 1, 2, 3]);
  });

  it('given an array of events, when laid out as columns, then each event is one row with its record Id', () => {
    const columns = eventColumnsOf([
      event('demo', '005A', 'O1', 5, { recordId: 'H1' }),
      event('sold', '005B', 'O1', 9, { recordId: 'H2', durationSec: 12 }),
    ]);
    expect({
      size: columns.size,
      steps: columns.stepIds,
      users: columns.userIds,
      records: [columns.recordOf(0), columns.recordOf(1)],
    }).toEqual({
      size: 2,
      steps: ['demo', 'sold'],
      users: ['005A', '005B'],
      records: ['H1', 'H2'],
    });
    expect(Array.from(columns.duration)).toEqual([Number.NaN, 12]);
  });

  it('given the same events, when coached from objects and from streamed columns in another order, then the results are deep-equal', () => {
    let flagged = 0;
    fc.assert(
      fc.property(
        fc
          .array(arbitraryEvent, { minLength: 20, maxLength: 150, size: 'max' })
          .chain((events) =>
            fc.tuple(
              fc.constant(events),
              fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
            ),
          ),
        ([events, storageOrder]) => {
          const fromObjects = computeCoaching({ model, reps, events, facts: [], openFlags: [], now: NOW });
          const fromColumns = computeCoaching({
            model,
            reps,
            events: streamed(storageOrder),
            facts: [],
            openFlags: [],
            now: NOW,
          });
          expect(fromColumns).toEqual(fromObjects);
          if (fromObjects.findings.length > 0) flagged++;
        },
      ),
      { numRuns: 100 },
    );
    // Equal results mean something only if the generated events do raise findings.
    expect(flagged).toBeGreaterThan(10);
  });
});
