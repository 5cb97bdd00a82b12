/**
 * Whatever sequence of pages arrives (upserts, deletes, re-reads, out-of-order versions), the
 * store ends up holding what a plain in-memory model of the rules holds.
 */
import fc from 'fast-check';
import type { StepEvent } from '../../src/core/model';
import type { Checkpoint, StoredRecord } from '../../src/sync/ports';
import { checkpointAt, memoryStore, MINUTE, sfDatetime, T0 } from './builders';
import { storedEvents, storedRecordCount } from './stored';

interface Page {
  object: string;
  records: StoredRecord[];
  deletedIds: string[];
  checkpoint: Checkpoint;
}

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e');
const objects = fc.constantFrom('Task', 'Lead');

const eventFor = (recordId: string): fc.Arbitrary<StepEvent> =>
  fc.record(
    {
      step: fc.constantFrom('attempt', 'contact', 'demo'),
      user: fc.constantFrom('r1', 'r2'),
      subject: fc.option(fc.constantFrom('s1', 's2'), { nil: null }),
      at: fc.integer({ min: 0, max: 5 }).map((m) => T0 + m * MINUTE),
      recordId: fc.constant(recordId),
      durationSec: fc.integer({ min: 0, max: 300 }),
    },
    { requiredKeys: ['step', 'user', 'subject', 'at', 'recordId'] },
  );

const storedRecord: fc.Arbitrary<StoredRecord> = ids.chain((id) =>
  fc.record({
    id: fc.constant(id),
    systemModstamp: fc.integer({ min: 0, max: 5 }).map((m) => sfDatetime(T0 + m * MINUTE)),
    events: fc.array(eventFor(id), { maxLength: 2 }),
    facts: fc.array(fc.record({ tag: fc.integer({ min: 0, max: 1000 }) }), { maxLength: 1 }),
  }),
);

const page: fc.Arbitrary<Page> = fc.record({
  object: objects,
  records: fc.array(storedRecord, { maxLength: 4 }),
  deletedIds: fc.array(ids, { maxLength: 2 }),
  checkpoint: fc.tuple(fc.integer({ min: 0, max: 10 }), ids).map(([m, id]) => checkpointAt(T0 + m * MINUTE, id)),
});

/** The rules, as plainly as they can be said. */
class Model {
  readonly records = new Map<string, Map<string, StoredRecord>>();
  readonly checkpoints = new Map<string, Checkpoint>();

  apply({ object, records, deletedIds, checkpoint }: Page): void {
    const stored = this.records.get(object) ?? new Map<string, StoredRecord>();
    this.records.set(object, stored);
    for (const record of records) {
      const existing = stored.get(record.id);
      const older = existing !== undefined && Date.parse(existing.systemModstamp) > Date.parse(record.systemModstamp);
      if (!older) stored.set(record.id, record);
    }
    for (const id of deletedIds) stored.delete(id);
    const current = this.checkpoints.get(object);
    if (current === undefined || isAfter(checkpoint, current)) this.checkpoints.set(object, checkpoint);
  }

  events(): StepEvent[] {
    return [...this.records.values()].flatMap((byId) => [...byId.values()].flatMap((r) => r.events));
  }

  facts(): { object: string; recordId: string; fact: unknown }[] {
    return [...this.records].flatMap(([object, byId]) =>
      [...byId.values()].flatMap((r) => r.facts.map((fact) => ({ object, recordId: r.id, fact }))),
    );
  }
}

function isAfter(a: Checkpoint, b: Checkpoint): boolean {
  const [ta, tb] = [Date.parse(a.systemModstamp), Date.parse(b.systemModstamp)];
  return ta > tb || (ta === tb && a.id > b.id);
}

const canonical = <T>(items: readonly T[]): string[] => items.map((item) => JSON.stringify(item)).sort();

describe('applying pages, compared with a model', () => {
  it('given any sequence of pages over a small id space, when applied, then records, events, facts and checkpoints match the model', () => {
    fc.assert(
      fc.property(fc.array(page, { maxLength: 12 }), (pages) => {
        const store = memoryStore();
        const model = new Model();
        for (const p of pages) {
          store.applyPage(p.object, p.records, p.deletedIds, p.checkpoint);
          model.apply(p);
        }
        for (const object of ['Task', 'Lead']) {
          expect(storedRecordCount(store, object)).toBe(model.records.get(object)?.size ?? 0);
          expect(store.getCheckpoint(object)).toEqual(model.checkpoints.get(object) ?? null);
        }
        expect(canonical(storedEvents(store))).toEqual(canonical(model.events()));
        expect(canonical(store.loadFacts())).toEqual(canonical(model.facts()));
        store.close();
      }),
      { numRuns: 300 },
    );
  });
});
