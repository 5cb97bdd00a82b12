/**
 * How much work each rep gets. A salesperson's goal is what their workload sells at the
 * team's conversion (so a clean rep meets it, on average, and a rep who converts badly does
 * not); setters work enough leads to book the shows the salespeople's goals count on.
 *
 * Planted weaknesses are sized to be judgeable: the workload is raised until the weak
 * measure's expected sample in the window is SAMPLE_MARGIN × minSample (48 customers for a
 * minimum of 30), so a ratio rule that demands its minimum sample still has one with near
 * certainty (with the day-to-day swing of the workload, a count of mean 48 falls under 30
 * a few times in a thousand). A rep
 * selling without a demo therefore sells a lot: the measure's sample is sales.
 */
import { perLead, perShown } from './funnel';
import type { LevelKey, Levels } from './levels';
import { planted, WEAKNESSES, type WeaknessKind } from './weaknesses';

export const SAMPLE_MARGIN = 1.6;

export interface WorkloadContext {
  /** Working days in the measured window and in the month of `now`. */
  windowDays: number;
  monthDays: number;
  /** Working days of history in which reached-but-unbooked leads pile up (the pool of idle leads). */
  historyDays: number;
  /** Each measure's minimum sample (its own, else coaching's). */
  minSample: (measure: string) => number;
}

export interface Workload {
  /** New leads the rep owns per working day. */
  leadsPerDay: number;
  /** Shows per working day booked for this salesperson by setters. */
  feedShownPerDay: number;
}

/** A salesperson's workload for a monthly goal, `bdcShare` of it coming through setters' bookings. */
export function salesWorkload(ctx: WorkloadContext, team: Levels, levels: Levels, goal: number, bdcShare: number) {
  const perDay = goal / ctx.monthDays;
  return {
    leadsPerDay: (((1 - bdcShare) * perDay) / perLead(team, team).sales) * levels.activity,
    feedShownPerDay: (bdcShare * perDay) / perShown(team).sales,
  };
}

/** The expected sample in the window of the measure that reads `key`, for this workload. */
export function windowSample(ctx: WorkloadContext, levels: Levels, work: Workload, key: LevelKey): number {
  const own = perLead(levels, levels);
  const fed = perShown(levels);
  const { leadsPerDay: lpd, feedShownPerDay: feed } = work;
  const perDay = ((): number => {
    switch (key) {
      case 'respond':
      case 'contact':
        return lpd;
      case 'set':
        return lpd * own.contacts;
      case 'show':
        return lpd * own.sets;
      case 'demo':
        return lpd * own.shown + feed;
      case 'writeUp':
        return lpd * own.demos + feed * fed.demos;
      case 'close':
      case 'naSkip':
        return lpd * own.writeUps + feed * fed.writeUps;
      case 'demoSkip':
        return lpd * own.sales + feed * fed.sales;
      case 'stale':
      case 'overdue':
        return (lpd * own.idleCandidates * ctx.historyDays) / ctx.windowDays;
      case 'activity':
      case 'suspicious':
        return Number.POSITIVE_INFINITY;
    }
  })();
  return perDay * ctx.windowDays;
}

/** The sample a planted weakness needs: the margin over minSample, or twice the open items to plant. */
export function neededSample(ctx: WorkloadContext, levels: Levels, kind: WeaknessKind): number {
  const key = WEAKNESSES[kind].level;
  if (key === 'stale' || key === 'overdue') return 2 * (levels.stale + levels.overdue) + 10;
  return Math.ceil(SAMPLE_MARGIN * ctx.minSample(planted(kind).measure));
}

/** How much a workload must grow (≥ 1) for every planted weakness to rest on the sample it needs. */
export function growthFor(ctx: WorkloadContext, levels: Levels, work: Workload, kinds: readonly WeaknessKind[]) {
  let growth = 1;
  for (const kind of kinds) {
    const sample = windowSample(ctx, levels, work, WEAKNESSES[kind].level);
    growth = Math.max(growth, neededSample(ctx, levels, kind) / sample);
  }
  return growth;
}
