/** Builders of desired records and their copies in the org, for the end-to-end pass's tests. */
import type { DesiredRecord } from '../../src/core/desired';
import type { SfRecord } from '../../src/core/model';

export const REP = '005000000000003AAA';
export const LEAD = '00Q000000000001EAA';

export function desiredFlag(over: Record<string, string | number | boolean> = {}): DesiredRecord {
  return {
    kind: 'flag',
    object: 'Coaching_Flag__c',
    keyField: 'Flag_Key__c',
    key: `v1:close_rate:${REP}:2026-11-20`,
    createOnly: { Status__c: 'New' },
    fields: {
      Salesperson__c: REP,
      Measure__c: 'close_rate',
      Step__c: 'sold',
      Diagnosis__c: 'Skill',
      Sample_Size__c: 41,
      Lost_Units__c: 1.2,
      Is_Focus__c: true,
      ...over,
    },
  };
}

/** The org's copy of a desired record: its fields, its key, and what the org adds. */
export function inOrg(record: DesiredRecord, over: SfRecord = {}): SfRecord {
  return { Id: 'a00SB0000000001AAA', [record.keyField]: record.key, ...record.createOnly, ...record.fields, ...over };
}

export function staleTask(leadId: string): DesiredRecord {
  return {
    kind: 'staleLeadTask',
    object: 'Task',
    keyField: 'Coaching_Key__c',
    key: `v1:stale_lead:${leadId}:2026-11-20`,
    createOnly: { OwnerId: REP, Status: 'Not Started', WhoId: leadId },
    fields: { Type: 'Follow-Up' },
  };
}
