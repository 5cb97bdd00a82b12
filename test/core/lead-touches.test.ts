/**
 * What touches a lead: records go through the real mapper, then the stale-lead rule, as a run
 * does. The run is at the builders' NOW, Wednesday 2026-11-25 09:00 in Chicago; a lead is stale
 * after 3 idle days.
 */
import { compileMapper } from '../../src/core/map';
import { newMapStats } from '../../src/core/map-stats';
import type { CoachModel, LeadTouch, SfRecord, StepEvent } from '../../src/core/model';
import { readPlan } from '../../src/core/read-plan';
import { eventRecord, leadFact, local, modelBuilder, rep, resultOf, run, staleLead, taskRecord } from './builders';

const LEAD = '00Q000000000001AAA';
const REP = '005000000000001AAA';
/** The lead came in two weeks ago and nothing configured as a step has touched it since. */
const CREATED = local('2026-11-10', '10:00');

function modelWith(touches?: LeadTouch[]): CoachModel {
  return modelBuilder()
    .measures(staleLead(touches === undefined ? {} : { touches }))
    .build();
}

/** Maps the records with the real mapper and says whether the lead is stale at NOW. */
function isStale(model: CoachModel, ...records: Array<['Task' | 'Event', SfRecord]>): boolean {
  const mapper = compileMapper(model);
  const events: StepEvent[] = records.flatMap(
    ([object, record]) => mapper.mapRecord(object, record, newMapStats()).events,
  );
  const coaching = run(model, { reps: [rep(REP)], events, facts: [leadFact(LEAD, REP, CREATED)] });
  return resultOf(coaching, REP, 'stale_leads', 'staleLead').leads.length === 1;
}

const email = (completed: string): SfRecord =>
  taskRecord({ Type: 'Email', CallType: null, CallDisposition: null, CompletedDateTime: completed });
const openTask = (due: string): SfRecord =>
  taskRecord({ Type: 'Follow-Up', Status: 'Not Started', IsClosed: false, CompletedDateTime: null, ActivityDate: due });

describe('what touches a lead', () => {
  const model = modelWith();

  it('given a lead nobody touched for two weeks, then it is stale', () => {
    expect(isStale(model)).toBe(true);
  });

  it('given a lead e-mailed yesterday, then it is not stale', () => {
    expect(isStale(model, ['Task', email('2026-11-24T15:00:00.000+0000')])).toBe(false);
  });

  it('given a lead e-mailed five days ago, then it is stale again', () => {
    expect(isStale(model, ['Task', email('2026-11-20T15:00:00.000+0000')])).toBe(true);
  });

  it('given an appointment ahead, then the lead is not stale although the last contact is old', () => {
    const ahead = eventRecord({
      CreatedDate: '2026-11-12T15:00:00.000+0000',
      StartDateTime: '2026-11-28T16:00:00.000Z',
    });
    expect(isStale(model, ['Event', ahead])).toBe(false);
  });

  it('given an appointment that was ten days ago, then the lead is stale', () => {
    const past = eventRecord({
      CreatedDate: '2026-11-12T15:00:00.000+0000',
      StartDateTime: '2026-11-15T16:00:00.000Z',
    });
    expect(isStale(model, ['Event', past])).toBe(true);
  });

  it('given an open task due today or later, then the lead is not stale; due yesterday, it is', () => {
    expect(isStale(model, ['Task', openTask('2026-11-25')])).toBe(false);
    expect(isStale(model, ['Task', openTask('2026-12-02')])).toBe(false);
    expect(isStale(model, ['Task', openTask('2026-11-24')])).toBe(true);
  });

  it('given a task the product wrote (its key set), then it touches nothing', () => {
    const own = { ...email('2026-11-24T15:00:00.000+0000'), Coaching_Key__c: `v1:stale_lead:${LEAD}:2026-11-20` };
    expect(isStale(model, ['Task', own])).toBe(true);
  });

  it('given touches narrowed to calls, then an e-mail yesterday does not count', () => {
    const callsOnly = modelWith([{ object: 'Task', subjectField: 'WhoId', match: { Type: 'Call' } }]);
    expect(isStale(callsOnly, ['Task', email('2026-11-24T15:00:00.000+0000')])).toBe(true);
  });

  it('given a completed call, then it touches the lead as its step and yields no second event', () => {
    const call = taskRecord({ CompletedDateTime: '2026-11-24T15:00:00.000+0000' });
    const mapped = compileMapper(model).mapRecord('Task', call, newMapStats()).events;
    expect(mapped.map((e) => e.step)).toEqual(['attempt', 'contact']);
    expect(isStale(model, ['Task', call])).toBe(false);
  });

  it('given the touches of a measure, then the read plan selects the fields that time them', () => {
    const plan = new Map(readPlan(model).map((read) => [read.object, read.fields]));
    expect(plan.get('Task')).toEqual(
      expect.arrayContaining(['WhoId', 'IsClosed', 'CompletedDateTime', 'CreatedDate', 'ActivityDate', 'OwnerId']),
    );
    expect(plan.get('Event')).toEqual(expect.arrayContaining(['WhoId', 'StartDateTime', 'OwnerId']));
  });
});
