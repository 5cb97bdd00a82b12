/**
 * A generated dealership as rows the sandbox org loads as history: what an org that had lived
 * through the generated weeks would hold. Three things separate the generated records (REST
 * query results) from stored rows:
 * - relationship values: OpportunityHistory carries `Opportunity: { OwnerId }` as a query
 *   returns it; an org holds Opportunity rows, so one is made per opportunity (owner, and the
 *   last stage it reached) and the nested value is dropped;
 * - names: an org derives Name from FirstName and LastName, so users and leads are given both;
 * - ids: a record id's last three characters are a checksum of the first fifteen, which an org
 *   (and the sandbox) checks on every write that refers to a record. Every generated id is
 *   given its checksum; `OrgIds` translates back, so what is read from the org is compared in
 *   the generated ids the truth and the core pass use.
 */
import type { SfRecord } from '../../src/core/model';
import { to18 } from '../../src/sandbox/ids';
import type { LoadInput } from '../../src/sandbox/store/load-records';
import type { GeneratedDealership } from './dealership';

export type OrgRows = Map<string, LoadInput[]>;

/** An 18-character id standing alone (a whole value, a part of a key, a word of a text). */
const ID_TOKEN = /\b[a-zA-Z0-9]{18}\b/g;

/** Generated ids and their org spelling (the same fifteen characters, the checksum added). */
export class OrgIds {
  private readonly toOrg = new Map<string, string>();
  private readonly toGenerated = new Map<string, string>();

  add(id: string): string {
    const org = to18(id.slice(0, 15));
    this.toOrg.set(id, org);
    this.toGenerated.set(org, id);
    return org;
  }

  /** A value to store: a generated id in its org spelling, anything else as it is. */
  org(value: unknown): unknown {
    return typeof value === 'string' ? (this.toOrg.get(value) ?? value) : value;
  }

  /** A value read from the org with every id in it (a reference, a record key, a text) in its generated spelling. */
  generated(value: unknown): unknown {
    return typeof value === 'string' ? value.replace(ID_TOKEN, (id) => this.toGenerated.get(id) ?? id) : value;
  }

  /** A record read from the org with every value in the generated spelling. */
  record(record: SfRecord): SfRecord {
    return Object.fromEntries(Object.entries(record).map(([field, value]) => [field, this.generated(value)]));
  }
}

export interface OrgData {
  rows: OrgRows;
  ids: OrgIds;
  /** Rows loaded, all objects together. */
  count: number;
}

/** Objects in load order: people first, then what refers to them. */
const LOAD_ORDER = ['User', 'Lead', 'Opportunity', 'OpportunityHistory', 'Task', 'Event'];

export function orgDataOf(dealership: GeneratedDealership): OrgData {
  const ids = new OrgIds();
  for (const user of dealership.users) ids.add(String(user.Id));
  for (const { object, record } of dealership.records) {
    ids.add(String(record.Id));
    if (object === 'OpportunityHistory') ids.add(String(record.OpportunityId));
  }
  const rows: OrgRows = new Map(LOAD_ORDER.map((object) => [object, []]));
  const push = (object: string, row: LoadInput): void => void rows.get(object)?.push(row);

  for (const user of dealership.users) push('User', withNames(storedRow(user, ids)));
  const opportunities = new Map<string, { ownerId: string; stage: string; first: string; last: string }>();
  for (const { object, record } of dealership.records) {
    const row = storedRow(record, ids);
    if (object === 'Lead') push('Lead', withNames(row));
    else push(object, row);
    if (object === 'OpportunityHistory') noteStage(opportunities, record, ids);
  }
  for (const [id, o] of opportunities) {
    push('Opportunity', {
      Id: id,
      Name: `Opportunity ${id.slice(-12, -3)}`,
      OwnerId: o.ownerId,
      StageName: o.stage,
      CloseDate: o.last.slice(0, 10),
      CreatedDate: o.first,
      SystemModstamp: o.last,
    });
  }
  let count = 0;
  for (const list of rows.values()) count += list.length;
  return { rows, ids, count };
}

/** Scalar fields as the org stores them; the REST `attributes` header and nested parents dropped. */
function storedRow(record: SfRecord, ids: OrgIds): LoadInput {
  const row: LoadInput = {};
  for (const [field, value] of Object.entries(record)) {
    if (value !== null && typeof value === 'object') continue;
    row[field] = ids.org(value) as LoadInput[string];
  }
  return row;
}

/** FirstName and LastName that the org joins back into exactly the generated Name. */
function withNames(row: LoadInput): LoadInput {
  const { Name: name, ...rest } = row;
  if (typeof name !== 'string') return rest;
  const words = name.split(' ');
  const lastName = words.pop() ?? '';
  const firstName = words.join(' ');
  if ([firstName, lastName].filter((part) => part !== '').join(' ') !== name)
    throw new Error(`The org cannot hold the name '${name}' as FirstName and LastName.`);
  return { ...rest, FirstName: firstName || null, LastName: lastName };
}

/** The opportunity a stage change belongs to: its owner, and the stage it reached last. */
function noteStage(
  opportunities: Map<string, { ownerId: string; stage: string; first: string; last: string }>,
  record: SfRecord,
  ids: OrgIds,
): void {
  const id = String(ids.org(record.OpportunityId));
  const parent = record.Opportunity as SfRecord | undefined;
  const at = String(record.CreatedDate);
  const known = opportunities.get(id);
  const ownerId = String(ids.org(parent?.OwnerId));
  if (!known) opportunities.set(id, { ownerId, stage: String(record.StageName), first: at, last: at });
  else {
    if (at < known.first) known.first = at;
    if (at >= known.last) Object.assign(known, { last: at, stage: String(record.StageName) });
  }
}
