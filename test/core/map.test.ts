import { compileMapper } from '../../src/core/map';
import { newMapStats } from '../../src/core/map-stats';
import { readPlan } from '../../src/core/read-plan';
import type { SfRecord } from '../../src/core/model';
import {
  eventRecord,
  leadRecord,
  local,
  modelBuilder,
  overdue,
  stageRecord,
  staleLead,
  taskRecord,
  userRecord,
} from './builders';

const model = modelBuilder().measures(overdue(), staleLead()).build();
const mapper = compileMapper(model);
const map = (object: string, record: SfRecord, stats = newMapStats()) => mapper.mapRecord(object, record, stats);

describe('mapping records to step events', () => {
  it('given a completed outbound contacted call, then it yields an attempt and a contact at its +0000 time', () => {
    const { events } = map('Task', taskRecord());
    expect(events.map((e) => e.step)).toEqual(['attempt', 'contact']);
    expect(events[0]).toEqual({
      step: 'attempt',
      user: '005000000000001AAA',
      subject: '00Q000000000001AAA',
      at: Date.UTC(2026, 10, 20, 15, 4, 5),
      recordId: '00T000000000001AAA',
      durationSec: 240,
    });
  });

  it('given a stage history row, then the salesperson is read through the nested Opportunity', () => {
    const { events } = map('OpportunityHistory', stageRecord('Closed Won'));
    expect(events).toEqual([
      expect.objectContaining({ step: 'sold', user: '005000000000001AAA', subject: '006000000000001AAA' }),
    ]);
  });

  it('given an appointment, then the setter is credited with the set and the salesperson with the show', () => {
    const { events } = map('Event', eventRecord({ Appointment_Status__c: 'Showed' }));
    expect(events.map((e) => [e.step, e.user])).toEqual([
      ['appointment_set', '005000000000009AAA'],
      ['appointment_shown', '005000000000001AAA'],
      // The appointment also touches its lead, at its start (lead-touches.test.ts).
      ['touch:stale_leads', '005000000000001AAA'],
    ]);
  });

  it('given records with a missing owner or an empty parent lookup, then they are counted, not fatal', () => {
    const stats = newMapStats();
    // An activity with no owner is refused whole, like a queue's: not even a touch on its lead (bad-records.test.ts).
    expect(map('Task', taskRecord({ OwnerId: null }), stats)).toEqual({ events: [], facts: [], bad: 'ownerMissing' });
    expect(map('OpportunityHistory', stageRecord('Demo', { Opportunity: null }), stats).events).toEqual([]);
    expect(stats.missingUser).toEqual({ demo: 1 });
    expect(stats.bad).toEqual({ ownerMissing: 1 });
  });

  it('given a missing or unparseable time, then the record is counted and skipped', () => {
    const stats = newMapStats();
    map('Task', taskRecord({ CompletedDateTime: null }), stats);
    map('OpportunityHistory', stageRecord('Demo', { CreatedDate: '2026-02-30T10:00:00Z' }), stats);
    expect(stats.missingTime).toEqual({ attempt: 1, contact: 1, demo: 1 });
    expect(stats.events).toEqual({});
  });

  it('given a date-only time field, then the event is at local midnight in the dealership zone', () => {
    const dated = modelBuilder().build();
    dated.steps = dated.steps.map((s) => (s.id === 'attempt' ? { ...s, timeField: 'ActivityDate' } : s));
    const { events } = compileMapper(dated).mapRecord(
      'Task',
      taskRecord({ ActivityDate: '2026-11-20' }),
      newMapStats(),
    );
    expect(events[0]?.at).toBe(local('2026-11-20', '00:00'));
  });

  it('given a task the product wrote, then it is no activity, is counted, and becomes an own-task fact', () => {
    const stats = newMapStats();
    const output = map(
      'Task',
      taskRecord({ Coaching_Key__c: 'v1:stale_lead:00Q1:2026-11-20', IsClosed: false }),
      stats,
    );
    expect(output.events).toEqual([]);
    expect(output.facts).toEqual([
      { kind: 'ownTask', recordId: '00T000000000001AAA', key: 'v1:stale_lead:00Q1:2026-11-20', closed: false },
    ]);
    expect(stats.ownRecords).toEqual({ Task: 1 });
  });

  it('given picklist values no step accepts, then they are counted per object, field and value', () => {
    const stats = newMapStats();
    map('Task', taskRecord({ CallDisposition: 'Left Message' }), stats);
    map('Task', taskRecord({ CallDisposition: 'Left Message' }), stats);
    map('Task', taskRecord({ Type: 'Email' }), stats);
    map('OpportunityHistory', stageRecord('Negotiation'), stats);
    map('OpportunityHistory', stageRecord('Demo'), stats);
    expect(stats.unmatchedValues).toEqual({
      'Task.CallDisposition': { 'Left Message': 2 },
      'Task.Type': { Email: 1 },
      'OpportunityHistory.StageName': { Negotiation: 1 },
    });
  });

  it('given an open follow-up task, then it yields a follow-up fact with its due date', () => {
    const { events, facts } = map(
      'Task',
      taskRecord({ Type: 'Follow-Up', Status: 'Not Started', IsClosed: false, ActivityDate: '2026-11-18' }),
    );
    // No step: the open task only says the lead waits on the rep that day (lead-touches.test.ts).
    expect(events.map((e) => e.step)).toEqual(['due:stale_leads']);
    expect(facts).toEqual([
      {
        kind: 'followUp',
        measure: 'overdue_follow_ups',
        recordId: '00T000000000001AAA',
        user: '005000000000001AAA',
        subject: '00Q000000000001AAA',
        due: '2026-11-18',
      },
    ]);
  });

  it('given leads, then open ones yield a lead event and a lead fact, closed ones only the event', () => {
    const open = map('Lead', leadRecord());
    expect(open.events.map((e) => e.step)).toEqual(['lead']);
    expect(open.facts).toEqual([
      expect.objectContaining({ kind: 'lead', recordId: '00Q000000000001AAA', name: 'Dana Reyes' }),
    ]);
    expect(map('Lead', leadRecord({ Status: 'Closed - Converted' })).facts).toEqual([]);
  });

  it('given an object the model does not read, then nothing comes out', () => {
    expect(map('Case', { Id: '500000000000001AAA' })).toEqual({ events: [], facts: [] });
  });
});

