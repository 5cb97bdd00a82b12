import type { Connection } from '@jsforce/jsforce-node';
import type { RunningSandbox } from '../../src/sandbox/server';
import { connect, startTestSandbox } from './support/sandbox-fixture';

type Row = Record<string, string | number | null>;

/** Grouped counts as a map key → count, read through SOQL like any client would. */
async function countsBy(conn: Connection, soql: string, key: string): Promise<Map<string, number>> {
  const result = await conn.query<Row>(soql);
  return new Map(result.records.map((r) => [String(r[key]), Number(r.n)]));
}

describe('the seeded demo dealership, read through SOQL', () => {
  let sandbox: RunningSandbox;
  let conn: Connection;
  let salespeople: Array<{ Id: string; Name: string }>;
  const profileOf = (profile: string): string =>
    sandbox.seeded?.profiles.find((p) => p.profile === profile)?.userId ?? '';

  beforeAll(async () => {
    sandbox = await startTestSandbox({ seed: { seed: 42 } });
    conn = connect(sandbox);
    salespeople = (
      await conn.query<{ Id: string; Name: string }>(
        "SELECT Id, Name FROM User WHERE IsActive = true AND Title = 'Sales Consultant'",
      )
    ).records;
  });
  afterAll(() => sandbox.close());

  it('given the seed, then API calls act as the generated integration user and the planted salespeople exist', async () => {
    const identity = await conn.identity();
    expect(identity.user_id).toBe(sandbox.seeded?.integrationUserId);
    expect(salespeople.length).toBeGreaterThanOrEqual(10);
    expect(salespeople.map((u) => u.Id)).toEqual(
      expect.arrayContaining([profileOf('rarely_sets'), profileOf('no_shows'), profileOf('low_activity')]),
    );
  });

  it('given the rep who rarely sets appointments, then their contact→appointment ratio is far below the team’s', async () => {
    const contacts = await countsBy(
      conn,
      "SELECT OwnerId, COUNT(Id) n FROM Task WHERE Type = 'Call' AND CallDisposition = 'Contacted' AND Coaching_Key__c = null GROUP BY OwnerId",
      'OwnerId',
    );
    const appointments = await countsBy(
      conn,
      "SELECT CreatedById, COUNT(Id) n FROM Event WHERE Type = 'Appointment' GROUP BY CreatedById",
      'CreatedById',
    );
    const ratio = (ids: string[]): number =>
      ids.reduce((s, id) => s + (appointments.get(id) ?? 0), 0) / ids.reduce((s, id) => s + (contacts.get(id) ?? 0), 0);
    const rep = profileOf('rarely_sets');
    const team = ratio(salespeople.map((u) => u.Id).filter((id) => id !== rep));
    expect(contacts.get(rep)).toBeGreaterThan(50);
    expect(ratio([rep])).toBeLessThan(team / 2);
  });

  it('given the rep whose appointments rarely show, then their show rate is far below the team’s', async () => {
    const past = "Type = 'Appointment' AND StartDateTime < TODAY";
    const owned = await countsBy(
      conn,
      `SELECT OwnerId, COUNT(Id) n FROM Event WHERE ${past} GROUP BY OwnerId`,
      'OwnerId',
    );
    const shown = await countsBy(
      conn,
      `SELECT OwnerId, COUNT(Id) n FROM Event WHERE ${past} AND Appointment_Status__c = 'Showed' GROUP BY OwnerId`,
      'OwnerId',
    );
    const rate = (ids: string[]): number =>
      ids.reduce((s, id) => s + (shown.get(id) ?? 0), 0) / ids.reduce((s, id) => s + (owned.get(id) ?? 0), 0);
    const rep = profileOf('no_shows');
    expect(rate([rep])).toBeLessThan(rate(salespeople.map((u) => u.Id).filter((id) => id !== rep)) * 0.6);
  });

  it('given the rep who makes too few calls, then their outbound calls are the fewest of the established reps', async () => {
    const calls = await countsBy(
      conn,
      "SELECT OwnerId, COUNT(Id) n FROM Task WHERE Type = 'Call' AND CallType = 'Outbound' AND Status = 'Completed' GROUP BY OwnerId ORDER BY COUNT(Id)",
      'OwnerId',
    );
    const established = salespeople.map((u) => u.Id).filter((id) => id !== profileOf('new_hire'));
    const fewest = established.sort((a, b) => (calls.get(a) ?? 0) - (calls.get(b) ?? 0))[0];
    expect(fewest).toBe(profileOf('low_activity'));
  });

  it('given stage history, then every sold opportunity has a Closed Won row credited through Opportunity.OwnerId', async () => {
    const won = await conn.query<Row>("SELECT COUNT(Id) n FROM Opportunity WHERE StageName = 'Closed Won'");
    const history = await conn.query<Row>(
      "SELECT COUNT_DISTINCT(OpportunityId) n FROM OpportunityHistory WHERE StageName = 'Closed Won' AND Opportunity.OwnerId != null",
    );
    expect(Number(history.records[0]?.n)).toBe(Number(won.records[0]?.n));
    expect(Number(won.records[0]?.n)).toBeGreaterThan(20);
  });
});
