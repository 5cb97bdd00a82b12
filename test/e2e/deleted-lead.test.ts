/**
 * A lead deleted in the org leaves the measures (ARCHITECTURE.md §7: `queryAll` returns it with
 * `IsDeleted`, and the store drops it): the slow responder's stale-lead count drops, the lead's
 * follow-up task is no longer wanted, and a deleted lead they had answered leaves their
 * response-time sample.
 */
import type { SfRecord } from '../../src/core/model';
import { freshDryRun, localDate, plantedRep, syncInStep } from './coaching-org';
import { cli, CONFIG, type DemoOrg, query, runAt, startDemoOrg, type SyncJson } from './support';

interface RepReport {
  repId: string;
  results: Array<SfRecord & { measure: string }>;
}

/** `report --json` as of run n, parsed (src/cli/render-report.ts). */
async function reportAt(
  org: DemoOrg,
  n: number,
): Promise<{ window: { startDate: string; endDate: string }; reps: RepReport[] }> {
  const run = await cli(['report', '--json', '--config', CONFIG, '--state', org.statePath, '--now', runAt(n)], org.env);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as { window: { startDate: string; endDate: string }; reps: RepReport[] };
}

function resultOf(report: { reps: RepReport[] }, repId: string, measure: string): SfRecord {
  const result = report.reps.find((r) => r.repId === repId)?.results.find((r) => r.measure === measure);
  if (!result) throw new Error(`no ${measure} for ${repId} in the report`);
  return result;
}

const staleLeadIds = (result: SfRecord): string[] =>
  (result.leads as Array<{ leadId: string }>).map((lead) => lead.leadId);

describe('end to end: a lead deleted in the org leaves the measures', () => {
  let org: DemoOrg;
  let rep: string;
  let staleLead: string;
  let answeredLead: string;
  /** Local creation dates of the two leads. */
  let createdOn: string[];
  let before: Awaited<ReturnType<typeof reportAt>>;
  let desiredBefore: number;
  let run: SyncJson;
  let after: Awaited<ReturnType<typeof reportAt>>;

  beforeAll(async () => {
    org = await startDemoOrg();
    const first = await syncInStep(org, 0);
    expect(first.code).toBe(0);
    desiredBefore = first.report.plan.creates.length;
    rep = plantedRep(org, 'slow_responder').userId;
    before = await reportAt(org, 0);

    // One of the rep's stale leads, and a lead of the window they called and that is not stale.
    const stale = staleLeadIds(resultOf(before, rep, 'stale_leads'));
    staleLead = stale[0] ?? '';
    const windowStart = `${before.window.startDate}T12:00:00.000Z`;
    const called = query(
      org,
      `SELECT WhoId FROM Task WHERE OwnerId = '${rep}' AND Type = 'Call' AND Status = 'Completed' AND CreatedDate >= ${windowStart.replace('.000Z', 'Z')}`,
    );
    const leads = new Set(
      query(
        org,
        `SELECT Id FROM Lead WHERE OwnerId = '${rep}' AND IsConverted = false AND CreatedDate >= ${windowStart.replace('.000Z', 'Z')}`,
      ).map((l) => String(l.Id)),
    );
    answeredLead = called.map((c) => String(c.WhoId)).find((id) => leads.has(id) && !stale.includes(id)) ?? '';
    expect([staleLead, answeredLead]).toEqual([expect.stringMatching(/^00Q/), expect.stringMatching(/^00Q/)]);

    createdOn = query(org, `SELECT CreatedDate FROM Lead WHERE Id IN ('${staleLead}', '${answeredLead}')`).map((l) =>
      localDate(String(l.CreatedDate)),
    );
    for (const lead of [staleLead, answeredLead]) org.sandbox.org.writer.delete('Lead', lead, rep);
    const result = await syncInStep(org, 1);
    expect(result.code).toBe(0);
    run = result.report;
    after = await reportAt(org, 1);
  });
  afterAll(() => org.close());

  it('when the next sync runs, then it reads the two deletions', () => {
    expect(run.reads.find((r) => r.object === 'Lead')?.deleted).toBe(2);
  });

  it('then the deleted stale lead is no longer among the rep’s stale leads, and their count dropped by one', () => {
    const was = resultOf(before, rep, 'stale_leads');
    const now = resultOf(after, rep, 'stale_leads');
    expect(staleLeadIds(now)).not.toContain(staleLead);
    expect(now.count).toBe(Number(was.count) - 1);
  });

  it('then the deleted lead’s follow-up task is no longer wanted, the only record that dropped out', async () => {
    const wanted = await freshDryRun(org, 1);
    expect(wanted.code).toBe(0);
    const keys = [...wanted.report.plan.creates, ...wanted.report.plan.updates].map((w) => w.key);
    expect(keys.filter((key) => key.startsWith(`v1:stale_lead:${staleLead}:`))).toEqual([]);
    expect(keys.length).toBe(desiredBefore - 1);
    expect(run.plan.creates.length + run.plan.updates.length + run.plan.unchanged).toBe(desiredBefore - 1);
  });

  it('then the deleted leads created in the window leave the rep’s response-time sample', () => {
    const was = resultOf(before, rep, 'lead_response');
    const now = resultOf(after, rep, 'lead_response');
    const { startDate, endDate } = before.window;
    const inWindow = createdOn.filter((date) => date >= startDate && date <= endDate).length;
    expect(inWindow).toBeGreaterThan(0);
    expect(Number(now.decided) + Number(now.pending)).toBe(Number(was.decided) + Number(was.pending) - inWindow);
  });
});
