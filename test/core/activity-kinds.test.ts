/**
 * The activity no step maps, by kind: the real mapper turns a task or event that touched a lead
 * and yielded no configured step into one `activity:<object>:<Type>` event (lead-touches.ts),
 * which the read plan reads the type for and a model's event table leaves out without calling
 * it a config change.
 */
import { eventColumnsOf } from '../../src/core/event-columns';
import { EventTable } from '../../src/core/event-table';
import { compileMapper } from '../../src/core/map';
import { newMapStats } from '../../src/core/map-stats';
import type { CoachModel, SfRecord, StepEvent } from '../../src/core/model';
import { readPlan } from '../../src/core/read-plan';
import { tableStepIds } from '../../src/core/lead-touches';
import { eventRecord, modelBuilder, rep, staleLead, taskRecord } from './builders';

const LEAD = '00Q000000000001AAA';
const REP = '005000000000001AAA';
const COMPLETED = '2026-11-24T15:00:00.000+0000';

const model = modelBuilder().measures(staleLead()).build();

function mapped(object: 'Task' | 'Event', record: SfRecord, onto: CoachModel = model): StepEvent[] {
  return compileMapper(onto).mapRecord(object, record, newMapStats()).events;
}

const task = (type: string | null, fields: Record<string, unknown> = {}): SfRecord =>
  taskRecord({ Type: type, CallType: null, CallDisposition: null, CompletedDateTime: COMPLETED, ...fields });

describe('the kind of activity no step maps', () => {
  it('given a completed e-mail no step maps, when mapped, then it yields its touch and one Email activity at the same moment, by its owner, about its lead', () => {
    const events = mapped('Task', task('Email'));
    expect(events.map((e) => e.step)).toEqual(['touch:stale_leads', 'activity:Task:Email']);
    expect(events[1]).toEqual({ ...events[0], step: 'activity:Task:Email' });
    expect(events[1]).toMatchObject({ user: REP, subject: LEAD, at: Date.parse('2026-11-24T15:00:00.000Z') });
  });

  it('given two staleLead measures touching one text, when mapped, then the record is one activity', () => {
    const twice = modelBuilder()
      .measures(staleLead(), staleLead({ id: 'stale_hot_leads' }))
      .build();
    expect(mapped('Task', task('Text'), twice).map((e) => e.step)).toEqual([
      'touch:stale_leads',
      'touch:stale_hot_leads',
      'activity:Task:Text',
    ]);
  });

  it('given a task with no type and an event no step maps, when mapped, then each is an activity of its object', () => {
    expect(mapped('Task', task(null)).map((e) => e.step)).toContain('activity:Task:');
    const meeting = eventRecord({ Type: 'Meeting', StartDateTime: COMPLETED });
    expect(mapped('Event', meeting).map((e) => e.step)).toEqual(['touch:stale_leads', 'activity:Event:Meeting']);
  });

  it('given a call that maps to steps, an appointment that does and open tasks, when mapped, then none is an activity', () => {
    const call = taskRecord({ CompletedDateTime: COMPLETED });
    const appointment = eventRecord({ Appointment_Status__c: 'Showed' });
    const open = task('Email', { IsClosed: false, Status: 'Not Started', CompletedDateTime: null });
    // With no due date, an open task touches its lead when created, but nobody has done it yet.
    const undated = { ...open, Id: '00T000000000002AAA', ActivityDate: null };
    const steps = [call, open, undated].flatMap((t) => mapped('Task', t)).concat(mapped('Event', appointment));
    expect(steps.map((e) => e.step)).toContain('touch:stale_leads');
    expect(steps.filter((e) => e.step.startsWith('activity:'))).toEqual([]);
  });

  it('given no staleLead measure, when an e-mail is mapped, then it is no activity: nothing reads its lead', () => {
    expect(mapped('Task', task('Email'), modelBuilder().build())).toEqual([]);
  });

  it('given touches and no step that names the type, when the read plan is made, then it reads Type on Task and Event', () => {
    const untyped: CoachModel = {
      ...model,
      steps: model.steps.filter((s) => s.object !== 'Task' && s.object !== 'Event'),
    };
    const plan = new Map(readPlan(untyped).map((read) => [read.object, read.fields]));
    expect(plan.get('Task')).toContain('Type');
    expect(plan.get('Event')).toContain('Type');
  });

  it('given stored activity events and a step the config no longer has, when the model builds its table, then only the step counts as ignored', () => {
    const touch = mapped('Task', task('Email'))[0] as StepEvent;
    const email: StepEvent = { ...touch, step: 'activity:Task:Email' };
    const gone: StepEvent = { ...touch, step: 'old_step', recordId: '00T000000000002AAA' };
    const table = new EventTable(tableStepIds(model), [rep(REP)], eventColumnsOf([touch, email, gone]));
    expect({ rows: table.size, ignored: table.ignored }).toEqual({ rows: 1, ignored: 1 });
  });
});
