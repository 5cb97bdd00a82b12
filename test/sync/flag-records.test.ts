/**
 * The flag facts the sync keeps from version to version of a flag record: when the commitment was made, when it
 * was checked, and what the check decided, which coaching effectiveness counts even after the flag moves on.
 */
import { DealershipCalendar } from '../../src/core';
import { coachedFlagsFrom, flagFact } from '../../src/sync/flag-records';
import type { FlagFact } from '../../src/sync/sync-facts';
import { modelBuilder } from '../core/builders';

const model = modelBuilder().build();
const calendar = new DealershipCalendar(model.dealership);
const KEY = 'v1:outbound_calls:005A:2026-11-20';

/** The flag as read after an edit at noon (Chicago) on `date`. */
function version(status: string, date: string, previous?: FlagFact): FlagFact {
  const record = {
    Id: 'a00000000000001',
    Flag_Key__c: KEY,
    Measure__c: 'outbound_calls',
    Salesperson__c: '005A',
    Manager__c: '005M',
    Diagnosis__c: 'Activity',
    Status__c: status,
    LastModifiedDate: `${date}T18:00:00.000+0000`,
  };
  return flagFact(record, previous, model, calendar);
}

describe('a flag’s versions as the sync reads them', () => {
  it('given Committed, then Not Improved, then Resolved when the weakness went, then effectiveness still counts it Not Improved', () => {
    const committed = version('Committed', '2026-11-20');
    const checked = version('Not Improved', '2026-12-02', committed);
    const resolved = version('Resolved', '2026-12-14', checked);
    expect(resolved).toMatchObject({ committedOn: '2026-11-20', decidedOn: '2026-12-02', decided: 'Not Improved' });
    expect(coachedFlagsFrom([resolved], model.writeBack)).toEqual([
      expect.objectContaining({ status: 'Not Improved', committedOn: '2026-11-20', decidedOn: '2026-12-02' }),
    ]);
  });

  it('given a flag Resolved without ever being committed, then it is counted as Resolved: no coaching to credit', () => {
    const resolved = version('Resolved', '2026-11-22', version('New', '2026-11-20'));
    expect(resolved.decided).toBeNull();
    expect(coachedFlagsFrom([resolved], model.writeBack)).toEqual([expect.objectContaining({ status: 'Resolved' })]);
  });
});
