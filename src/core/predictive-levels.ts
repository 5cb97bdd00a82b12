/**
 * Each salesperson's own level of a configured measure over the store's whole stored history,
 * in the config's own units, for the targets `analyze` calibrates on the store
 * (predictive-targets.ts, issue 12):
 *
 * - a step's volume: its events per working day over the weeks the person worked (a week
 *   without any event of theirs is a holiday, as in the panel), the first week counted from
 *   their first event (the history, or their job, began mid-week) and the last up to yesterday;
 * - a ratio or a response time: what the scorecard measures (measure-ratio.ts,
 *   measure-response-time.ts) with the whole history as one period, each person's rate shrunk
 *   toward the team's as the goal plan shrinks it (`coaching.priorStrength` pseudo-customers).
 *   A raw rate of 30 customers is noisy, and the top quarter of noisy rates are mostly the
 *   lucky ones: unshrunk, their 75th percentile would promise more than strong work reaches.
 *   A rate nobody ever scored on (an appointment step the store does not record) has no levels.
 *
 * Only people who worked `MIN_WEEKS_PER_PERSON` weeks have a level, as in the effects.
 */
import type { DealershipCalendar } from './calendar';
import type { DayNumber } from './civil-date';
import type { EventTable } from './event-table';
import type { RatioMeasure, ResponseTimeMeasure } from './model';
import { measureRatio } from './measure-ratio';
import { measureResponseTime } from './measure-response-time';
import { MIN_WEEKS_PER_PERSON } from './predictive-effects';
import { firstDayOfWeek, weekOfDay } from './predictive-panel';
import { shrinkRate } from './stats';
import { StepCounts } from './step-counts';
import { periodOf, type Period } from './window';

export interface PersonVolumes {
  /** Per step id, the levels (events per working day) of the people who worked enough weeks. */
  readonly perDay: ReadonlyMap<string, readonly number[]>;
  /** The same people's `step` events per working day, all together (the outcome's rate). */
  readonly teamPerDay: (step: string) => number;
  /** Reps (EventTable order) who worked enough weeks. */
  readonly people: readonly number[];
  /** The period from the salespeople's first event to yesterday; null without any. */
  readonly period: Period | null;
}

export function personVolumes(table: EventTable, calendar: DealershipCalendar, lastDay: DayNumber): PersonVolumes {
  const steps = table.stepIds.length;
  const totals: Float64Array[] = [];
  const days: number[] = [];
  const people: number[] = [];
  let firstDay = Number.POSITIVE_INFINITY;
  for (let rep = 0; rep < table.repCount; rep++) {
    const weeks = new Map<number, Float64Array>();
    let repFirst = Number.POSITIVE_INFINITY;
    for (let row = table.userStart[rep] as number; row < (table.userStart[rep + 1] as number); row++) {
      const day = calendar.dayOf(table.at[row] as number);
      if (day > lastDay) continue;
      repFirst = Math.min(repFirst, day);
      // A suspicious event still shows the person was at work that week; it only earns no credit.
      let counts = weeks.get(weekOfDay(day));
      if (!counts) weeks.set(weekOfDay(day), (counts = new Float64Array(steps)));
      if (table.suspicious[row] === 0) counts[table.step[row] as number] = (counts[table.step[row] as number] ?? 0) + 1;
    }
    firstDay = Math.min(firstDay, repFirst);
    if (weeks.size < MIN_WEEKS_PER_PERSON) continue;
    const total = new Float64Array(steps);
    let worked = 0;
    for (const [week, counts] of weeks) {
      const start = Math.max(firstDayOfWeek(week), repFirst);
      worked += calendar.workingDaysBetween(start, Math.min(firstDayOfWeek(week) + 6, lastDay));
      counts.forEach((c, s) => (total[s] = (total[s] as number) + c));
    }
    if (worked === 0) continue;
    totals.push(total);
    days.push(worked);
    people.push(rep);
  }
  const perDay = new Map(
    table.stepIds.map((id, s) => [id, totals.map((total, i) => (total[s] as number) / (days[i] as number))]),
  );
  const allDays = days.reduce((a, b) => a + b, 0);
  return {
    perDay,
    teamPerDay: (step) => {
      const s = table.stepIds.indexOf(step);
      return allDays > 0 && s >= 0 ? totals.reduce((a, t) => a + (t[s] as number), 0) / allDays : 0;
    },
    people,
    period: Number.isFinite(firstDay) ? periodOf(calendar, firstDay, lastDay) : null,
  };
}

/** Shared inputs of the rate levels: who counts, over what period, how hard to shrink. */
export interface RateContext {
  readonly table: EventTable;
  readonly calendar: DealershipCalendar;
  readonly volumes: PersonVolumes;
  readonly priorStrength: number;
  readonly confidence: number;
}

/** The people's shrunk rates of a ratio measure (those with at least one customer counted). */
export function ratioLevels(measure: RatioMeasure, context: RateContext): number[] {
  const { table, volumes } = context;
  if (volumes.period === null) return [];
  const results = measureRatio(
    table,
    new StepCounts(table, volumes.period),
    measure,
    volumes.period,
    context.confidence,
  );
  const tally = (r: { successes: number; trials: number }) => ({ hits: r.successes, of: r.trials });
  return shrunk(results.reps.map(tally), tally(results.team), volumes.people, context.priorStrength);
}

/** The people's shrunk shares of leads answered within the SLA (those with at least one decided). */
export function responseLevels(measure: ResponseTimeMeasure, context: RateContext): number[] {
  const { table, volumes } = context;
  if (volumes.period === null) return [];
  const results = measureResponseTime(table, measure, volumes.period, context.calendar, context.confidence);
  const tally = (r: { within: number; decided: number }) => ({ hits: r.within, of: r.decided });
  return shrunk(results.reps.map(tally), tally(results.team), volumes.people, context.priorStrength);
}

function shrunk(
  reps: readonly { hits: number; of: number }[],
  team: { hits: number; of: number },
  people: readonly number[],
  strength: number,
): number[] {
  // A step no salesperson's customer ever reached is a step the store does not record, not a rate of zero.
  if (team.hits === 0) return [];
  const teamRate = team.hits / team.of;
  return people
    .map((rep) => reps[rep] as { hits: number; of: number })
    .filter((r) => r.of > 0)
    .map((r) => shrinkRate(r.hits, r.of, teamRate, strength));
}
