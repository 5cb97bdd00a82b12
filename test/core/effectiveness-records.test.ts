/**
 * Coaching effectiveness as desired records: per month the commitments were made in, one for the store and one per
 * manager, with the counts, the improved share as a percent, and the breakdowns by diagnosis and by measure.
 */
import type { CoachedFlag } from '../../src/core/effectiveness';
import { effectivenessByMonth, effectivenessRecords } from '../../src/core/effectiveness-records';
import { modelBuilder, ratio, volume } from './builders';

const base = modelBuilder().measures(ratio(), volume()).build();
const model = modelBuilder()
  .measures(ratio(), volume())
  .writeBack({ effectiveness: { ...base.writeBack.effectiveness, enabled: true } })
  .build();

function coached(over: Partial<CoachedFlag>): CoachedFlag {
  return {
    managerId: 'MGR1',
    measure: 'set_rate',
    diagnosis: 'Skill',
    status: 'Improved',
    committedOn: '2026-11-06',
    decidedOn: '2026-11-16',
    ...over,
  };
}

const flags: CoachedFlag[] = [
  coached({}),
  coached({ status: 'Not Improved', measure: 'calls', diagnosis: 'Activity', decidedOn: '2026-11-20' }),
  coached({ managerId: 'MGR2', committedOn: '2026-11-10', decidedOn: '2026-11-14' }),
  coached({ status: 'Committed', committedOn: '2026-12-01', decidedOn: null }),
  coached({ status: 'New', committedOn: '2026-12-02', decidedOn: null }),
];

describe('coaching effectiveness records', () => {
  it('given commitments made in November and December, then one record per month for the store and each manager, flags never committed left out', () => {
    const records = effectivenessRecords(effectivenessByMonth(flags), model);
    expect(records.map((r) => r.key)).toEqual([
      'v1:effectiveness:store:2026-11',
      'v1:effectiveness:MGR1:2026-11',
      'v1:effectiveness:MGR2:2026-11',
      'v1:effectiveness:store:2026-12',
      'v1:effectiveness:MGR1:2026-12',
    ]);
    expect(
      records.every((r) => r.object === 'Coaching_Effectiveness__c' && r.keyField === 'Effectiveness_Key__c'),
    ).toBe(true);
  });

  it('given a manager with one improved and one not, then the counts, a 50% share, the median days and the breakdowns', () => {
    const mgr1 = effectivenessRecords(effectivenessByMonth(flags), model).find(
      (r) => r.key === 'v1:effectiveness:MGR1:2026-11',
    );
    expect(mgr1?.fields).toEqual({
      Scope__c: 'Manager',
      Manager__c: 'MGR1',
      Month__c: '2026-11-01',
      Committed__c: 2,
      Improved__c: 1,
      Not_Improved__c: 1,
      Waiting__c: 0,
      Improved_Share__c: 50,
      Median_Days_To_Improve__c: 10,
      By_Diagnosis__c:
        'Activity: 1 committed, 0 improved, 1 not improved, 0 waiting; 0% improved\nSkill: 1 committed, 1 improved, 0 not improved, 0 waiting; 100% improved in a median 10 days',
      By_Measure__c:
        'Outbound calls: 1 committed, 0 improved, 1 not improved, 0 waiting; 0% improved\nAppointment set rate: 1 committed, 1 improved, 0 not improved, 0 waiting; 100% improved in a median 10 days',
    });
  });

  it('given a month whose commitments all wait, then no share and no median yet; the store record has no manager', () => {
    const store = effectivenessRecords(effectivenessByMonth(flags), model).find(
      (r) => r.key === 'v1:effectiveness:store:2026-12',
    );
    expect(store?.fields).toMatchObject({
      Scope__c: 'Store',
      Manager__c: null,
      Committed__c: 1,
      Waiting__c: 1,
      Improved_Share__c: null,
      Median_Days_To_Improve__c: null,
    });
  });

  it('given effectiveness records turned off, then none', () => {
    expect(effectivenessRecords(effectivenessByMonth(flags), base)).toEqual([]);
  });
});
