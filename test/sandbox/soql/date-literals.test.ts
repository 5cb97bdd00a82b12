import type { SandboxOrg } from '../../../src/sandbox/org';
import { newOrg, select } from '../support/org-fixture';

/** Tasks whose CreatedDate (datetime) and ActivityDate (date) are set as history. */
function withTasks(org: SandboxOrg, rows: Array<{ subject: string; created: string; due?: string }>): void {
  org.store.load(
    'Task',
    rows.map((r) => ({
      Id: org.store.newId('Task'),
      Subject: r.subject,
      ActivityDate: r.due ?? null,
      CreatedDate: r.created,
      SystemModstamp: r.created,
      CreatedById: org.integrationUserId,
      OwnerId: org.integrationUserId,
    })),
  );
}

const subjects = (org: SandboxOrg, where: string): unknown[] =>
  select(org, `SELECT Subject FROM Task WHERE ${where} ORDER BY Subject`).map((r) => r.Subject);

describe('date literals, evaluated in the org time zone (now: Friday 2026-11-20 09:04 in Chicago)', () => {
  const org = newOrg('2026-11-20T15:04:05Z', 'America/Chicago');
  withTasks(org, [
    { subject: 'late-thursday-local', created: '2026-11-20T05:59:00.000+0000', due: '2026-11-19' },
    { subject: 'friday-morning', created: '2026-11-20T06:00:00.000+0000', due: '2026-11-20' },
    { subject: 'friday-night-local', created: '2026-11-21T03:00:00.000+0000', due: '2026-11-21' },
    { subject: 'last-sunday', created: '2026-11-15T12:00:00.000+0000', due: '2026-11-15' },
    { subject: 'october', created: '2026-10-31T12:00:00.000+0000', due: '2026-10-31' },
    { subject: 'next-week', created: '2026-11-23T12:00:00.000+0000', due: '2026-11-23' },
  ]);

  it('given TODAY on a datetime field, then it covers local midnight to midnight', () => {
    expect(subjects(org, 'CreatedDate = TODAY')).toEqual(['friday-morning', 'friday-night-local']);
  });

  it('given YESTERDAY, then a UTC-Friday instant that is Thursday in Chicago belongs to it', () => {
    expect(subjects(org, 'CreatedDate = YESTERDAY')).toEqual(['late-thursday-local']);
  });

  it('given < TODAY, then only instants before local midnight match', () => {
    expect(subjects(org, 'CreatedDate < TODAY')).toEqual(['last-sunday', 'late-thursday-local', 'october']);
  });

  it('given > TODAY, then only instants from tomorrow on match', () => {
    expect(subjects(org, 'CreatedDate > TODAY')).toEqual(['next-week']);
  });

  it('given THIS_WEEK, then the week runs Sunday to Saturday', () => {
    expect(subjects(org, 'ActivityDate = THIS_WEEK')).toEqual([
      'friday-morning',
      'friday-night-local',
      'last-sunday',
      'late-thursday-local',
    ]);
  });

  it('given LAST_N_DAYS:5 on a date field, then it covers the five days before today and today', () => {
    expect(subjects(org, 'ActivityDate = LAST_N_DAYS:5')).toEqual([
      'friday-morning',
      'last-sunday',
      'late-thursday-local',
    ]);
  });

  it('given N_DAYS_AGO, NEXT_N_DAYS, THIS_MONTH and LAST_MONTH, then each is its calendar range', () => {
    expect(subjects(org, 'ActivityDate = N_DAYS_AGO:1')).toEqual(['late-thursday-local']);
    expect(subjects(org, 'ActivityDate = NEXT_N_DAYS:3')).toEqual(['friday-night-local', 'next-week']);
    expect(subjects(org, 'CreatedDate = LAST_MONTH')).toEqual(['october']);
    expect(subjects(org, 'CreatedDate = THIS_MONTH AND CreatedDate < THIS_WEEK')).toEqual([]);
    expect(subjects(org, 'CreatedDate = THIS_YEAR')).toHaveLength(6);
  });

  it('given a date literal in IN, then any of the ranges matches', () => {
    expect(subjects(org, 'ActivityDate IN (YESTERDAY, LAST_MONTH)')).toEqual(['late-thursday-local', 'october']);
  });

  it('given the same data in a UTC org, then the Friday-night instant is TOMORROW, not TODAY', () => {
    const utc = newOrg('2026-11-20T15:04:05Z', 'UTC');
    withTasks(utc, [{ subject: 'friday-night-local', created: '2026-11-21T03:00:00.000+0000' }]);
    expect(subjects(utc, 'CreatedDate = TODAY')).toEqual([]);
    expect(subjects(utc, 'CreatedDate = TOMORROW')).toEqual(['friday-night-local']);
  });
});
