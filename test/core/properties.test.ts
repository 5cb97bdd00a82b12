import fc from 'fast-check';
import type { CoachingResult } from '../../src/core/coach';
import type { DesiredRecord } from '../../src/core/desired';
import type { Fact } from '../../src/core/facts';
import type { OpenFlag } from '../../src/core/flags';
import { compileMapper } from '../../src/core/map';
import { newMapStats } from '../../src/core/map-stats';
import type { SfRecord, StepEvent } from '../../src/core/model';
import { mapLedger, planWrites } from '../../src/core/write-plan';
import {
  eventRecord,
  followUp,
  integrity,
  leadRecord,
  modelBuilder,
  NOW,
  overdue,
  ratio,
  rep,
  responseTime,
  run,
  sequence,
  stageRecord,
  staleLead,
  STEPS,
  taskRecord,
  volume,
} from './builders';

const DAY = 86_400_000;
const model = modelBuilder()
  .measures(
    volume(),
    ratio({ target: 0.9 }),
    ratio({ id: 'show_rate', from: 'appointment_set', to: 'appointment_shown', basis: 'count' }),
    responseTime(),
    overdue({ maxAllowed: 0 }),
    staleLead({ maxAllowed: 0 }),
    sequence({ maxSkipShare: 0 }),
    integrity({ burst: { count: 3, withinMinutes: 10 } }),
  )
  .coaching({ minSample: 3 })
  .hours('09:00', '19:00')
  .build();
const REPS = ['005A', '005B', '005C'];
const reps = [rep('005A'), rep('005B'), rep('005C', { role: 'setter' })];

const arbitraryEvent: fc.Arbitrary<StepEvent> = fc
  .record({
    step: fc.constantFrom(...STEPS.map((s) => s.id)),
    user: fc.constantFrom(...REPS, '005Z'),
    subject: fc.option(fc.constantFrom('L1', 'L2', 'L3', 'L4', 'L5', 'O1', 'O2'), { nil: null, freq: 8 }),
    at: fc.integer({ min: NOW - 40 * DAY, max: NOW }),
    recordId: fc.constantFrom('R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8'),
    durationSec: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
  })
  .map((e) => {
    const { durationSec, ...rest } = e;
    return durationSec === undefined ? rest : { ...rest, durationSec };
  });

function* rates(coaching: CoachingResult): Generator<[string, number | null]> {
  for (const card of [...coaching.scorecards, coaching.team]) {
    for (const result of card.results) {
      if (
        result.kind === 'ratio' ||
        result.kind === 'responseTime' ||
        result.kind === 'sequence' ||
        result.kind === 'integrity'
      ) {
        yield [`${card.repId}:${result.measure}:value`, result.value];
      }
      if ('interval' in result && result.interval) {
        yield [`${card.repId}:${result.measure}:low`, result.interval.low];
        yield [`${card.repId}:${result.measure}:high`, result.interval.high];
        yield [`${card.repId}:${result.measure}:width`, result.interval.high - result.interval.low];
      }
    }
  }
}

function hasNaN(value: unknown): boolean {
  if (typeof value === 'number') return Number.isNaN(value);
  if (value && typeof value === 'object') return Object.values(value).some(hasNaN);
  return false;
}

