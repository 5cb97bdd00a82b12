/**
 * A staleLead measure as a candidate of the predictive panel (issue 12): per rep and week, the
 * share of the rep's new leads that were touched within the measure's `days`. The live measure
 * counts open leads idle for `days` today (measure-follow-ups.ts); a past week's count would need
 * when each lead closed, which the state does not keep. What the history does keep is when each
 * lead arrived and every event on it since, so this asks the same question of each new lead at
 * the time: did anything happen to it before it would have gone stale?
 *
 * A lead arrives once, at its first non-suspicious `valueStep` event (e.g. `lead`), in the week of
 * that day, for the rep the event is credited to. It is touched when another non-suspicious event
 * on it, of any configured step or the measure's own `touch:` step, by anyone, came at or after
 * its arrival and before the start of the `days`-th local day after it: the events the live
 * measure reads as activity, so a lead counted untouched here would have been listed stale on
 * that day (an open task due ahead, which the live measure also honours, is left out: the state
 * keeps open tasks only while they are open). It is the touched share, not the untouched one,
 * because the analysis calls a measure predictive only when more of it goes with more sales.
 * A week whose last arrivals' `days` are not all over by the last day has no value yet, as a
 * ratio cohort that has not matured (predictive-shares.ts); a week without arrivals has none.
 */
import type { DealershipCalendar } from './calendar';
import type { DayNumber } from './civil-date';
import { CoreError } from './core-error';
import type { EventTable } from './event-table';
import { isInternalStep } from './lead-touches';
import { firstDayOfWeek, type Panel, type PanelMeasure, weekOfDay } from './predictive-panel';
import { sharesOfRows, tally, type WeekCounts } from './predictive-shares';

export interface TouchedCandidate {
  readonly id: string;
  /** The step a lead arrives by: the staleLead measure's `valueStep`. */
  readonly arrival: string;
  /** The measure's `touch:` step (lead-touches.ts): its e-mails, texts, tasks and events. */
  readonly touch: string;
  /** Local calendar days without activity after which a lead is stale. */
  readonly days: number;
}

export function touchedShares(
  table: EventTable,
  calendar: DealershipCalendar,
  panel: Panel,
  candidate: TouchedCandidate,
  lastDay: DayNumber,
): PanelMeasure {
  const arrivalStep = table.stepIndexOf(candidate.arrival);
  if (arrivalStep < 0) throw new CoreError('UNKNOWN_STEP', `The step "${candidate.arrival}" is not in the model.`);
  const arrival = table.firstAt(arrivalStep);
  const next = nextActivity(table, candidate, arrivalStep, arrival);
  const counted = new Uint8Array(table.subjectCount);
  const byRep: WeekCounts[] = [];
  for (let rep = 0; rep < table.repCount; rep++) {
    const weeks: WeekCounts = new Map();
    for (let row = table.userStart[rep] as number; row < (table.userStart[rep + 1] as number); row++) {
      const subject = table.subject[row] as number;
      if (table.step[row] !== arrivalStep || subject < 0 || counted[subject] === 1) continue;
      const at = table.at[row] as number;
      // A later event of the arrival step (the lead asking again) is no new lead; a suspicious one is no arrival.
      if (at !== arrival[subject] || table.suspicious[row] !== 0) continue;
      counted[subject] = 1;
      const day = calendar.dayOf(at);
      const week = weekOfDay(day);
      if (firstDayOfWeek(week) + 6 + candidate.days - 1 > lastDay) continue;
      tally(weeks, week, (next[subject] as number) < calendar.startOfDay(day + candidate.days) ? 1 : 0);
    }
    byRep.push(weeks);
  }
  return { id: candidate.id, kind: 'share', values: sharesOfRows(panel, byRep) };
}

/**
 * Per subject, the time of its first activity at or after its arrival other than the arrival
 * itself (+Infinity when none): one pass over the table, whoever the events are credited to.
 */
function nextActivity(
  table: EventTable,
  candidate: TouchedCandidate,
  arrivalStep: number,
  arrival: Float64Array,
): Float64Array {
  const activity = Uint8Array.from(table.stepIds, (id) => (!isInternalStep(id) || id === candidate.touch ? 1 : 0));
  const next = new Float64Array(table.subjectCount).fill(Number.POSITIVE_INFINITY);
  for (let row = 0; row < table.size; row++) {
    const subject = table.subject[row] as number;
    if (subject < 0 || table.suspicious[row] !== 0 || activity[table.step[row] as number] === 0) continue;
    const at = table.at[row] as number;
    const arrived = arrival[subject] as number;
    if (at < arrived || at >= (next[subject] as number)) continue;
    if (at === arrived && table.step[row] === arrivalStep) continue;
    next[subject] = at;
  }
  return next;
}
