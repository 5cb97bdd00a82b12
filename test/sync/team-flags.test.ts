/**
 * Team flags through the sync: read back from the org with every other flag, stored in the
 * state with their scope, and handed to the core as a manager's team flag, never as a rep's.
 */
import { compileMapper } from '../../src/core';
import { openStateStore } from '../../src/state/state-store';
import { computeFromState } from '../../src/sync/compute-phase';
import { Clock, flags, givenAnOrgWithStaleLeads, HOUR, MANAGER, MODEL, NOW, REP, run } from './story';

const TEAM_KEY = `v1:stale_leads:team:salesperson:${MANAGER}:2026-11-19`;

describe('team flags read back by the sync', () => {
  it('given a team flag in the org next to a rep’s flags, when a run reads the flags back, then it reaches the core as the manager’s team flag, the rep’s flags are kept as before, and the team lifecycle resolves it', async () => {
    const clock = new Clock(NOW);
    const { org } = givenAnOrgWithStaleLeads(clock);
    const state = openStateStore(':memory:');
    await run(org, state, clock, 'r1');
    const repFlags = flags(org).map((flag) => String(flag.Flag_Key__c));
    expect(flags(org).map((flag) => flag.Scope__c)).toEqual(repFlags.map(() => 'Rep'));
    org.insert('Coaching_Flag__c', {
      Flag_Key__c: TEAM_KEY,
      Scope__c: 'Team',
      Salesperson__c: null,
      Manager__c: MANAGER,
      Measure__c: 'stale_leads',
      Status__c: 'New',
      Actual__c: 4.5,
    });

    clock.at += HOUR;
    await run(org, state, clock, 'r2');
    const computed = computeFromState({ model: MODEL, mapper: compileMapper(MODEL), state, now: clock.now() });

    expect(computed.openFlags.filter((flag) => flag.scope === 'Team')).toEqual([
      expect.objectContaining({ key: TEAM_KEY, managerId: MANAGER, role: 'salesperson', actual: 4.5 }),
    ]);
    expect(
      computed.openFlags
        .filter((flag) => flag.scope === 'Rep')
        .map((flag) => flag.key)
        .sort(),
    ).toEqual([...repFlags].sort());
    expect(computed.openFlags.filter((flag) => flag.scope === 'Rep' && flag.repId !== REP)).toEqual([]);
    // One rep's stale leads are no team's gap: the team lifecycle resolved it, as the team's flag.
    expect(flags(org).find((flag) => flag.Flag_Key__c === TEAM_KEY)).toMatchObject({
      Scope__c: 'Team',
      Salesperson__c: null,
      Status__c: 'Resolved',
    });
  });
});
