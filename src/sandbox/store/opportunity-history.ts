import type { StoredRecord } from '../schema/types';
import type { Store } from './store';

/**
 * A real org writes an OpportunityHistory row when an opportunity is created and whenever its
 * StageName, Amount, Probability or CloseDate changes; the connector reads stage timing from
 * these rows (ARCHITECTURE.md §5.1), so API writes must produce them too.
 */

const TRACKED = ['StageName', 'Amount', 'Probability', 'CloseDate'] as const;

export function recordOpportunityHistory(
  store: Store,
  objectName: string,
  record: StoredRecord,
  previous: StoredRecord | undefined,
  now: string,
): void {
  if (objectName !== 'Opportunity') return;
  if (previous && TRACKED.every((f) => previous[f] === record[f])) return;
  const history = store.table('OpportunityHistory');
  store.put('OpportunityHistory', {
    ...history.template,
    Id: store.newId('OpportunityHistory'),
    OpportunityId: record.Id ?? null,
    StageName: record.StageName ?? null,
    Amount: record.Amount ?? null,
    ExpectedRevenue: record.ExpectedRevenue ?? null,
    CloseDate: record.CloseDate ?? null,
    Probability: record.Probability ?? null,
    ForecastCategory: record.ForecastCategoryName ?? null,
    PrevAmount: previous?.Amount ?? null,
    PrevCloseDate: previous?.CloseDate ?? null,
    IsDeleted: false,
    CreatedDate: now,
    CreatedById: record.LastModifiedById ?? null,
    SystemModstamp: now,
  });
}
