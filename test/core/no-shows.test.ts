import type { CoachModel, StepModel } from '../../src/core/model';
import { event, leadFact, local, modelBuilder, rep, run } from './builders';

const NO_SHOW: StepModel = {
  id: 'no_show',
  label: 'No-show',
  object: 'Event',
  timeField: 'StartDateTime',
  repField: 'OwnerId',
  subjectField: 'WhoId',
  match: { Type: 'Appointment', Appointment_Status__c: 'No Show' },
};

/** The test dealership with a no-show step, and the rule that turns its events into tasks unless it is left out. */
function withNoShows(
  rule: CoachModel['coaching']['noShowFollowUp'] | null = {
    step: 'no_show',
    rebookedBy: 'appointment_set',
    withinDays: 7,
  },
): CoachModel {
  const model = modelBuilder().build();
  model.steps = [...model.steps, NO_SHOW];
  if (rule !== null) model.coaching.noShowFollowUp = rule;
  return model;
}

const on = (date: string, time = '10:00'): number => local(date, time);
const noShowTasks = (model: CoachModel, options: Parameters<typeof run>[1]) =>
  run(model, options).desired.filter((d) => d.kind === 'noShowTask');

describe('a task after a missed appointment (today 2026-11-25)', () => {
  it('given a no-show two days ago and no booking since, then a call for the rep it was with, due the next working day', () => {
    const tasks = noShowTasks(withNoShows(), {
      reps: [rep('A')],
      events: [event('no_show', 'A', '00QC1', on('2026-11-23', '15:00'))],
      facts: [leadFact('00QC1', 'A', on('2026-11-01'))],
    });
    expect(tasks).toEqual([
      expect.objectContaining({
        key: 'v1:no_show:00QC1:2026-11-23',
        createOnly: expect.objectContaining({ OwnerId: 'A', WhoId: '00QC1', ActivityDate: '2026-11-26' }),
        fields: { Subject: 'No-show on 2026-11-23: call Dana Reyes to rebook', Type: 'Follow-Up' },
      }),
    ]);
  });

  it('given the customer booked again after the no-show, by anyone, then no task', () => {
    const tasks = noShowTasks(withNoShows(), {
      reps: [rep('A'), rep('B')],
      events: [
        event('appointment_set', 'A', '00QC2', on('2026-11-20')),
        event('no_show', 'A', '00QC2', on('2026-11-23')),
        event('appointment_set', 'B', '00QC2', on('2026-11-24')),
      ],
    });
    expect(tasks).toEqual([]);
  });

  it('given a booking only before the no-show, then the task stands, naming "the customer" when the name is unknown', () => {
    const tasks = noShowTasks(withNoShows(), {
      reps: [rep('A')],
      events: [
        event('appointment_set', 'A', '003C3', on('2026-11-20')),
        event('no_show', 'A', '003C3', on('2026-11-24')),
      ],
    });
    expect(tasks.map((t) => t.fields.Subject)).toEqual(['No-show on 2026-11-24: call the customer to rebook']);
  });

  it('given no-shows older than withinDays, without a customer, or with someone who is not a rep, then no task', () => {
    const tasks = noShowTasks(withNoShows(), {
      reps: [rep('A')],
      events: [
        event('no_show', 'A', '00QC4', on('2026-11-17')),
        event('no_show', 'A', null, on('2026-11-23')),
        event('no_show', 'MGR1', '00QC5', on('2026-11-23')),
      ],
    });
    expect(tasks).toEqual([]);
  });

  it('given two missed appointments of one customer on one day, then one task', () => {
    const tasks = noShowTasks(withNoShows(), {
      reps: [rep('A')],
      events: [
        event('no_show', 'A', '00QC6', on('2026-11-24', '10:00')),
        event('no_show', 'A', '00QC6', on('2026-11-24', '16:00')),
      ],
    });
    expect(tasks.map((t) => t.key)).toEqual(['v1:no_show:00QC6:2026-11-24']);
  });

  it('given the rule left out of the config, then no-show events yield no task', () => {
    const tasks = noShowTasks(withNoShows(null), {
      reps: [rep('A')],
      events: [event('no_show', 'A', '00QC1', on('2026-11-23'))],
    });
    expect(tasks).toEqual([]);
  });
});
