/**
 * Flags of both scopes as the core writes and reads them: a rep's flag and a team flag (a
 * manager's whole team of one role) have keys of their own forms, written fields of their own,
 * and a record read back is one or the other, never mistaken for the other.
 */
import {
  flagFields,
  flagKey,
  newTeamFlag,
  openFlagFromRecord,
  parseFlagKey,
  teamFlagFields,
  teamFlagKey,
  updatedTeamFlag,
} from '../../src/core/flags';
import type { Finding } from '../../src/core/diagnose';
import { modelBuilder, openTeamFlag, rep, teamFinding, windowOf } from './builders';

const model = modelBuilder().build();
const writeBack = model.writeBack;
const window = windowOf(model);

/** A flag record as the REST API returns it. */
function flagRecord(fields: Record<string, unknown>) {
  return { attributes: { type: 'Coaching_Flag__c' }, Id: 'a00000000000001AAA', Status__c: 'New', ...fields };
}

describe('record keys of both scopes', () => {
  it('given a team of salespeople, when its key is built and parsed back, then measure, role, manager and date come back', () => {
    const key = teamFlagKey('set_rate', 'salesperson', '005MGR', '2026-11-20');
    expect(key).toBe('v1:set_rate:team:salesperson:005MGR:2026-11-20');
    expect(parseFlagKey(key)).toEqual({
      scope: 'Team',
      measure: 'set_rate',
      role: 'salesperson',
      managerId: '005MGR',
      openedOn: '2026-11-20',
    });
  });

  it('given one manager, when the keys of its salespeople and its setters are built, then they differ', () => {
    expect(teamFlagKey('set_rate', 'salesperson', '005MGR', '2026-11-20')).not.toBe(
      teamFlagKey('set_rate', 'setter', '005MGR', '2026-11-20'),
    );
  });

  it('given a rep key, when parsed, then it is a rep flag with the rep and date', () => {
    expect(parseFlagKey(flagKey('set_rate', '005A', '2026-11-20'))).toEqual({
      scope: 'Rep',
      measure: 'set_rate',
      repId: '005A',
      openedOn: '2026-11-20',
    });
  });

  it('given a team key with a role the model does not know, or a key of neither form, then it is not parsed', () => {
    expect(parseFlagKey('v1:set_rate:team:manager:005MGR:2026-11-20')).toBeNull();
    expect(parseFlagKey('v1:set_rate:team:salesperson::2026-11-20')).toBeNull();
    expect(parseFlagKey('v1:set_rate:2026-11-20')).toBeNull();
    expect(parseFlagKey('v2:set_rate:005A:2026-11-20')).toBeNull();
  });
});

describe('reading flags of both scopes back from the org', () => {
  it('given a record without Scope__c (written before teams were flagged), then it is the rep’s flag', () => {
    const flag = openFlagFromRecord(
      flagRecord({ Flag_Key__c: 'v1:set_rate:005A:2026-11-10', Salesperson__c: '005A', Measure__c: 'set_rate' }),
      writeBack,
    );
    expect(flag).toMatchObject({ scope: 'Rep', repId: '005A', measure: 'set_rate', openedOn: '2026-11-10' });
  });

  it('given a team flag record, then an open team flag with its manager and role, and no rep', () => {
    const flag = openFlagFromRecord(
      flagRecord({
        Flag_Key__c: 'v1:set_rate:team:setter:005MGR:2026-11-10',
        Scope__c: 'Team',
        Salesperson__c: null,
        Manager__c: '005MGR',
        Measure__c: 'set_rate',
        Status__c: 'Committed',
        Commitment__c: 'Role-play the first call every morning',
        Follow_Up_Date__c: '2026-11-24',
        Actual__c: 0.3,
      }),
      writeBack,
    );
    expect(flag).toEqual({
      scope: 'Team',
      key: 'v1:set_rate:team:setter:005MGR:2026-11-10',
      managerId: '005MGR',
      role: 'setter',
      measure: 'set_rate',
      status: 'Committed',
      commitment: 'Role-play the first call every morning',
      followUpDate: '2026-11-24',
      committedOn: null,
      openedOn: '2026-11-10',
      actual: 0.3,
      sampleSize: null,
    });
    expect(flag).not.toHaveProperty('repId');
  });

  it('given a team flag whose Salesperson__c someone filled in, then it is still the team’s flag, not that rep’s', () => {
    const flag = openFlagFromRecord(
      flagRecord({
        Flag_Key__c: 'v1:set_rate:team:salesperson:005MGR:2026-11-10',
        Scope__c: 'Team',
        Salesperson__c: '005A',
      }),
      writeBack,
    );
    expect(flag).toMatchObject({ scope: 'Team', managerId: '005MGR' });
    expect(flag).not.toHaveProperty('repId');
  });

  it('given a scope that disagrees with the key’s form, or a scope the product does not write, then it is not a flag of ours', () => {
    const teamKey = 'v1:set_rate:team:salesperson:005MGR:2026-11-10';
    const repKey = 'v1:set_rate:005A:2026-11-10';
    expect(openFlagFromRecord(flagRecord({ Flag_Key__c: teamKey }), writeBack)).toBeNull();
    expect(openFlagFromRecord(flagRecord({ Flag_Key__c: teamKey, Scope__c: 'Rep' }), writeBack)).toBeNull();
    expect(openFlagFromRecord(flagRecord({ Flag_Key__c: repKey, Scope__c: 'Team' }), writeBack)).toBeNull();
    expect(openFlagFromRecord(flagRecord({ Flag_Key__c: repKey, Scope__c: 'Store' }), writeBack)).toBeNull();
  });
});

