import type { DemoDataset, DemoRecord } from '../../../src/sandbox/demo/types';
import { businessMinutes, LocalTime, parseSf } from './local-time';

/**
 * The design's measures (§5.1, §6) computed the plain way over a generated dataset, for one
 * salesperson and a window of whole local days before `now`. Deliberately naive: it shares no
 * code with the generator, so the two cannot agree by mistake.
 */
export interface RepMeasures {
  attempts: number;
  workingDays: number;
  /** attempt → contact, of leads attempted in the window. */
  contact: Ratio;
  /** contact → appointment set (by this rep) on the same lead. */
  set: Ratio;
  /** Appointments this rep set in the window that showed. */
  show: Ratio;
  /** Appointments this rep owns that showed in the window (the design's `appointment_shown` count). */
  shown: number;
  /** Counts of stage rows on this rep's opportunities in the window. */
  stages: Record<string, number>;
  /** New leads in the window first called within 30 business minutes. */
  respondedIn30: Ratio;
  medianFirstCallMinutes: number;
  overdueFollowUps: number;
  staleLeads: number;
  /** Runs of ≥10 completed outbound calls within 5 minutes. */
  bursts: number;
  /** Sales in the window whose opportunity has no Demo row. */
  salesWithoutDemo: number;
}

export interface Ratio {
  hits: number;
  of: number;
}

export const rate = (r: Ratio): number => (r.of === 0 ? NaN : r.hits / r.of);

