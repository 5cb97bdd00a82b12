/**
 * Bad data from the CRM, on top of the seeded demo dealership: a handful of records of each kind a real
 * org holds and a connector must survive. Rows are loaded as history (`Store.load`), past the write
 * validation, because that is how a real org comes to hold them: an import, an integration that ran
 * before a validation rule, a row written before Salesforce refused it. The API would refuse several
 * of them today (an Event that ends before it starts: FIELD_INTEGRITY_EXCEPTION; no owner; a
 * 100 KB name), so they cannot be created through it. Which of the connector's counters each kind
 * must reach is the caller's business (test/e2e/bad-crm-data.test.ts); here each kind lists its Ids.
 *
 * The same seed and `now` give the same rows: the dataset picks its people and records from the
 * seeded store in Id order and makes ids from the store's counter.
 */
import { makeId } from '../ids';
import type { SandboxOrg } from '../org';
import type { StoredRecord } from '../schema/types';
import type { SeedSummary } from '../seed';
import { formatDateTime } from '../time/datetime';
import type { DemoRecord } from './types';

export const BAD_DATA_KINDS = [
  'ownerNull',
  'ownerQueue',
  'ownerUnknown',
  'ownerInactive',
  'unknownPicklist',
  'dateFuture',
  'datePast',
  'eventEndsBeforeStart',
  'hugeText',
  'whoDeletedLead',
  'nullRelationship',
  'repeatedAcrossPages',
] as const;
export type BadDataKind = (typeof BAD_DATA_KINDS)[number];

export interface BadDataset {
  /** Per kind, the Ids of the records added or changed (none for `repeatedAcrossPages`: a fault, no record). */
  kinds: Record<BadDataKind, string[]>;
  /** The people the dataset leans on, for assertions. */
  people: {
    /** The salesperson whose leads the refused activity is about, as if it had touched them. */
    target: string;
    /** Those leads: their oldest open ones, idle, so that a credited touch would stop their follow-up. */
    targetLeads: string[];
    inactive: string;
  };
  /** The value no step accepts, on Task.Type. */
  unknownType: string;
  /** Characters of each huge text. */
  hugeLength: number;
}

const DAY_MS = 86_400_000;
const HUGE_LENGTH = 100_000;
const UNKNOWN_TYPE = 'Carrier Pigeon';
const PER_KIND = 3;

/**
 * Adds the bad records to an org seeded with the demo dealership (`seeded`). The same Id on two query
 * pages is no record but the org's paging: the `repeatRowAcrossPages` fault (`--fault repeat-rows`).
 */
