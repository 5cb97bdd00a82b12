/**
 * Ratio (step `from` → step `to`), with a Wilson interval. Decided semantics:
 * - `subject` basis: trials are the distinct subjects of `from` events credited to the rep in
 *   the period; a success is such a subject with a `to` event (by anyone: a setter's
 *   appointment counts for the salesperson's contact) in the period at or after the rep's
 *   first `from` on it. Events without a subject cannot be linked and are left out.
 * - `count` basis: `to` events credited to the rep over `from` events credited to the rep,
 *   the numerator capped at the denominator.
 * - The team is the salespeople together: a subject several salespeople worked counts once,
 *   from the first of them.
 * - Matured cohorts (`subject` basis): a customer contacted on the window's last afternoon has
 *   had no time to book, and counting them as not booked biases every rate down (a true show
 *   rate of 70% measures about 63%) and a rep more the later their customers came. So a subject
 *   is a trial only when its `from` lies `matureDays` before the window's end, the whole days in
 *   which 9 in 10 of the store's subjects that took the next step took it (`maturityDays`),
 *   at most half the window. A step taken on the same visit costs no sample.
 * Suspicious events count for neither side.
 */
import { DAY_MS } from './civil-date';
import type { EventTable } from './event-table';
import type { RatioMeasure } from './model';
import type { MeasureResults, RatioResult } from './measure-results';
import { wilsonInterval } from './stats';
import type { StepCounts } from './step-counts';
import { add } from './typed';
import type { Period } from './window';

export function measureRatio(
  table: EventTable,
  counts: StepCounts,
  measure: RatioMeasure,
  period: Period,
  confidence: number,
): MeasureResults<RatioResult> {
  const result = (successes: number, trials: number, matureDays = 0): RatioResult => ({
    kind: 'ratio',
    measure: measure.id,
    from: measure.from,
    to: measure.to,
    basis: measure.basis,
    successes,
    trials,
    value: trials > 0 ? successes / trials : null,
    interval: wilsonInterval(successes, trials, confidence),
    target: measure.target,
    matureDays,
  });

  if (measure.basis === 'count') {
    const capped = (to: number, from: number): RatioResult => result(Math.min(to, from), from);
    return {
      reps: table.reps.map((_, rep) => capped(counts.ofRep(rep, measure.to), counts.ofRep(rep, measure.from))),
      team: capped(counts.ofTeam(measure.to), counts.ofTeam(measure.from)),
    };
  }

  const from = table.stepIndexOf(measure.from);
  const to = table.stepIndexOf(measure.to);
  const lastTo = lastInPeriod(table, to, period);
  const matureDays = maturityDays(table, from, to, period);
  const matureBefore = period.endMs - matureDays * DAY_MS;
  const seenBy = new Int32Array(table.subjectCount);
  const teamFirst = new Float64Array(table.subjectCount).fill(Number.POSITIVE_INFINITY);
  const reps: RatioResult[] = [];
  for (let rep = 0; rep < table.repCount; rep++) {
    let trials = 0;
    let successes = 0;
    const salesperson = table.isSalesperson[rep] === 1;
    // Rows are in time order, so the first row of a subject is the rep's first `from` on it.
    for (let row = table.userStart[rep] as number, end = table.userStart[rep + 1] as number; row < end; row++) {
      const subject = table.subject[row] as number;
      const at = table.at[row] as number;
      if (table.step[row] !== from || subject < 0 || at < period.startMs || at >= matureBefore) continue;
      if (table.suspicious[row] !== 0 || seenBy[subject] === rep + 1) continue;
      seenBy[subject] = rep + 1;
      trials++;
      if ((lastTo[subject] as number) >= at) successes++;
      if (salesperson && at < (teamFirst[subject] as number)) teamFirst[subject] = at;
    }
    reps.push(result(successes, trials, matureDays));
  }
  let teamTrials = 0;
  let teamSuccesses = 0;
  for (let subject = 0; subject < table.subjectCount; subject++) {
    const first = teamFirst[subject] as number;
    if (first === Number.POSITIVE_INFINITY) continue;
    teamTrials++;
    if ((lastTo[subject] as number) >= first) teamSuccesses++;
  }
  return { reps, team: result(teamSuccesses, teamTrials, matureDays) };
}

/** Of the subjects that took the next step, the share a matured cohort waits for. */
export const MATURE_SHARE = 0.9;

/**
 * Whole days from `from` to `to` within which MATURE_SHARE of the subjects that took both did so
 * (each subject's first of each, the `to` at or after the `from` and before the window's end),
 * at most half the window; 0 when no subject took both. Counted by whole day, not sorted: one
 * pass, whatever the number of subjects.
 */
export function maturityDays(table: EventTable, from: number, to: number, period: Period): number {
  const firstFrom = table.firstAt(from);
  const firstTo = table.firstAt(to);
  const halfWindow = Math.floor((period.endMs - period.startMs) / DAY_MS / 2);
  const byDays = new Float64Array(halfWindow + 1);
  let total = 0;
  for (let subject = 0; subject < table.subjectCount; subject++) {
    const start = firstFrom[subject] as number;
    const end = firstTo[subject] as number;
    if (end < start || end >= period.endMs) continue;
    add(byDays, Math.min(Math.ceil((end - start) / DAY_MS), halfWindow));
    total++;
  }
  let reached = 0;
  for (let days = 0; days < halfWindow; days++) {
    reached += byDays[days] as number;
    if (reached >= MATURE_SHARE * total) return days;
  }
  return halfWindow;
}

/** Per subject, the latest non-suspicious event of `step` inside the period (-Infinity: none). */
export function lastInPeriod(table: EventTable, step: number, period: Period): Float64Array {
  const last = new Float64Array(table.subjectCount).fill(Number.NEGATIVE_INFINITY);
  for (let row = 0; row < table.size; row++) {
    const subject = table.subject[row] as number;
    const at = table.at[row] as number;
    if (table.step[row] !== step || subject < 0 || table.suspicious[row] !== 0) continue;
    if (at >= period.startMs && at < period.endMs && at > (last[subject] as number)) last[subject] = at;
  }
  return last;
}
