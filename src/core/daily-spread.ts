/**
 * How much a rep's daily count of a step varies from day to day, beyond Poisson: the variance of
 * the counts on the working days they were there, over their mean. Real people have busy days
 * and slow days; a volume test that assumes Poisson flags a rep who works exactly as expected
 * far more often than its confidence says. One pass over the rep's events (sorted by time),
 * with the day boundaries computed once, so no time-zone arithmetic per event.
 */
import type { DealershipCalendar } from './calendar';
import type { EventTable } from './event-table';
import type { Period } from './window';

/** Fewer working days than this give no usable estimate of a spread. */
export const MIN_SPREAD_DAYS = 5;

export class DailySpread {
  /** Start instant of each day of the period, and one past the last. */
  private readonly bounds: number[] = [];
  private readonly working: boolean[] = [];

  constructor(
    private readonly table: EventTable,
    calendar: DealershipCalendar,
    period: Period,
  ) {
    for (let day = period.startDay; day <= period.endDay; day++) {
      this.bounds.push(calendar.startOfDay(day));
      this.working.push(calendar.isWorkingDay(day));
    }
    this.bounds.push(period.endMs);
  }

  /**
   * Variance over mean of the rep's daily counts of `step` on working days from `fromMs` on
   * (their start); null without MIN_SPREAD_DAYS such days or without any event.
   */
  dispersionOf(repIndex: number, step: string, fromMs = Number.NEGATIVE_INFINITY): number | null {
    const { table, bounds, working } = this;
    const stepIndex = table.stepIndexOf(step);
    const days = bounds.length - 1;
    if (stepIndex < 0 || days <= 0) return null;
    const perDay = new Int32Array(days);
    let day = 0;
    for (
      let row = table.userStart[repIndex] as number, end = table.userStart[repIndex + 1] as number;
      row < end;
      row++
    ) {
      const at = table.at[row] as number;
      if (at < (bounds[0] as number) || table.step[row] !== stepIndex || table.suspicious[row] !== 0) continue;
      while (day < days && at >= (bounds[day + 1] as number)) day++;
      if (day >= days) break;
      perDay[day] = (perDay[day] as number) + 1;
    }
    let n = 0;
    let sum = 0;
    let squares = 0;
    for (let d = 0; d < days; d++) {
      if (!working[d] || (bounds[d + 1] as number) <= fromMs) continue;
      const count = perDay[d] as number;
      n++;
      sum += count;
      squares += count * count;
    }
    if (n < MIN_SPREAD_DAYS || sum === 0) return null;
    const mean = sum / n;
    const variance = (squares - n * mean * mean) / (n - 1);
    return variance / mean;
  }
}
