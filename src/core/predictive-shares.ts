/**
 * Candidates of the predictive panel that are shares of something other than a step's count
 * (issue 12): a ratio measure's conversion and the share of a rep's checked events integrity set
 * aside. Each is one more column of an already built panel's rows (predictive-panel.ts), NaN in
 * a week where the share is undefined (no `from` event, no checked event).
 *
 * Ratio, `subject` basis, as measure-ratio.ts measures it, week by week: a trial is a subject in
 * the week of the rep's first `from` on it (a subject worked again in a later week is not a new
 * trial), a success a `to` on it by anyone at or after that `from`. A cohort needs time to take
 * the next step: measure-ratio's matured-cohort rule (`maturityDays` over the whole history, the
 * days in which 9 in 10 of the subjects that took both steps did so) is applied to each week as
 * if it were a period ending that many days after its Sunday. So every week's cohort is followed
 * for the same span (a week's share does not grow with how long ago it was, which counting up to
 * the last day would do), and a week whose span reaches past the last day has no value yet.
 * `count` basis: the week's `to` events over its `from` events, both credited to the rep, capped
 * at 1, as measure-ratio counts them. Suspicious events count for neither side.
 */
import type { DealershipCalendar } from './calendar';
import type { DayNumber } from './civil-date';
import { CoreError } from './core-error';
import type { EventTable } from './event-table';
import { maturityDays } from './measure-ratio';
import { firstDayOfWeek, type Panel, type PanelMeasure, weekOfDay } from './predictive-panel';
import { add } from './typed';
import { periodOf } from './window';

export interface RatioCandidate {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly basis: 'subject' | 'count';
}

export interface IntegrityCandidate {
  readonly id: string;
  /** The steps the integrity measure checks: the share's denominator. */
  readonly steps: readonly string[];
}

/** Per rep, per week: [numerator, denominator]. */
export type WeekCounts = Map<number, [number, number]>;

export function ratioShares(
  table: EventTable,
  calendar: DealershipCalendar,
  panel: Panel,
  ratio: RatioCandidate,
  lastDay: DayNumber,
): PanelMeasure {
  const from = stepOrThrow(table, ratio.from);
  const to = stepOrThrow(table, ratio.to);
  const byRep =
    ratio.basis === 'count'
      ? countRatios(table, calendar, from, to, lastDay)
      : subjectRatios(table, calendar, from, to, lastDay);
  return { id: ratio.id, kind: 'share', values: sharesOfRows(panel, byRep) };
}

/** Share of the rep's events of the checked steps that integrity marked suspicious, per week. */
export function suspiciousShares(
  table: EventTable,
  calendar: DealershipCalendar,
  panel: Panel,
  candidate: IntegrityCandidate,
  lastDay: DayNumber,
): PanelMeasure {
  const checked = new Set(candidate.steps.map((id) => table.stepIndexOf(id)).filter((s) => s >= 0));
  const byRep: WeekCounts[] = [];
  for (let rep = 0; rep < table.repCount; rep++) {
    const weeks: WeekCounts = new Map();
    for (let row = table.userStart[rep] as number; row < (table.userStart[rep + 1] as number); row++) {
      if (!checked.has(table.step[row] as number)) continue;
      const day = calendar.dayOf(table.at[row] as number);
      if (day <= lastDay) tally(weeks, weekOfDay(day), table.suspicious[row] !== 0 ? 1 : 0);
    }
    byRep.push(weeks);
  }
  return { id: candidate.id, kind: 'share', values: sharesOfRows(panel, byRep) };
}

function countRatios(
  table: EventTable,
  calendar: DealershipCalendar,
  from: number,
  to: number,
  lastDay: DayNumber,
): WeekCounts[] {
  const byRep: WeekCounts[] = [];
  for (let rep = 0; rep < table.repCount; rep++) {
    const weeks: WeekCounts = new Map();
    for (let row = table.userStart[rep] as number; row < (table.userStart[rep + 1] as number); row++) {
      const step = table.step[row] as number;
      if ((step !== from && step !== to) || table.suspicious[row] !== 0) continue;
      const day = calendar.dayOf(table.at[row] as number);
      if (day > lastDay) continue;
      const cell = weeks.get(weekOfDay(day)) ?? [0, 0];
      // A step that is both `from` and `to` is one trial and one success.
      if (step === to) cell[0]++;
      if (step === from) cell[1]++;
      weeks.set(weekOfDay(day), cell);
    }
    // Capped as measure-ratio caps it: a week cannot convert more than it started.
    for (const cell of weeks.values()) cell[0] = Math.min(cell[0], cell[1]);
    byRep.push(weeks);
  }
  return byRep;
}

