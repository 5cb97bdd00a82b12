/**
 * Bad records from the CRM (plausibility.ts): refused whole by the mapper, counted by kind, and
 * without effect on what the run computes. Records go through the real mapper and computeCoaching,
 * as a run does, at the builders' NOW (Wednesday 2026-11-25 09:00 in Chicago).
 */
import { compileMapper } from '../../src/core/map';
import { newMapStats } from '../../src/core/map-stats';
import type { Fact } from '../../src/core/facts';
import type { SfRecord, StepEvent } from '../../src/core/model';
import {
  eventRecord,
  leadRecord,
  modelBuilder,
  NOW,
  overdue,
  rep,
  run,
  staleLead,
  taskRecord,
  volume,
} from './builders';

const REP = '005000000000001AAA';
const SETTER = '005000000000009AAA';
const USERS = new Set([REP, SETTER, '005000000000099AAA']);
const model = modelBuilder().measures(volume(), overdue(), staleLead()).build();

type Input = Array<[string, SfRecord]>;

const call = (id: string, completed: string, fields: Record<string, unknown> = {}): SfRecord =>
  taskRecord({ Id: id, CompletedDateTime: completed, ...fields });

/** A lead two weeks old, called twice in its first days, then left idle: stale, so a follow-up task is due. */
const CLEAN: Input = [
  ['Lead', leadRecord({ CreatedDate: '2026-11-10T16:00:00.000+0000' })],
  ['Task', call('00T000000000001AAA', '2026-11-10T17:00:00.000+0000')],
  ['Task', call('00T000000000002AAA', '2026-11-11T17:00:00.000+0000')],
];

/** One of each kind; each would touch the idle lead yesterday or keep it waiting on a due day. */
const BAD: Input = [
  ['Task', call('00T000000000003AAA', '2026-11-24T17:00:00.000+0000', { OwnerId: '00G000000000001AAA' })],
  ['Task', call('00T000000000004AAA', '2026-11-24T17:00:00.000+0000', { OwnerId: '005000000000777AAA' })],
  [
    'Task',
    taskRecord({
      Id: '00T000000000005AAA',
      Type: 'Follow-Up',
      Status: 'Not Started',
      IsClosed: false,
      CompletedDateTime: null,
      ActivityDate: '2099-01-01',
    }),
  ],
  ['Task', call('00T000000000006AAA', '2026-11-24T17:00:00.000+0000', { CallDurationInSeconds: -60 })],
  ['Task', call('00T00000000000BAAA', '2026-11-24T17:00:00.000+0000', { OwnerId: null })],
  [
    'Event',
    eventRecord({
      Appointment_Status__c: 'Showed',
      StartDateTime: '2026-11-24T16:00:00.000+0000',
      EndDateTime: '2026-11-24T15:00:00.000+0000',
    }),
  ],
];

function mapAll(records: Input) {
  const mapper = compileMapper(model, { now: NOW, users: USERS });
  const stats = newMapStats();
  const events: StepEvent[] = [];
  const facts: Fact[] = [];
  for (const [object, record] of records) {
    const mapped = mapper.mapRecord(object, record, stats);
    events.push(...mapped.events);
    facts.push(...mapped.facts);
  }
  return { stats, events, facts };
}

function coachingOf(records: Input) {
  const { events, facts } = mapAll(records);
  return run(model, { reps: [rep(REP), rep(SETTER, { role: 'setter' })], events, facts, now: NOW });
}

