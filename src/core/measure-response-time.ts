/**
 * Response time: from a subject's `from` event (a new lead) to the first `to` event on the
 * same subject (an attempt) by anyone. Decided semantics:
 * - the subjects measured are those whose first `from` event falls in the period; the rep is
 *   the one that event is credited to;
 * - minutes are business minutes when the dealership has opening hours (a lead that arrives
 *   on Saturday night is not late on Sunday if the store is closed), else plain minutes;
 * - an unanswered subject counts as outside the SLA once the SLA has elapsed at `now`, and is
 *   left out (pending) while it is still inside it;
 * - the value is the share within the SLA (Wilson interval), with the median minutes of the
 *   answered ones beside it.
 */
import type { DealershipCalendar } from './calendar';
import type { EventTable } from './event-table';
import type { ResponseTimeMeasure } from './model';
import type { MeasureOutcome, ResponseTimeResult } from './measure-results';
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
  now: number,
  confidence: number,
): MeasureOutcome<ResponseTimeResult> {
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
    if (at >= (firstFrom[subject] as number) && at < (answer[subject] as number)) answer[subject] = at;
  }

  const tallies: Tally[] = Array.from({ length: table.repCount + 1 }, () => ({ within: 0, decided: 0, pending: 0, minutes: [] }));
  const team = tallies[table.repCount] as Tally;
  for (let subject = 0; subject < table.subjectCount; subject++) {
    const rep = firstFromUser[subject] as number;
    if (rep < 0 || rep >= table.repCount) continue;
    const start = firstFrom[subject] as number;
    const answeredAt = answer[subject] as number;
    const targets = table.isSalesperson[rep] === 1 ? [tallies[rep] as Tally, team] : [tallies[rep] as Tally];
    if (answeredAt !== Number.POSITIVE_INFINITY) {
      const minutes = calendar.businessMinutesBetween(start, answeredAt);
      for (const tally of targets) {
        tally.decided++;
        if (minutes <= measure.slaMinutes) tally.within++;
        tally.minutes.push(minutes);
      }
    } else {
      // Capped just past the SLA: an old unanswered lead need not have every day since counted.
      const elapsed = calendar.businessMinutesBetween(start, now, measure.slaMinutes + 1);
      for (const tally of targets) {
        if (elapsed > measure.slaMinutes) tally.decided++;
        else tally.pending++;
      }
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
