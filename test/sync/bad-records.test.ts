/**
 * Bad records through a whole run (plausibility.ts): the read counts them as bad, the summary's
 * stats by kind, and nothing is credited from them, while a user hired since the last run is no
 * stranger: User is read before any activity.
 */
import { openStateStore } from '../../src/state/state-store';
import { sfTime } from './fake-org';
import { Clock, DAY, givenAnOrgWithStaleLeads, HOUR, NOW, ownTasks, REP, run } from './story';

const QUEUE = '00G000000000001AAA';
const NEW_HIRE = '005000000000000NEW';

/** An e-mail about a lead yesterday: a touch, so the lead would not be stale. */
const email = (lead: string, owner: string) => ({
  OwnerId: owner,
  WhoId: lead,
  Type: 'Email',
  Status: 'Completed',
  IsClosed: true,
  CompletedDateTime: sfTime(NOW - DAY),
  CreatedDate: sfTime(NOW - DAY),
});

const staleLeadsFollowedUp = (org: ReturnType<typeof givenAnOrgWithStaleLeads>['org']): unknown[] =>
  ownTasks(org)
    .filter((t) => String(t.Coaching_Key__c).startsWith('v1:stale_lead:'))
    .map((t) => t.WhoId)
    .sort();

describe('bad records in a run', () => {
  it('given an e-mail owned by a queue about a stale lead, when the run reads it, then it is counted bad by kind and the lead is still followed up', async () => {
    const clock = new Clock(NOW);
    const { org, leads } = givenAnOrgWithStaleLeads(clock);
    org.insert('Task', email(leads[0] as string, QUEUE), NOW - DAY);
    const state = openStateStore(':memory:');

    const report = await run(org, state, clock, 'r1');

    expect(report.reads.find((r) => r.object === 'Task')).toMatchObject({ records: 0, bad: 1 });
    expect(report.mapStats.bad).toEqual({ ownerNotUser: 1 });
    expect(staleLeadsFollowedUp(org)).toEqual([...leads].sort());
  });

  it('given a salesperson hired since the last run who e-mailed a lead, when the run reads both, then the e-mail is credited: no stranger', async () => {
    const clock = new Clock(NOW);
    const { org, leads } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    await run(org, state, clock, 'r1');
    clock.at += HOUR;
    org.insert('User', {
      Id: NEW_HIRE,
      Name: 'Nia New',
      IsActive: true,
      Title: 'Sales Consultant',
      Department: 'North',
    });
    org.insert('Task', email(leads[0] as string, NEW_HIRE));

    const report = await run(org, state, clock, 'r2');

    expect(report.mapStats.bad).toEqual({});
    expect(report.reads.find((r) => r.object === 'Task')).toMatchObject({ bad: 0 });
  });

  it('given a good e-mail later handed to a queue, when the next run reads it, then what it credited before is gone', async () => {
    const clock = new Clock(NOW);
    const { org, leads } = givenAnOrgWithStaleLeads(clock);
    const touched = org.insert('Task', email(leads[0] as string, REP), NOW - DAY);
    const state = openStateStore(':memory:');
    await run(org, state, clock, 'r1');
    expect(staleLeadsFollowedUp(org)).not.toContain(leads[0]);
    clock.at += HOUR;
    org.change('Task', touched, { OwnerId: QUEUE });

    const report = await run(org, state, clock, 'r2');

    expect(report.mapStats.bad).toEqual({ ownerNotUser: 1 });
    expect(staleLeadsFollowedUp(org)).toEqual([...leads].sort());
  });
});