describe('bad records from the CRM', () => {
  it('given clean records and one bad record of each kind, when mapped and computed, then the findings and desired records equal those of the clean records', () => {
    const clean = coachingOf(CLEAN);
    const withBad = coachingOf([...CLEAN, ...BAD]);
    // Not vacuous: the clean run follows the idle lead up, which any of the bad records would have stopped.
    expect(clean.desired.some((record) => record.kind === 'staleLeadTask')).toBe(true);
    expect(withBad.findings).toEqual(clean.findings);
    expect(withBad.desired).toEqual(clean.desired);
  });

  it('given one bad record of each kind, when mapped, then each kind is counted once and nothing is credited', () => {
    const { stats, events, facts } = mapAll(BAD);
    expect(stats.bad).toEqual({
      ownerNotUser: 1,
      ownerUnknown: 1,
      dateImplausible: 1,
      negativeDuration: 1,
      ownerMissing: 1,
      endBeforeStart: 1,
    });
    expect([events, facts, stats.events, stats.facts]).toEqual([[], [], {}, {}]);
  });

  it('given an appointment ahead, even one already marked Showed, then it is no bad record: a start may lie ahead', () => {
    const { stats, events } = mapAll([
      ['Event', eventRecord({ StartDateTime: '2026-12-02T16:00:00.000+0000' })],
      [
        'Event',
        eventRecord({
          Id: '00U000000000002AAA',
          StartDateTime: '2027-03-01T16:00:00.000+0000',
          Appointment_Status__c: 'Showed',
        }),
      ],
    ]);
    expect(stats.bad).toEqual({});
    expect(events.map((e) => e.step)).toContain('appointment_shown');
  });

  it('given what happened dated more than a day after now, or before 2000, then the record is refused as dateImplausible', () => {
    const { stats } = mapAll([
      ['Task', call('00T000000000007AAA', '2026-11-26T16:00:00.000+0000')],
      ['Lead', leadRecord({ CreatedDate: '1900-01-01T00:00:00.000+0000' })],
      ['Event', eventRecord({ CreatedDate: '2099-11-18T14:00:00.000+0000' })],
    ]);
    expect(stats.bad).toEqual({ dateImplausible: 3 });
  });

  it('given a call completed within a day after now (clocks differ), then it is credited', () => {
    const { stats, events } = mapAll([['Task', call('00T000000000008AAA', '2026-11-25T20:00:00.000+0000')]]);
    expect(stats.bad).toEqual({});
    expect(events.map((e) => e.step)).toEqual(['attempt', 'contact']);
  });

  it('given a follow-up due more than ten years ahead, then it is refused; a lease-end call-back in three years is not', () => {
    const due = (id: string, date: string): SfRecord =>
      taskRecord({
        Id: id,
        Type: 'Follow-Up',
        Status: 'Not Started',
        IsClosed: false,
        CompletedDateTime: null,
        ActivityDate: date,
      });
    const { stats, facts } = mapAll([
      ['Task', due('00T000000000009AAA', '2029-11-30')],
      ['Task', due('00T00000000000AAAA', '2037-01-01')],
    ]);
    expect(stats.bad).toEqual({ dateImplausible: 1 });
    expect(facts).toEqual([expect.objectContaining({ kind: 'followUp', due: '2029-11-30' })]);
  });

  it('given a task the product wrote, owned by anyone, then it is no bad record but its own-task fact', () => {
    const { stats, facts } = mapAll([['Task', taskRecord({ OwnerId: '005000000000777AAA', Coaching_Key__c: 'v1:x' })]]);
    expect(stats.bad).toEqual({});
    expect(facts).toEqual([expect.objectContaining({ kind: 'ownTask' })]);
  });

  it('given no users to judge by (a mapper without a run), then an unknown owner is credited and a queue is still refused', () => {
    const stats = newMapStats();
    const mapper = compileMapper(model);
    expect(
      mapper.mapRecord('Task', call('00T1', '2026-11-24T17:00:00.000+0000', { OwnerId: '005000000000777AAA' }), stats)
        .events,
    ).not.toEqual([]);
    expect(
      mapper.mapRecord('Task', call('00T2', '2026-11-24T17:00:00.000+0000', { OwnerId: '00G000000000001AAA' }), stats)
        .bad,
    ).toBe('ownerNotUser');
  });

  it('given an appointment that ends as it starts, or whose end is blank, then it is no bad record', () => {
    const { stats, events } = mapAll([
      ['Event', eventRecord({ Appointment_Status__c: 'Showed', EndDateTime: '2026-11-20T16:00:00.000+0000' })],
      ['Event', eventRecord({ Id: '00U000000000002AAA', Appointment_Status__c: 'Showed', EndDateTime: null })],
    ]);
    expect(stats.bad).toEqual({});
    expect(events.filter((e) => e.step === 'appointment_shown')).toHaveLength(2);
  });

  it('given an idle lead whose name is 100 KB, when its follow-up and the stale-lead flag are written, then no text is long', () => {
    const huge = `Huge ${'Z'.repeat(100_000)}`;
    const hugeLead = leadRecord({ Id: '00Q000000000002AAA', Name: huge, CreatedDate: '2026-11-10T16:00:00.000+0000' });
    const coaching = coachingOf([...CLEAN, ['Lead', hugeLead]]);
    const flag = coaching.desired.find((record) => record.key.startsWith('v1:stale_leads:'));
    const task = coaching.desired.find((record) => record.key.startsWith('v1:stale_lead:00Q000000000002AAA:'));
    // Not vacuous: the name is repeated in both, cut short.
    expect(String(flag?.fields.Evidence__c)).toContain('Huge ZZZ');
    expect(String(task?.fields.Subject)).toContain('Call Huge ZZZ');
    const texts = coaching.desired.flatMap((record) => [
      ...Object.values(record.fields),
      ...Object.values(record.createOnly),
    ]);
    expect(Math.max(...texts.map((value) => String(value).length))).toBeLessThan(1000);
  });

  it('given a lead owned by a queue (not yet assigned), then it is no bad record: only activities must belong to a user', () => {
    const { stats, events } = mapAll([['Lead', leadRecord({ OwnerId: '00G000000000001AAA' })]]);
    expect(stats.bad).toEqual({});
    expect(events.map((e) => e.step)).toEqual(['lead']);
  });
});
