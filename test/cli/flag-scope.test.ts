/**
 * What the CLI says of team flags: `report` counts the open flags about whole teams, and a
 * preview names the manager's team where a rep's flag names the rep.
 */
import { tallyFlags } from '../../src/cli/commands/report';
import { renderRun } from '../../src/cli/render-run';
import { newMapStats } from '../../src/core';
import { newTeamFlag } from '../../src/core/flags';
import type { RunReport } from '../../src/sync/run-cycle';
import { modelBuilder, rep, teamFinding, windowOf } from '../core/builders';
import { aRecord, checkpointAt, memoryStore, T0 } from '../state/builders';

const model = modelBuilder().build();
const writeBack = model.writeBack;

function flagFact(id: string, record: Record<string, unknown>) {
  return aRecord(id, { events: [], facts: [{ kind: 'flag', record, committedOn: null }] });
}

describe('report: the tally of flags in the org', () => {
  it('given a rep flag written before scopes, an open team flag and a resolved one, then two open of which one on a whole team', () => {
    const state = memoryStore();
    state.applyPage(
      writeBack.flagObject,
      [
        flagFact('a01', { Flag_Key__c: 'v1:set_rate:005A:2026-11-10', Status__c: 'New' }),
        flagFact('a02', {
          Flag_Key__c: 'v1:set_rate:team:salesperson:005M:2026-11-10',
          Scope__c: 'Team',
          Status__c: 'Committed',
        }),
        flagFact('a03', {
          Flag_Key__c: 'v1:show_rate:team:salesperson:005M:2026-11-01',
          Scope__c: 'Team',
          Status__c: 'Resolved',
        }),
      ],
      [],
      checkpointAt(T0, 'a03'),
    );

    expect(tallyFlags(state, writeBack)).toEqual({
      open: 2,
      openOnTeams: 1,
      committed: 1,
      improved: 0,
      notImproved: 0,
      resolved: 1,
    });
  });
});

describe('sync preview: what a planned team flag says', () => {
  it('given a planned team flag, then the line names the manager’s team, not a rep', () => {
    const record = newTeamFlag(teamFinding({ managerId: 'M1' }), windowOf(model), writeBack, '2026-11-25');
    const report: RunReport = {
      runId: 'r1',
      result: 'ok',
      runEnd: T0,
      reads: [],
      mapStats: newMapStats(),
      coaching: null,
      reps: [rep('M1', { name: 'Maria Lopez' }), rep('A')],
      plan: { creates: [{ record, hash: 'h', payload: {} }], updates: [], skips: [] },
      writes: null,
      apiCalls: { read: 0, write: 0, total: 0 },
      errors: [],
      userNames: new Map(),
      unchangedSince: null,
    };

    const text = renderRun(report, 'preview', writeBack);

    expect(text).toContain(
      `create Coaching_Flag__c v1:set_rate:team:salesperson:M1:2026-11-25  team of Maria Lopez — ${teamFinding().summary}`,
    );
  });
});
