import type { CoachingResult } from '../../src/core/coach';
import { event, events, local, modelBuilder, openTeamFlag, ratio, rep, run } from './builders';

const day = (d: number, time = '10:00'): number => local(`2026-11-${String(d).padStart(2, '0')}`, time);
const model = modelBuilder().measures(ratio()).build();

/** `contacts` contacts on distinct customers, the first `sets` of them followed by an appointment. */
function contactsAndSets(repId: string, contacts: number, sets: number) {
  return [
    ...events('contact', repId, contacts, day(2), (i) => `${repId}-C${i}`),
    ...Array.from({ length: sets }, (_, i) => event('appointment_set', repId, `${repId}-C${i}`, day(20) + i * 60_000)),
  ];
}

const team = ['A', 'B', 'C', 'D', 'E'].map((id) => rep(id, { managerId: 'MGR1' }));
/** Everyone sets 25% of 60 contacts against a 60% target: the whole team's gap. */
const teamWide = team.flatMap((r) => contactsAndSets(r.id, 60, 15));
const teamKey = 'v1:set_rate:team:salesperson:MGR1:2026-11-25';
const flagsOf = (coaching: CoachingResult) => coaching.desired.filter((d) => d.kind === 'flag');

describe('a gap the whole team shares', () => {
  it('given every rep setting 25% against 60%, when the cycle runs, then one team flag for the manager and no rep flag', () => {
    const coaching = run(model, { reps: team, events: teamWide });
    expect(coaching.teamFindings).toEqual([
      expect.objectContaining({ managerId: 'MGR1', role: 'salesperson', measure: 'set_rate', members: 5 }),
    ]);
    expect(flagsOf(coaching).map((f) => [f.key, f.fields.Scope__c, f.fields.Salesperson__c])).toEqual([
      [teamKey, 'Team', null],
    ]);
    expect(coaching.teamFindings[0]?.summary).toMatch(/^The whole team \(5 salespeople\): .*25% against 60%/);
  });

  it('given the whole team below target and one rep far below the rest, then the team flag and that rep’s own flag', () => {
    const events = [...contactsAndSets('A', 60, 1), ...team.slice(1).flatMap((r) => contactsAndSets(r.id, 60, 15))];
    const coaching = run(model, { reps: team, events });
    expect(flagsOf(coaching).map((f) => f.key)).toEqual(['v1:set_rate:A:2026-11-25', teamKey]);
    // The rep left out of the pool is the outlier: the team finding speaks for the other four.
    expect(coaching.teamFindings[0]?.members).toBe(4);
  });

  it('given a team at target, then no team finding', () => {
    const coaching = run(model, { reps: team, events: team.flatMap((r) => contactsAndSets(r.id, 60, 40)) });
    expect(coaching.teamFindings).toEqual([]);
  });

  it('given a team finding and a weak rep of that manager, then the rep’s agenda opens with the team', () => {
    const events = [...contactsAndSets('A', 60, 1), ...team.slice(1).flatMap((r) => contactsAndSets(r.id, 60, 15))];
    const agenda = run(model, { reps: team, events }).desired.find((d) => d.kind === 'agenda');
    const text = String(agenda?.createOnly.Description ?? '');
    expect(text.split('\n').slice(0, 2)).toEqual([
      'The whole team first (not this rep alone)',
      expect.stringMatching(/^- Team: The whole team \(4 salespeople\)/),
    ]);
  });

  it('given an open team flag and the gap persisting, then it is updated in place; gone, it is resolved', () => {
    const open = openTeamFlag({ measure: 'set_rate', managerId: 'MGR1', openedOn: '2026-11-18', status: 'New' });
    const persisting = flagsOf(run(model, { reps: team, events: teamWide, openFlags: [open] }));
    expect(persisting.map((f) => [f.key, f.createOnly, f.fields.Scope__c])).toEqual([[open.key, {}, 'Team']]);
    const fixed = team.flatMap((r) => contactsAndSets(r.id, 60, 40));
    const resolved = flagsOf(run(model, { reps: team, events: fixed, openFlags: [open] }));
    expect(resolved.map((f) => [f.key, f.fields])).toEqual([[open.key, { Status__c: 'Resolved' }]]);
  });

  it('given a committed team flag whose follow-up date has come, then it is checked on the team’s pooled rate since', () => {
    const open = openTeamFlag({
      measure: 'set_rate',
      managerId: 'MGR1',
      openedOn: '2026-11-03',
      status: 'Committed',
      commitment: 'Role-play the appointment ask every morning',
      followUpDate: '2026-11-24',
      actual: 0.25,
    });
    const improved = team.flatMap((r) => contactsAndSets(r.id, 60, 40));
    const coaching = run(model, { reps: team, events: improved, openFlags: [open] });
    expect(coaching.checks).toEqual([expect.objectContaining({ flagKey: open.key, repId: null, status: 'Improved' })]);
    expect(flagsOf(coaching).find((f) => f.key === open.key)?.fields).toMatchObject({ Status__c: 'Improved' });
  });
});