/** Upper end of the two-sided 90% Wilson score interval. */
export function wilsonUpper90(r: Ratio): number {
  const z = 1.6449;
  const n = r.of;
  const p = r.hits / n;
  return (p + (z * z) / (2 * n) + z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
}

const SLA_MINUTES = 30;
const STALE_DAYS = 3;
const BURST_CALLS = 10;
const BURST_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

export class DemoMeasures {
  private readonly local: LocalTime;
  private readonly today: string;
  private readonly firstDay: string;
  private readonly tasks: DemoRecord[];
  private readonly events: DemoRecord[];
  private readonly dates = new Map<string, string>();

  constructor(
    private readonly data: DemoDataset,
    timeZone: string,
    private readonly now: number,
    windowDays: number,
  ) {
    this.local = new LocalTime(timeZone);
    this.today = this.local.date(now);
    this.firstDay = LocalTime.addDays(this.today, -windowDays);
    this.tasks = data.records.Task ?? [];
    this.events = data.records.Event ?? [];
  }

  /** Whether a Salesforce datetime falls on a local day of the window. */
  inWindow(value: DemoRecord[string] | undefined): boolean {
    if (typeof value !== 'string') return false;
    const key = value;
    let date = this.dates.get(key);
    if (date === undefined) {
      date = this.local.date(parseSf(key));
      this.dates.set(key, date);
    }
    return date >= this.firstDay && date < this.today;
  }

  /** Working days (Mon–Sat) of the window on or after `fromDate`. */
  workingDays(fromDate = this.firstDay): number {
    let n = 0;
    for (let d = this.firstDay; d < this.today; d = LocalTime.addDays(d, 1))
      if (d >= fromDate && LocalTime.weekday(d) !== 0) n++;
    return n;
  }

  of(userId: string, workingSince?: string): RepMeasures {
    const calls = this.tasks.filter(
      (t) => t.OwnerId === userId && t.Type === 'Call' && t.CallType === 'Outbound' && t.Status === 'Completed',
    );
    const windowCalls = calls.filter((t) => this.inWindow(t.CompletedDateTime)).sort(byTime('CompletedDateTime'));
    const contacts = windowCalls.filter((t) => t.CallDisposition === 'Contacted');
    const sets = this.events.filter(
      (e) => e.Type === 'Appointment' && e.CreatedById === userId && this.inWindow(e.CreatedDate),
    );
    return {
      attempts: windowCalls.length,
      workingDays: this.workingDays(workingSince),
      contact: reachedAfter(windowCalls, contacts, 'CompletedDateTime', 'CompletedDateTime'),
      set: reachedAfter(contacts, sets, 'CompletedDateTime', 'CreatedDate'),
      show: {
        hits: sets.filter((e) => e.Appointment_Status__c === 'Showed' && this.inWindow(e.StartDateTime)).length,
        of: sets.length,
      },
      shown: this.events.filter(
        (e) => e.OwnerId === userId && e.Appointment_Status__c === 'Showed' && this.inWindow(e.StartDateTime),
      ).length,
      stages: this.stageCounts(userId),
      ...this.response(userId),
      overdueFollowUps: this.tasks.filter(
        (t) =>
          t.OwnerId === userId && t.Type === 'Follow-Up' && t.IsClosed === false && String(t.ActivityDate) < this.today,
      ).length,
      staleLeads: this.staleLeads(userId),
      bursts: countBursts(calls.map((t) => parseSf(t.CompletedDateTime)).sort((a, b) => a - b)),
      salesWithoutDemo: this.salesWithoutDemo(userId),
    };
  }

  private stageCounts(userId: string): Record<string, number> {
    const mine = new Set((this.data.records.Opportunity ?? []).filter((o) => o.OwnerId === userId).map((o) => o.Id));
    const counts: Record<string, number> = {};
    for (const h of this.data.records.OpportunityHistory ?? []) {
      if (!mine.has(h.OpportunityId) || !this.inWindow(h.CreatedDate)) continue;
      counts[h.StageName as string] = (counts[h.StageName as string] ?? 0) + 1;
    }
    return counts;
  }

  private salesWithoutDemo(userId: string): number {
    const mine = new Set((this.data.records.Opportunity ?? []).filter((o) => o.OwnerId === userId).map((o) => o.Id));
    const demoed = new Set<string>();
    const sold: string[] = [];
    for (const h of this.data.records.OpportunityHistory ?? []) {
      if (!mine.has(h.OpportunityId)) continue;
      if (h.StageName === 'Demo') demoed.add(h.OpportunityId as string);
      if (h.StageName === 'Closed Won' && this.inWindow(h.CreatedDate)) sold.push(h.OpportunityId as string);
    }
    return sold.filter((id) => !demoed.has(id)).length;
  }

  private response(userId: string): Pick<RepMeasures, 'respondedIn30' | 'medianFirstCallMinutes'> {
    const firstCall = new Map<string, number>();
    for (const t of this.tasks) {
      if (t.Type !== 'Call' || t.CallType !== 'Outbound' || t.WhoId === null) continue;
      const at = parseSf(t.CompletedDateTime);
      const known = firstCall.get(t.WhoId as string);
      if (known === undefined || at < known) firstCall.set(t.WhoId as string, at);
    }
    const minutes: number[] = [];
    let within = 0;
    let leads = 0;
    for (const lead of this.data.records.Lead ?? []) {
      if (lead.OwnerId !== userId || !this.inWindow(lead.CreatedDate)) continue;
      const created = parseSf(lead.CreatedDate);
      const called = firstCall.get(lead.Id as string);
      const waited = businessMinutes(this.local, created, called ?? this.now);
      if (called === undefined && waited <= SLA_MINUTES) continue; // too new to judge
      leads++;
      if (called !== undefined) minutes.push(waited);
      if (called !== undefined && waited <= SLA_MINUTES) within++;
    }
    minutes.sort((a, b) => a - b);
    return {
      respondedIn30: { hits: within, of: leads },
      medianFirstCallMinutes: minutes[Math.floor(minutes.length / 2)] ?? NaN,
    };
  }

  /** Open leads whose latest activity (a task, or an appointment even if still to come) is over 3 days old. */
  private staleLeads(userId: string): number {
    const last = new Map<string, number>();
    const seen = (who: unknown, at: number) => {
      if (typeof who !== 'string') return;
      if ((last.get(who) ?? -Infinity) < at) last.set(who, at);
    };
    for (const t of this.tasks) seen(t.WhoId, parseSf(t.CompletedDateTime ?? t.CreatedDate));
    for (const e of this.events) seen(e.WhoId, parseSf(e.StartDateTime));
    return (this.data.records.Lead ?? []).filter((lead) => {
      if (lead.OwnerId !== userId || String(lead.Status).startsWith('Closed')) return false;
      const latest = last.get(lead.Id as string) ?? parseSf(lead.CreatedDate);
      return latest < this.now - STALE_DAYS * DAY_MS;
    }).length;
  }
}

const byTime = (field: string) => (a: DemoRecord, b: DemoRecord) => parseSf(a[field]) - parseSf(b[field]);

/** Of the subjects (WhoId) in `from`, those with a `to` record at or after their first `from` record. */
function reachedAfter(from: DemoRecord[], to: DemoRecord[], fromField: string, toField: string): Ratio {
  const first = new Map<string, number>();
  for (const r of from) {
    if (typeof r.WhoId !== 'string') continue;
    const at = parseSf(r[fromField]);
    if ((first.get(r.WhoId) ?? Infinity) > at) first.set(r.WhoId, at);
  }
  const hit = new Set<string>();
  for (const r of to) {
    const start = typeof r.WhoId === 'string' ? first.get(r.WhoId) : undefined;
    if (start !== undefined && parseSf(r[toField]) >= start) hit.add(r.WhoId as string);
  }
  return { hits: hit.size, of: first.size };
}

/** Greedy count of disjoint runs of ≥10 calls within 5 minutes (times sorted ascending). */
function countBursts(times: number[]): number {
  let bursts = 0;
  for (let i = 0; i + BURST_CALLS - 1 < times.length;) {
    if ((times[i + BURST_CALLS - 1] as number) - (times[i] as number) <= BURST_MS) {
      bursts++;
      i += BURST_CALLS;
    } else i++;
  }
  return bursts;
}
