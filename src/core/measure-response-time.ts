/**
 * Response time: from a subject's `from` event (a new lead) to the first `to` event on the
 * same subject (an attempt) by anyone. Decided semantics:
 * - the subjects measured are those whose first `from` event falls in the period; the rep is
 *   the one that event is credited to;
 * - minutes are business minutes when the dealership has opening hours (a lead that arrives
 *   on Saturday night is not late on Sunday if the store is closed), else plain minutes;
 * - everything is judged as of the end of the period (for the window: the start of today), not
 *   at `now`: an unanswered subject counts as outside the SLA once the SLA had elapsed by then,
 *   and is left out (pending) while it was still inside it; answers after the period's end are
 *   not yet seen. Judging at `now` would move the numbers hour by hour through the day (every
 *   lead that came in last evening flips from pending to late during the morning), while the
 *   window promises that all runs of one day see the same numbers;
 * - the value is the share within the SLA (Wilson interval), with the median minutes of the
 *   answered ones beside it.
 */
import type { DealershipCalendar } from './calendar';
import type { EventTable } from './event-table';
import type { ResponseTimeMeasure } from './model';
import type { MeasureResults, ResponseTimeResult } from './measure-results';
import { median, wilsonInterval } from './stats';
import type { Period } from './window';

interface Tally {
  within: number;
  decided: number;
  pending: number;
  minutes: number[];
}

export function measureResponseTime(
  table: EventTable,
  measure: ResponseTimeMeasure,
  period: Period,
  calendar: DealershipCalendar,
  confidence: number,
): MeasureResults<ResponseTimeResult> {
  const from = table.stepIndexOf(measure.from);
  const to = table.stepIndexOf(measure.to);
  const firstFrom = new Float64Array(table.subjectCount).fill(Number.POSITIVE_INFINITY);
  const firstFromUser = new Int32Array(table.subjectCount).fill(-1);
  for (let row = 0; row < table.size; row++) {
    const subject = table.subject[row] as number;
    const at = table.at[row] as number;
    if (table.step[row] !== from || subject < 0 || table.suspicious[row] !== 0) continue;
    if (at >= period.startMs && at < period.endMs && at < (firstFrom[subject] as number)) {
      firstFrom[subject] = at;
      firstFromUser[subject] = table.user[row] as number;
    }
  }
  const answer = new Float64Array(table.subjectCount).fill(Number.POSITIVE_INFINITY);
  for (let row = 0; row < table.size; row++) {
    const subject = table.subject[row] as number;
    const at = table.at[row] as number;
    if (table.step[row] !== to || subject < 0 || table.suspicious[row] !== 0) continue;
    if (at >= (firstFrom[subject] as number) && at < period.endMs && at < (answer[subject] as number))
      answer[subject] = at;
  }

  const tallies: Tally[] = Array.from({ length: table.repCount + 1 }, () => ({
    within: 0,
    decided: 0,
    pending: 0,
    minutes: [],
  }));
  const team = tallies[table.repCount] as Tally;
  for (let subject = 0; subject < table.subjectCount; subject++) {
    const rep = firstFromUser[subject] as number;
    if (rep < 0 || rep >= table.repCount) continue;
    const start = firstFrom[subject] as number;
    const answeredAt = answer[subject] as number;
    const own = tallies[rep] as Tally;
    const inTeam = table.isSalesperson[rep] === 1;
    if (answeredAt !== Number.POSITIVE_INFINITY) {
      const minutes = calendar.businessMinutesBetween(start, answeredAt);
      countAnswered(own, minutes, measure.slaMinutes);
      if (inTeam) countAnswered(team, minutes, measure.slaMinutes);
    } else {
      // Capped just past the SLA: an old unanswered lead need not have every day since counted.
      const late = calendar.businessMinutesBetween(start, period.endMs, measure.slaMinutes + 1) > measure.slaMinutes;
      countUnanswered(own, late);
      if (inTeam) countUnanswered(team, late);
    }
  }

  const result = (tally: Tally): ResponseTimeResult => ({
    kind: 'responseTime',
    measure: measure.id,
    from: measure.from,
    to: measure.to,
    within: tally.within,
    decided: tally.decided,
    pending: tally.pending,
    value: tally.decided > 0 ? tally.within / tally.decided : null,
    interval: wilsonInterval(tally.within, tally.decided, confidence),
    medianMinutes: median(tally.minutes),
    slaMinutes: measure.slaMinutes,
    target: measure.target,
  });
  return { reps: tallies.slice(0, table.repCount).map(result), team: result(team) };
}

function countAnswered(tally: Tally, minutes: number, slaMinutes: number): void {
  tally.decided++;
  if (minutes <= slaMinutes) tally.within++;
  tally.minutes.push(minutes);
}

function countUnanswered(tally: Tally, late: boolean): void {
  if (late) tally.decided++;
  else tally.pending++;
}
