/**
 * Changes a real dealership makes mid-period that look like bad data to a naive connector but are not:
 * a salesperson moved to another manager, an opportunity handed to a colleague mid-funnel. Applied to a
 * seeded demo org as history (`Store.load`), as the bad records are (bad-records.ts); the connector must
 * credit both as its mapping says, not refuse them.
 */
import type { SandboxOrg } from '../org';
import type { SeedSummary } from '../seed';
import { formatDateTime } from '../time/datetime';
import { update } from './bad-records';

export interface RealLifeChanges {
  /** The salesperson moved, from and to which manager. */
  moved: { rep: string; from: string; to: string };
  /** The opportunity reassigned, its stage when handed over, from and to whom. */
  reassigned: { opportunity: string; stage: string; from: string; to: string };
}

const DAY_MS = 86_400_000;

export function addRealLifeChanges(org: SandboxOrg, seeded: SeedSummary): RealLifeChanges {
  const store = org.store;
  const daysAgo = (days: number): string => formatDateTime(seeded.options.now - days * DAY_MS);
  const ordinary = seeded.profiles.filter((p) => p.profile === 'ordinary').map((p) => p.userId);
  const [rep, from, to] = [seeded.profiles.find((p) => p.profile === 'strong')?.userId, ...ordinary];
  if (rep === undefined || from === undefined || to === undefined)
    throw new Error('the seed needs a strong and two ordinary salespeople');
  const users = [...store.table('User').values()].sort((a, b) => (String(a.Id) < String(b.Id) ? -1 : 1));
  const fromManager = String(store.get('User', rep)?.ManagerId);
  const toManager = users.find((u) => u.Title === 'Sales Manager' && u.Id !== fromManager)?.Id;
  if (typeof toManager !== 'string') throw new Error('the seed needs a second sales manager');

  // Moved to the other store's manager last week; their store and their activity stay theirs.
  update(store, 'User', rep, { ManagerId: toManager, LastModifiedDate: daysAgo(7), SystemModstamp: daysAgo(7) });

  // Handed over three days ago, past its first stage and still open.
  const handed = [...store.table('Opportunity').values()]
    .sort((a, b) => (String(a.Id) < String(b.Id) ? -1 : 1))
    .find((o) => o.OwnerId === from && o.IsClosed === false && (o.StageName === 'Demo' || o.StageName === 'Write-Up'));
  if (!handed) throw new Error('the salesperson to reassign from has no open opportunity past its first stage');
  update(store, 'Opportunity', String(handed.Id), {
    OwnerId: to,
    LastModifiedDate: daysAgo(3),
    SystemModstamp: daysAgo(3),
  });
  return {
    moved: { rep, from: fromManager, to: toManager },
    reassigned: { opportunity: String(handed.Id), stage: String(handed.StageName), from, to },
  };
}
