import type { SfRecord } from '../../src/core/model';
import { isWellFormedId } from '../../src/sandbox/ids';
import { orgDataOf } from '../../scripts/accuracy/org-data';
import { generated, storeAtThresholds } from './builders';

describe('a generated dealership as rows of the sandbox org', () => {
  const store = generated(3, [storeAtThresholds({ size: 4 })]);
  const data = orgDataOf(store);
  const rows = (object: string) => data.rows.get(object) ?? [];

  it('given generated ids, then each is stored with the checksum an org checks, and reads back as generated', () => {
    const lead = store.records.find((r) => r.object === 'Lead')?.record;
    const stored = rows('Lead').find((row) => String(row.Id).slice(0, 15) === String(lead?.Id).slice(0, 15));
    expect(isWellFormedId(String(stored?.Id))).toBe(true);
    expect(data.ids.generated(`v1:stale_lead:${String(stored?.Id)}:2026-11-20 and ${String(stored?.Id)}.`)).toBe(
      `v1:stale_lead:${String(lead?.Id)}:2026-11-20 and ${String(lead?.Id)}.`,
    );
  });

  it('given stage changes, then one Opportunity per opportunity with its owner and the stage it reached last', () => {
    const history = store.records.filter((r) => r.object === 'OpportunityHistory').map((r) => r.record);
    expect(rows('Opportunity')).toHaveLength(new Set(history.map((h) => h.OpportunityId)).size);
    expect(rows('OpportunityHistory').every((row) => !('Opportunity' in row) && !('attributes' in row))).toBe(true);
    const [first] = rows('Opportunity');
    const own = history.filter((h) => data.ids.org(h.OpportunityId) === first?.Id);
    const last = own.reduce((a, b) => (String(b.CreatedDate) >= String(a.CreatedDate) ? b : a));
    expect(first).toMatchObject({ StageName: last.StageName, OwnerId: (last.Opportunity as SfRecord).OwnerId });
  });

  it('given users and leads with a Name, then the org gets FirstName and LastName that join back into it', () => {
    const user = store.users[0];
    const stored = rows('User')[0];
    expect([stored?.FirstName, stored?.LastName].filter(Boolean).join(' ')).toBe(user?.Name);
    expect(stored && 'Name' in stored).toBe(false);
  });
});