describe('the fields written for each scope', () => {
  it('given a team finding, then Scope Team, no rep, its manager, the team’s value as both Actual and Team Value, and never a focus', () => {
    const fields = teamFlagFields(teamFinding({ actual: 0.312345678, lostUnits: 2.456 }), window, writeBack);
    expect(fields).toEqual({
      Scope__c: 'Team',
      Salesperson__c: null,
      Manager__c: 'MGR1',
      Measure__c: 'set_rate',
      Step__c: 'appointment_set',
      Diagnosis__c: 'Skill',
      Severity__c: 'High',
      Actual__c: 0.3123,
      Target__c: 0.6,
      Team_Value__c: 0.3123,
      Sample_Size__c: 240,
      Lost_Units__c: 2.46,
      Period_Start__c: '2026-10-28',
      Period_End__c: '2026-11-24',
      Summary__c: 'The whole team sets 30% of contacts against 60%',
      Evidence__c: '6 salespeople, 72 appointments of 240 contacts',
      Is_Focus__c: false,
    });
  });

  it('given a team finding with a summary past 255 characters, then the summary is cut to fit Text(255)', () => {
    const fields = teamFlagFields(teamFinding({ summary: 'x'.repeat(400) }), window, writeBack);
    expect(String(fields.Summary__c).length).toBeLessThanOrEqual(255);
  });

  it('given a team finding and no open flag, then a new flag under the team key, created New', () => {
    const record = newTeamFlag(teamFinding({ role: 'setter' }), window, writeBack, '2026-11-25');
    expect(record).toMatchObject({
      kind: 'flag',
      object: 'Coaching_Flag__c',
      keyField: 'Flag_Key__c',
      key: 'v1:set_rate:team:setter:MGR1:2026-11-25',
      createOnly: { Status__c: 'New' },
    });
    expect(record.fields).toEqual(teamFlagFields(teamFinding({ role: 'setter' }), window, writeBack));
  });

  it('given an open team flag, then the update keeps its key and sends no status', () => {
    const open = openTeamFlag({ measure: 'set_rate', managerId: 'MGR1', openedOn: '2026-11-18', status: 'Committed' });
    const record = updatedTeamFlag(open, teamFinding(), window, writeBack);
    expect([record.key, record.createOnly]).toEqual([open.key, {}]);
    expect(record.fields).not.toHaveProperty('Status__c');
  });

  it('given a rep’s finding, then its flag says Scope Rep and names the rep', () => {
    const finding: Finding = {
      repId: 'A',
      measure: 'set_rate',
      kind: 'ratio',
      diagnosis: 'Skill',
      step: 'appointment_set',
      actual: 0.1,
      target: 0.6,
      teamValue: 0.35,
      sampleSize: 40,
      symptoms: [],
      lostUnits: 1.2,
      severity: 'Medium',
      isFocus: true,
      summary: 'Sets 10% of contacts',
      evidence: '4 of 40',
    };
    expect(flagFields(finding, rep('A'), window, writeBack)).toMatchObject({
      Scope__c: 'Rep',
      Salesperson__c: 'A',
      Manager__c: 'MGR1',
      Team_Value__c: 0.35,
      Is_Focus__c: true,
    });
  });
});