describe('properties of a whole coaching run', () => {
  it('every ratio, share and interval bound lies in [0, 1], lows below highs, and nothing is NaN', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 120 }), (events) => {
        const coaching = run(model, { reps, events });
        for (const [where, value] of rates(coaching)) {
          if (value === null) continue;
          expect({ where, inRange: value >= 0 && value <= 1 }).toEqual({ where, inRange: true });
        }
        expect(hasNaN(coaching)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  const mapper = compileMapper(model);
  const iso = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');
  const arbitraryRecord: fc.Arbitrary<[string, SfRecord]> = fc
    .record({
      kind: fc.constantFrom('call', 'appointment', 'stage', 'lead', 'followUp'),
      id: fc.integer({ min: 1, max: 40 }),
      owner: fc.constantFrom(...REPS),
      who: fc.constantFrom('00QL1', '00QL2', '00QL3'),
      at: fc.integer({ min: NOW - 35 * DAY, max: NOW - 60_000 }),
      disposition: fc.constantFrom('Contacted', 'Left Message'),
      stage: fc.constantFrom('Demo', 'Closed Won', 'Negotiation'),
      showed: fc.boolean(),
    })
    .map((r): [string, SfRecord] => {
      const id = `${r.kind}${r.id}`;
      switch (r.kind) {
        case 'call':
          return [
            'Task',
            taskRecord({
              Id: id,
              OwnerId: r.owner,
              WhoId: r.who,
              CompletedDateTime: iso(r.at),
              CallDisposition: r.disposition,
            }),
          ];
        case 'followUp':
          return [
            'Task',
            taskRecord({
              Id: id,
              OwnerId: r.owner,
              WhoId: r.who,
              Type: 'Follow-Up',
              IsClosed: false,
              ActivityDate: iso(r.at).slice(0, 10),
            }),
          ];
        case 'appointment':
          return [
            'Event',
            eventRecord({
              Id: id,
              OwnerId: r.owner,
              CreatedById: r.owner,
              WhoId: r.who,
              CreatedDate: iso(r.at),
              StartDateTime: iso(r.at + DAY),
              Appointment_Status__c: r.showed ? 'Showed' : 'No Show',
            }),
          ];
        case 'stage':
          return [
            'OpportunityHistory',
            stageRecord(r.stage, {
              Id: id,
              OpportunityId: `006${r.who}`,
              CreatedDate: iso(r.at),
              Opportunity: { OwnerId: r.owner },
            }),
          ];
        default:
          return ['Lead', leadRecord({ Id: r.who, OwnerId: r.owner, CreatedDate: iso(r.at) })];
      }
    });
  /** Records unique by object and Id, as the store keeps them. */
  const recordSets = fc.uniqueArray(arbitraryRecord, {
    selector: ([object, record]) => `${object}/${String(record.Id)}`,
    maxLength: 60,
  });

  function coach(records: ReadonlyArray<[string, SfRecord]>, openFlags: OpenFlag[] = [], now = NOW): CoachingResult {
    const events: StepEvent[] = [];
    const facts: Fact[] = [];
    const stats = newMapStats();
    for (const [object, record] of records) {
      const mapped = mapper.mapRecord(object, record, stats);
      events.push(...mapped.events);
      facts.push(...mapped.facts);
    }
    return run(model, { reps, events, facts, openFlags, now });
  }

  it('keys and contents of the desired writes are the same under any reordering of the input records and reps', () => {
    fc.assert(
      fc.property(
        recordSets.chain((records) =>
          fc.tuple(
            fc.constant(records),
            fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }),
          ),
        ),
        ([records, shuffled]) => {
          const a = coach(records);
          const b = coach(shuffled);
          expect(b.desired).toEqual(a.desired);
          expect(run(model, { reps: [...reps].reverse(), facts: [followUp('005A', '2026-11-01')] }).desired).toEqual(
            run(model, { reps, facts: [followUp('005A', '2026-11-01')] }).desired,
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a later run on the same day, over the ledger and open flags the first run left, plans only skips', () => {
    let runsWithFlags = 0;
    const openFlagsFrom = (written: DesiredRecord[]): OpenFlag[] =>
      written
        .filter((d) => d.kind === 'flag' && d.createOnly.Status__c === 'New')
        .map((d) => ({
          scope: 'Rep',
          key: d.key,
          measure: String(d.fields.Measure__c),
          repId: String(d.fields.Salesperson__c),
          status: 'New',
          commitment: null,
          followUpDate: null,
          committedOn: null,
          openedOn: d.key.slice(-10),
          actual: d.fields.Actual__c as number | null,
          sampleSize: d.fields.Sample_Size__c as number | null,
        }));
    fc.assert(
      fc.property(recordSets, fc.integer({ min: 1, max: 14 * 60 }), (records, minutesLater) => {
        const first = coach(records);
        if (first.desired.some((d) => d.kind === 'flag')) runsWithFlags++;
        const firstPlan = planWrites(first.desired, mapLedger([]));
        const ledger = mapLedger(
          firstPlan.creates.map((w, i) => ({
            object: w.record.object,
            key: w.record.key,
            hash: w.hash,
            sfId: `ID${i}`,
          })),
        );
        const second = coach(records, openFlagsFrom(first.desired), NOW + minutesLater * 60_000);
        const plan = planWrites(second.desired, ledger);
        expect({
          creates: plan.creates.map((w) => w.record.key),
          updates: plan.updates.map((w) => w.record.key),
        }).toEqual({ creates: [], updates: [] });
      }),
      { numRuns: 60 },
    );
    // The property means something only if the generated data does raise flags.
    expect(runsWithFlags).toBeGreaterThan(10);
  });
});