describe('mapping users to reps', () => {
  it('given users, then salespeople and setters are kept with manager, store and goal, others left out', () => {
    const reps = mapper.mapUsers([
      userRecord({ Id: '005B', Monthly_Unit_Goal__c: 14, CreatedDate: '2026-11-10T15:00:00.000+0000' }),
      userRecord({ Id: '005A', Title: 'BDC Agent', Name: 'Bea Dee' }),
      userRecord({ Id: '005C', Title: 'Sales Manager' }),
      userRecord({ Id: '005D', IsActive: false }),
    ]);
    expect(reps).toEqual([
      {
        id: '005A',
        name: 'Bea Dee',
        role: 'setter',
        managerId: '005000000000099AAA',
        store: 'North',
        monthlyGoal: null,
        activeSince: null,
      },
      {
        id: '005B',
        name: 'Sam Seller',
        role: 'salesperson',
        managerId: '005000000000099AAA',
        store: 'North',
        monthlyGoal: 14,
        activeSince: Date.UTC(2026, 10, 10, 15),
      },
    ]);
  });
});

describe('the read plan', () => {
  it('given the model, then each object lists Id, SystemModstamp and the fields its steps and measures use', () => {
    const plan = new Map(readPlan(model).map((read) => [read.object, read.fields]));
    expect([...plan.keys()]).toEqual(['Event', 'Lead', 'OpportunityHistory', 'Task', 'User']);
    expect(plan.get('OpportunityHistory')).toEqual([
      'Id',
      'SystemModstamp',
      'CreatedDate',
      'Opportunity.OwnerId',
      'OpportunityId',
      'StageName',
    ]);
    expect(plan.get('Task')).toEqual(
      expect.arrayContaining(['Coaching_Key__c', 'IsClosed', 'ActivityDate', 'CallDurationInSeconds']),
    );
    expect(plan.get('Event')).toContain('Coaching_Key__c');
    expect(plan.get('Event')).not.toContain('IsClosed');
    expect(plan.get('User')).toEqual([
      'Id',
      'SystemModstamp',
      'CreatedDate',
      'Department',
      'IsActive',
      'ManagerId',
      'Monthly_Unit_Goal__c',
      'Name',
      'Title',
    ]);
  });

  it('given any record, then every field the mapper reads is in the plan for its object', () => {
    const plan = new Map(
      readPlan(model).map((read) => [read.object, new Set(read.fields.map((f) => f.split('.')[0]))]),
    );
    const samples: Array<[string, SfRecord]> = [
      ['Task', taskRecord({ Type: 'Follow-Up', IsClosed: false })],
      ['Task', taskRecord({ Coaching_Key__c: 'v1:x' })],
      ['Event', eventRecord({ Appointment_Status__c: 'Showed' })],
      ['OpportunityHistory', stageRecord('Demo')],
      ['Lead', leadRecord()],
    ];
    for (const [object, sample] of samples) {
      const read = new Set<string>();
      const spy = new Proxy(sample, {
        get: (target, key) => (typeof key === 'string' && read.add(key), Reflect.get(target, key)),
      });
      mapper.mapRecord(object, spy, newMapStats());
      const missing = [...read].filter((field) => !plan.get(object)?.has(field));
      expect({ object, missing }).toEqual({ object, missing: [] });
    }
    const userRead = new Set<string>();
    mapper.mapUsers([
      new Proxy(userRecord(), { get: (t, k) => (typeof k === 'string' && userRead.add(k), Reflect.get(t, k)) }),
    ]);
    expect([...userRead].filter((f) => !plan.get('User')?.has(f))).toEqual([]);
  });
});