function subjectRatios(
  table: EventTable,
  calendar: DealershipCalendar,
  from: number,
  to: number,
  lastDay: DayNumber,
): WeekCounts[] {
  let first = Number.POSITIVE_INFINITY;
  for (let row = 0; row < table.size; row++) first = Math.min(first, table.at[row] as number);
  const matureDays =
    table.size === 0 ? 0 : maturityDays(table, from, to, periodOf(calendar, calendar.dayOf(first), lastDay));
  const toTimes = sortedTimesBySubject(table, to);
  const seenBy = new Int32Array(table.subjectCount);
  const byRep: WeekCounts[] = [];
  for (let rep = 0; rep < table.repCount; rep++) {
    const weeks: WeekCounts = new Map();
    // Rows are in time order, so the first row of a subject is the rep's first `from` on it.
    for (let row = table.userStart[rep] as number; row < (table.userStart[rep + 1] as number); row++) {
      const subject = table.subject[row] as number;
      if (table.step[row] !== from || subject < 0 || table.suspicious[row] !== 0) continue;
      if (seenBy[subject] === rep + 1) continue;
      seenBy[subject] = rep + 1;
      const at = table.at[row] as number;
      const week = weekOfDay(calendar.dayOf(at));
      const followedTo = firstDayOfWeek(week) + 6 + matureDays;
      if (followedTo > lastDay) continue;
      tally(weeks, week, toTimes.anyIn(subject, at, calendar.startOfDay(followedTo + 1)) ? 1 : 0);
    }
    byRep.push(weeks);
  }
  return byRep;
}

export function tally(weeks: WeekCounts, week: number, success: number): void {
  const cell = weeks.get(week) ?? [0, 0];
  cell[0] += success;
  cell[1]++;
  weeks.set(week, cell);
}

/** Per subject, the times of its non-suspicious events of one step, sorted, by anyone. */
function sortedTimesBySubject(
  table: EventTable,
  step: number,
): { anyIn(subject: number, from: number, before: number): boolean } {
  const start = new Int32Array(table.subjectCount + 1);
  for (let row = 0; row < table.size; row++) {
    const subject = table.subject[row] as number;
    if (table.step[row] === step && subject >= 0 && table.suspicious[row] === 0) add(start, subject + 1);
  }
  for (let s = 0; s < table.subjectCount; s++) start[s + 1] = (start[s + 1] as number) + (start[s] as number);
  const times = new Float64Array(start[table.subjectCount] as number);
  const filled = start.slice(0, table.subjectCount);
  for (let row = 0; row < table.size; row++) {
    const subject = table.subject[row] as number;
    if (table.step[row] !== step || subject < 0 || table.suspicious[row] !== 0) continue;
    times[filled[subject] as number] = table.at[row] as number;
    add(filled, subject);
  }
  for (let s = 0; s < table.subjectCount; s++) times.subarray(start[s], start[s + 1]).sort();
  return {
    anyIn(subject: number, from: number, before: number): boolean {
      // Few events per subject: a scan is as fast as a binary search and plainer.
      for (let i = start[subject] as number; i < (start[subject + 1] as number); i++) {
        const at = times[i] as number;
        if (at >= from) return at < before;
      }
      return false;
    },
  };
}

/** The panel's rows' values from per-rep, per-week [numerator, denominator] counts. */
export function sharesOfRows(panel: Panel, byRep: readonly WeekCounts[]): Float64Array {
  return Float64Array.from(panel.person, (person, i) => {
    const cell = byRep[person]?.get(panel.week[i] as number);
    return cell && cell[1] > 0 ? cell[0] / cell[1] : Number.NaN;
  });
}

function stepOrThrow(table: EventTable, id: string): number {
  const index = table.stepIndexOf(id);
  if (index < 0) throw new CoreError('UNKNOWN_STEP', `The step "${id}" is not in the model.`);
  return index;
}
