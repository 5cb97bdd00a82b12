/**
 * The "1% of records changed" step of `npm run bench`, run inside the sandbox's process through
 * the org's own record writer (the path API updates take: system fields stamped from the org's
 * clock, OpportunityHistory written by the org when a stage changes).
 *
 * What changes, per object the connector reads:
 * - Task, Event, Lead: `share` of the rows get an edited Description. The connector does not
 *   select that field, so their step events stay the same: a correct sync reads them again and
 *   rewrites nothing because of them.
 * - OpportunityHistory: rows cannot be edited (the org writes them), so as many open
 *   Opportunities as `share` of the history rows move one stage on, which adds that many
 *   history rows and does change the measures (demos, write-ups, sales).
 * Users and the product's own records (coaching flags, tasks it keyed) are left alone.
 *
 * The edits are spread evenly over [from, to) on the org's clock, in `batches` steps, the way a
 * dealership's changes arrive during the hour between two scheduled runs.
 */
import type { RunningSandbox } from '../src/sandbox/server';

export interface ChangePlan {
  /** Share of each object's rows to change (0.01 = 1%). */
  share: number;
  /** Org clock (epoch ms) of the first and after the last change. */
  from: number;
  to: number;
  batches: number;
}

/** Rows changed per object the connector reads (OpportunityHistory: rows added). */
export type ChangeCounts = Record<string, number>;

interface Change {
  object: string;
  id: string;
  fields: Record<string, string>;
  /** The user the org records as having made the change (the record's owner). */
  by: string;
}

const EDITED_OBJECTS = ['Task', 'Event', 'Lead'] as const;
const EDIT = { Description: 'Edited during the benchmark (a field the connector does not read)' };
/** Where an open deal goes next; closed stages are not in the list. */
const NEXT_STAGE: Readonly<Record<string, string>> = {
  'Needs Analysis': 'Demo',
  Demo: 'Write-Up',
  'Write-Up': 'Negotiation',
  Negotiation: 'Closed Won',
};
/** The product's own tasks carry this key; they are not a dealership's activity. */
const PRODUCT_KEY_FIELD = 'Coaching_Key__c';

export function changeRecords(sandbox: RunningSandbox, plan: ChangePlan): ChangeCounts {
  const changes = [
    ...EDITED_OBJECTS.flatMap((object) => edits(sandbox, object, plan.share)),
    ...stageMoves(sandbox, plan.share),
  ];
  const counts: ChangeCounts = {};
  for (let batch = 0; batch < Math.min(plan.batches, changes.length); batch += 1) {
    sandbox.clock.set(plan.from + Math.floor((batch * (plan.to - plan.from)) / plan.batches));
    // Interleaved (every batches-th change) so that each batch touches every object.
    for (let index = batch; index < changes.length; index += plan.batches) {
      const change = changes[index] as Change;
      sandbox.org.writer.update(change.object, change.id, change.fields, change.by);
      const counted = change.object === 'Opportunity' ? 'OpportunityHistory' : change.object;
      counts[counted] = (counts[counted] ?? 0) + 1;
    }
  }
  return counts;
}

function edits(sandbox: RunningSandbox, object: string, share: number): Change[] {
  const table = sandbox.store.table(object);
  const eligible = [...table.values()].filter(
    (row) => row.IsDeleted !== true && row.IsConverted !== true && row[PRODUCT_KEY_FIELD] == null,
  );
  return spreadPick(eligible, Math.round(share * table.size)).map((row) => ({
    object,
    id: String(row.Id),
    fields: EDIT,
    by: ownerOf(sandbox, row),
  }));
}

function stageMoves(sandbox: RunningSandbox, share: number): Change[] {
  const wanted = Math.round(share * sandbox.store.table('OpportunityHistory').size);
  const open = [...sandbox.store.table('Opportunity').values()].filter(
    (row) => typeof row.StageName === 'string' && row.StageName in NEXT_STAGE,
  );
  return spreadPick(open, wanted).map((row) => ({
    object: 'Opportunity',
    id: String(row.Id),
    fields: { StageName: NEXT_STAGE[String(row.StageName)] as string },
    by: ownerOf(sandbox, row),
  }));
}

/** `count` rows spread evenly over `rows` (deterministic: rows come in id order). */
function spreadPick<T>(rows: readonly T[], count: number): T[] {
  const picked: T[] = [];
  const n = Math.min(count, rows.length);
  for (let i = 0; i < n; i += 1) picked.push(rows[Math.floor((i * rows.length) / n)] as T);
  return picked;
}

function ownerOf(sandbox: RunningSandbox, row: Record<string, unknown>): string {
  return typeof row.OwnerId === 'string' && row.OwnerId.startsWith('005') ? row.OwnerId : sandbox.org.integrationUserId;
}
