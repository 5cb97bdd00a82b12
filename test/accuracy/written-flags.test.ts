import type { SfRecord } from '../../src/core/model';
import { writtenResult } from '../../scripts/accuracy/written-flags';
import { referenceModel } from './builders';
import { desiredFlag, inOrg, LEAD, REP } from './written-builders';

const model = referenceModel();

describe('reading written records as the scorer reads a core result', () => {
  it('given flags of two reps and one of nobody, then each rep gets their flags’ findings, the focus first', () => {
    const second = '005000000000004AAA';
    const flags = [
      inOrg(desiredFlag({ Is_Focus__c: false, Lost_Units__c: 0.4 })),
      inOrg(desiredFlag({ Measure__c: 'demo_before_sale', Diagnosis__c: 'Knowledge', Step__c: 'demo' })),
      inOrg(desiredFlag({ Salesperson__c: second, Measure__c: 'stale_leads', Diagnosis__c: 'Activity' })),
      inOrg(desiredFlag(), { Salesperson__c: null }),
    ];
    const { diagnoses } = writtenResult(model, { flags, tasks: [], scorecards: [], effectiveness: [] });
    const read = diagnoses.map((d) => [d.repId, d.flagged.map((f) => `${f.measure} ${f.kind} ${f.diagnosis}`)]);
    expect(read).toEqual([
      [REP, ['demo_before_sale sequence Knowledge', 'close_rate ratio Skill']],
      [second, ['stale_leads staleLead Activity']],
    ]);
    expect(diagnoses[0]?.flagged[1]).toMatchObject({ sampleSize: 41, lostUnits: 0.4, isFocus: false, step: 'sold' });
  });

  it('given tasks of each rule and of an unknown one, then the known ones are desired records of their kind', () => {
    const keyed = (key: string): SfRecord => ({
      Coaching_Key__c: key,
      OwnerId: REP,
      WhoId: LEAD,
      Status: 'Not Started',
    });
    const tasks = [
      keyed(`v1:stale_lead:${LEAD}:2026-11-20`),
      keyed(`v1:agenda:${REP}:2026-11-16`),
      keyed(`v1:coaching_outcome:x:2026-11-20`),
      keyed('v1:unknown_rule:x'),
    ];
    const { desired } = writtenResult(model, { flags: [], tasks, scorecards: [], effectiveness: [] });
    expect(desired.map((r) => r.kind)).toEqual(['staleLeadTask', 'agenda', 'commitmentCheckTask']);
    expect(desired[0]?.createOnly.WhoId).toBe(LEAD);
  });
});