export function addBadRecords(org: SandboxOrg, seeded: SeedSummary): BadDataset {
  const store = org.store;
  const now = seeded.options.now;
  const at = (daysAgo: number, hour = 16): string => {
    const day = Math.floor(now / DAY_MS) - daysAgo;
    return formatDateTime(day * DAY_MS + hour * 3_600_000);
  };
  const rows = (object: string): StoredRecord[] =>
    [...store.table(object).values()].sort((a, b) => (String(a.Id) < String(b.Id) ? -1 : 1));
  const profile = (name: string, index = 0): string => {
    const found = seeded.profiles.filter((p) => p.profile === name)[index];
    if (!found) throw new Error(`the seed has no ${name} salesperson #${index}`);
    return found.userId;
  };
  const users = rows('User');
  const userOf = (id: string): StoredRecord => users.find((u) => u.Id === id) as StoredRecord;
  const openLeadsOf = (owner: string): string[] =>
    rows('Lead')
      .filter((l) => l.OwnerId === owner && l.Status === 'Open - Not Contacted' && l.IsDeleted !== true)
      .map((l) => String(l.Id));
  const closedLeadOf = (owner: string): string =>
    String(rows('Lead').find((l) => l.OwnerId === owner && l.IsConverted === true)?.Id);

  const target = profile('slow_responder');
  const targetLeads = openLeadsOf(target).slice(0, PER_KIND);
  const hugeOwner = profile('strong', 2);
  const integration = seeded.integrationUserId;
  const kinds = Object.fromEntries(BAD_DATA_KINDS.map((kind) => [kind, [] as string[]])) as BadDataset['kinds'];
  const add = (kind: BadDataKind, object: string, record: DemoRecord): string => {
    const id = typeof record.Id === 'string' ? record.Id : store.newId(object);
    const created = typeof record.CreatedDate === 'string' ? record.CreatedDate : at(2);
    store.load(object, [
      { CreatedById: integration, CreatedDate: created, SystemModstamp: created, ...record, Id: id },
    ]);
    kinds[kind].push(id);
    return id;
  };
  const call = (kind: BadDataKind, fields: DemoRecord): string =>
    add(kind, 'Task', {
      Subject: `[bad data: ${kind}] Call`,
      Type: 'Call',
      Status: 'Completed',
      Priority: 'Normal',
      CallType: 'Outbound',
      CallDisposition: 'Contacted',
      CallDurationInSeconds: 180,
      CompletedDateTime: at(1),
      ActivityDate: at(1).slice(0, 10),
      ...fields,
    });

  // Refused: each of these, were it credited, would be a call on one of the target's idle leads.
  for (const lead of targetLeads) call('ownerNull', { OwnerId: null, WhoId: lead });
  for (const lead of targetLeads) call('ownerQueue', { OwnerId: makeId('00G', 1), WhoId: lead });
  for (const lead of targetLeads) call('ownerUnknown', { OwnerId: makeId('005', 999_999), WhoId: lead });
  for (const lead of targetLeads)
    call('dateFuture', { OwnerId: target, WhoId: lead, CompletedDateTime: '2206-11-19T16:00:00.000+0000' });
  for (const lead of targetLeads)
    call('datePast', { OwnerId: target, WhoId: lead, CompletedDateTime: '1900-01-01T00:00:00.000+0000' });
  for (const lead of targetLeads) {
    const start = Date.parse(at(1));
    add('eventEndsBeforeStart', 'Event', {
      Subject: '[bad data: eventEndsBeforeStart] Appointment',
      Type: 'Appointment',
      Appointment_Status__c: 'Showed',
      StartDateTime: formatDateTime(start),
      EndDateTime: formatDateTime(start - 3_600_000),
      ActivityDateTime: formatDateTime(start),
      ActivityDate: at(1).slice(0, 10),
      DurationInMinutes: 60,
      IsAllDayEvent: false,
      WhoId: lead,
      OwnerId: target,
      CreatedById: profile('bdc'),
    });
  }

  // Legitimate, if odd: a salesperson who left, with activity and leads of their own.
  const inactive = add('ownerInactive', 'User', {
    Username: 'former.salesperson@demo.example',
    FirstName: 'Former',
    LastName: 'Salesperson',
    Name: 'Former Salesperson',
    Alias: 'former',
    Email: 'former.salesperson@demo.example',
    Title: 'Sales Consultant',
    Department: String(userOf(target).Department),
    ManagerId: String(userOf(target).ManagerId),
    IsActive: false,
    TimeZoneSidKey: store.timeZone,
    CreatedDate: at(400),
    LastModifiedDate: at(20),
    SystemModstamp: at(20),
  });
  for (let i = 0; i < PER_KIND; i++) {
    const lead = add('ownerInactive', 'Lead', leadRow(`Former Lead ${i + 1}`, inactive, at(40 - i)));
    call('ownerInactive', {
      OwnerId: inactive,
      WhoId: lead,
      CompletedDateTime: at(39 - i),
      ActivityDate: at(39 - i).slice(0, 10),
    });
  }

  // A value no step names, on tasks about a lead long closed (a touch there changes nothing).
  const closed = closedLeadOf(target);
  for (let i = 0; i < PER_KIND; i++)
    add('unknownPicklist', 'Task', {
      Subject: '[bad data: unknownPicklist] Note',
      Type: UNKNOWN_TYPE,
      Status: 'Completed',
      Priority: 'Normal',
      CompletedDateTime: at(1),
      ActivityDate: at(1).slice(0, 10),
      WhoId: closed,
      OwnerId: target,
    });

  // Huge texts on records the product reads: an open lead's name (it repeats lead names) and call notes.
  const hugeLead = openLeadsOf(hugeOwner)[0];
  if (hugeLead === undefined) throw new Error('the salesperson to rename a lead of has no open lead');
  const huge = 'Z'.repeat(HUGE_LENGTH);
  update(store, 'Lead', hugeLead, { LastName: huge, Name: `Huge ${huge}`, Company: huge });
  kinds.hugeText.push(hugeLead);
  for (const task of rows('Task')
    .filter((t) => t.OwnerId === hugeOwner && t.Type === 'Call')
    .slice(0, 2)) {
    update(store, 'Task', String(task.Id), { Description: huge });
    kinds.hugeText.push(String(task.Id));
  }

  // E-mails about a lead since deleted (queryAll returns it with IsDeleted).
  const deletedLead = add('whoDeletedLead', 'Lead', { ...leadRow('Deleted Lead', target, at(10)), IsDeleted: true });
  for (let i = 0; i < PER_KIND; i++)
    add('whoDeletedLead', 'Task', {
      Subject: '[bad data: whoDeletedLead] Email',
      Type: 'Email',
      Status: 'Completed',
      Priority: 'Normal',
      CompletedDateTime: at(9 - i),
      ActivityDate: at(9 - i).slice(0, 10),
      WhoId: deletedLead,
      OwnerId: target,
    });

  // Stage history of an opportunity that is gone: the path to its owner leads nowhere.
  const goneOpportunity = makeId('006', 999_999);
  for (const stage of ['Needs Analysis', 'Demo', 'Write-Up'])
    add('nullRelationship', 'OpportunityHistory', {
      OpportunityId: goneOpportunity,
      StageName: stage,
      Amount: 30_000,
      CloseDate: at(-10).slice(0, 10),
      Probability: 40,
      CreatedDate: at(5),
    });

  return {
    kinds,
    people: { target, targetLeads, inactive },
    unknownType: UNKNOWN_TYPE,
    hugeLength: HUGE_LENGTH,
  };
}

function leadRow(name: string, owner: string, created: string): DemoRecord {
  const [first = name, last = name] = name.split(' ');
  return {
    FirstName: first,
    LastName: last,
    Name: name,
    Company: name,
    LeadSource: 'Web',
    Status: 'Open - Not Contacted',
    OwnerId: owner,
    IsConverted: false,
    CreatedDate: created,
    CreatedById: owner,
    SystemModstamp: created,
  };
}

/** Changes a stored row as history would have: the row is replaced, its stamps as given (or kept). */
export function update(store: SandboxOrg['store'], object: string, id: string, changes: DemoRecord): void {
  const row = store.get(object, id);
  if (!row) throw new Error(`no ${object} ${id} to change`);
  store.load(object, [{ ...row, ...changes }]);
}
