import { isCoachError } from '../../../src/lib/errors';
import { generateDealership } from '../../../src/sandbox/demo/generate';
import type { DemoDataset, DemoRecord } from '../../../src/sandbox/demo/types';
import { counterNewId, DEMO_NOW, demoOptions, generate, KEY_PREFIXES } from './builders';
import { CLOSE_SECOND, LocalTime, OPEN_SECOND, parseSf } from './local-time';

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const chicago = new LocalTime('America/Chicago');

let data: DemoDataset;
beforeAll(() => {
  data = generate();
});

const all = (object: string): DemoRecord[] => data.records[object] ?? [];
const everyRecord = (): Array<[string, DemoRecord]> =>
  Object.entries(data.records).flatMap(([object, rows]) => rows.map((r): [string, DemoRecord] => [object, r]));
const idsOf = (object: string) => new Set(all(object).map((r) => r.Id));

/** Local wall-clock check: Monday–Saturday, 09:00 to 20:00 inclusive of the closing instant. */
function inBusinessHours(value: unknown): boolean {
  const ms = parseSf(value);
  const second = chicago.secondOfDay(ms);
  return LocalTime.weekday(chicago.date(ms)) !== 0 && second >= OPEN_SECOND && second <= CLOSE_SECOND;
}

describe('the demo dealership generator', () => {
  it('given the same options and id sequence, when generated twice, then the output is byte-identical; another seed differs', () => {
    const again = generateDealership(demoOptions(), counterNewId());
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    expect(JSON.stringify(generate({ seed: 2 }).records.Task)).not.toBe(JSON.stringify(data.records.Task));
  });

  it('given the default options, when generated, then every object of the model is filled', () => {
    for (const object of Object.keys(KEY_PREFIXES)) expect(all(object).length).toBeGreaterThan(0);
    expect(all('Task').length + all('Event').length).toBeGreaterThan(10_000);
  });

  it('given any record, then it carries the system fields in Salesforce formats, with its object key prefix, and nothing after now', () => {
    const users = idsOf('User');
    const problems: string[] = [];
    const prefixes = new Map(
      Object.entries(KEY_PREFIXES).map(([object, prefix]) => [object, new RegExp(`^${prefix}[0-9A-Za-z]{15}$`)]),
    );
    for (const [object, r] of everyRecord()) {
      const bad = (what: string) => problems.push(`${object} ${String(r.Id)}: ${what}`);
      if (!prefixes.get(object)?.test(String(r.Id))) bad('Id');
      for (const field of ['CreatedDate', 'LastModifiedDate', 'SystemModstamp']) {
        if (!DATETIME.test(String(r[field])) || parseSf(r[field]) > DEMO_NOW) bad(field);
      }
      if (parseSf(r.LastModifiedDate) < parseSf(r.CreatedDate) || r.SystemModstamp !== r.LastModifiedDate)
        bad('modified before created');
      if (!users.has(r.CreatedById) || !users.has(r.LastModifiedById)) bad('CreatedById/LastModifiedById');
      if (r.IsDeleted !== false) bad('IsDeleted');
      for (const field of ['ActivityDate', 'CloseDate', 'ConvertedDate'])
        if (r[field] != null && !DATE.test(String(r[field]))) bad(field);
      if (
        r.CompletedDateTime != null &&
        (!DATETIME.test(String(r.CompletedDateTime)) || parseSf(r.CompletedDateTime) > DEMO_NOW)
      )
        bad('CompletedDateTime');
    }
    expect(problems).toEqual([]);
  });

  it('given the activity and the leads, then all of it happens in business hours of the time zone, on both sides of the DST change', () => {
    const stamps = [
      ...all('Task').flatMap((t) => [t.CreatedDate, t.CompletedDateTime, t.LastModifiedDate].filter((v) => v != null)),
      ...all('Event').flatMap((e) => [e.CreatedDate, e.StartDateTime, e.EndDateTime, e.LastModifiedDate]),
      ...all('Lead').flatMap((l) => [l.CreatedDate, l.LastModifiedDate]),
      ...all('OpportunityHistory').map((h) => h.CreatedDate),
    ];
    expect(stamps.filter((s) => !inBusinessHours(s))).toEqual([]);
    // 09:00 is 14:00 UTC on Saturday 31 October (CDT) and 15:00 UTC on Monday 2 November (CST);
    // the day's first activity falls in its first hour.
    const firstOf = (date: string) => Math.min(...stamps.map(parseSf).filter((ms) => chicago.date(ms) === date));
    expect(firstOf('2026-10-31') - Date.parse('2026-10-31T14:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(firstOf('2026-10-31') - Date.parse('2026-10-31T14:00:00Z')).toBeLessThan(3_600_000);
    expect(firstOf('2026-11-02') - Date.parse('2026-11-02T15:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(firstOf('2026-11-02') - Date.parse('2026-11-02T15:00:00Z')).toBeLessThan(3_600_000);
  });

  it('given any reference, then it points at a generated record of the right object', () => {
    const users = idsOf('User');
    const leads = idsOf('Lead');
    const opportunities = idsOf('Opportunity');
    const accounts = idsOf('Account');
    const contacts = idsOf('Contact');
    const dangling: string[] = [];
    const check = (ok: boolean, what: string) => ok || dangling.push(what);
    for (const [object, r] of everyRecord()) {
      if ('OwnerId' in r) check(users.has(r.OwnerId), `${object}.OwnerId ${String(r.OwnerId)}`);
      if (r.WhoId != null) check(leads.has(r.WhoId), `${object}.WhoId ${String(r.WhoId)}`);
      if (r.ManagerId != null) check(users.has(r.ManagerId), `User.ManagerId ${String(r.ManagerId)}`);
      if ('OpportunityId' in r) check(opportunities.has(r.OpportunityId), `OpportunityHistory.OpportunityId`);
      if (object !== 'Lead' && 'AccountId' in r) check(accounts.has(r.AccountId), `${object}.AccountId`);
    }
    for (const lead of all('Lead').filter((l) => l.IsConverted === true)) {
      check(accounts.has(lead.ConvertedAccountId) && contacts.has(lead.ConvertedContactId), 'Lead converted ids');
      check(opportunities.has(lead.ConvertedOpportunityId), 'Lead.ConvertedOpportunityId');
    }
    expect(dangling).toEqual([]);
    expect(users.has(data.integrationUserId)).toBe(true);
  });

  it('given the users, then there are two stores, a general manager, a manager per store, the salespeople under their manager and one BDC agent', () => {
    const users = all('User');
    const byId = new Map(users.map((u) => [u.Id, u]));
    const salespeople = users.filter((u) => u.Title === 'Sales Consultant');
    expect(salespeople).toHaveLength(12);
    expect(new Set(salespeople.map((u) => u.Department))).toEqual(new Set(['Lakeview Honda', 'Cedar Park Honda']));
    for (const rep of salespeople) {
      const manager = byId.get(rep.ManagerId);
      expect(manager?.Title).toBe('Sales Manager');
      expect(manager?.Department).toBe(rep.Department);
      expect(rep.IsActive).toBe(true);
    }
    expect(users.filter((u) => u.Title === 'General Manager')).toHaveLength(1);
    expect(users.filter((u) => u.Title === 'BDC Agent')).toHaveLength(1);
    const goals = salespeople.map((u) => u.Monthly_Unit_Goal__c);
    expect(goals).toContain(12);
    expect(goals).toContain(null);
    expect(new Set(users.map((u) => u.Name)).size).toBe(users.length);
  });

  it("given the opportunities, then each one's stage is its last history row and the rows follow the stage order", () => {
    const order = ['Needs Analysis', 'Demo', 'Write-Up', 'Negotiation', 'Closed Won', 'Closed Lost'];
    const rows = new Map<string, DemoRecord[]>();
    for (const h of all('OpportunityHistory'))
      rows.set(h.OpportunityId as string, [...(rows.get(h.OpportunityId as string) ?? []), h]);
    for (const opportunity of all('Opportunity')) {
      const history = rows.get(opportunity.Id as string) ?? [];
      const stages = history.map((h) => h.StageName as string);
      expect(stages[0]).toBe('Needs Analysis');
      expect(stages.map((s) => order.indexOf(s))).toEqual(
        [...stages.map((s) => order.indexOf(s))].sort((a, b) => a - b),
      );
      expect(history.map((h) => parseSf(h.CreatedDate))).toEqual(
        history.map((h) => parseSf(h.CreatedDate)).sort((a, b) => a - b),
      );
      expect(opportunity.StageName).toBe(stages[stages.length - 1]);
      expect(opportunity.IsWon).toBe(opportunity.StageName === 'Closed Won');
      expect(opportunity.IsClosed).toBe(String(opportunity.StageName).startsWith('Closed'));
      expect(String(opportunity.Name)).toMatch(/^\S+ \S+ – 20\d\d \S+$/);
    }
  });

  it('given the appointments, then each lasts an hour, starts one to five business days after it was booked, and only future ones are Scheduled', () => {
    const statuses = new Set<unknown>();
    for (const e of all('Event')) {
      const start = parseSf(e.StartDateTime);
      expect(parseSf(e.EndDateTime) - start).toBe(3_600_000);
      const gapDays = (Date.parse(chicago.date(start)) - Date.parse(chicago.date(parseSf(e.CreatedDate)))) / 86_400_000;
      expect(gapDays).toBeGreaterThanOrEqual(1);
      expect(gapDays).toBeLessThanOrEqual(7); // five business days, with Sundays between
      if (start > DEMO_NOW) expect(e.Appointment_Status__c).toBe('Scheduled');
      statuses.add(e.Appointment_Status__c);
    }
    expect(statuses).toEqual(new Set(['Scheduled', 'Showed', 'No Show', 'Cancelled']));
  });

  it('given the tasks, then statuses, closure and call fields agree', () => {
    const inconsistent = all('Task').filter(
      (t) =>
        t.IsClosed !== (t.Status === 'Completed') ||
        (t.CompletedDateTime === null) !== (t.Status !== 'Completed') ||
        (t.Type === 'Call' && (t.CallType !== 'Outbound' || typeof t.CallDurationInSeconds !== 'number')),
    );
    expect(inconsistent).toEqual([]);
    const leadStatuses = new Set(all('Lead').map((l) => l.Status));
    expect(leadStatuses).toEqual(
      new Set(['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted']),
    );
  });

  it('given the records, then a few carry what the mapper must count: no WhoId, an unknown disposition, an unknown task Type', () => {
    const tasks = all('Task');
    expect(tasks.some((t) => t.Type === 'Call' && t.WhoId === null)).toBe(true);
    expect(tasks.some((t) => t.CallDisposition === 'Busy')).toBe(true);
    expect(tasks.some((t) => t.Type === 'Text')).toBe(true);
    expect(tasks.some((t) => t.Type === 'Email') && tasks.some((t) => t.Type === 'Other')).toBe(true);
  });

  it('given options that make no sense, when generating, then a usage error names each problem', () => {
    let error: unknown;
    try {
      generateDealership(demoOptions({ reps: 0, days: -3, timeZone: 'Mars/Olympus' }), counterNewId());
    } catch (e) {
      error = e;
    }
    expect(isCoachError(error) && error.code).toBe('SANDBOX_DEMO_OPTIONS_INVALID');
    expect(isCoachError(error) && (error.data as { problems: string[] }).problems).toHaveLength(3);
  });
});
