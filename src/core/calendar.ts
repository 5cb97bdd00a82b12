/**
 * The dealership's calendar: local dates, working days and opening hours in its IANA time
 * zone, computed with Intl only (no time-zone package, no host zone). Converting an instant
 * costs one cached lookup: the zone's UTC offset is computed once per UTC hour and reused, and
 * hours in which the offset changes (DST transitions) are recognised and computed exactly.
 */
import { DAY_MS, type DayNumber, dayFromDate, monthOfDay, weekdayOfDay } from './civil-date';
import { CoreError } from './core-error';
import type { DealershipModel, Weekday } from './model';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;
/** Marks an hour whose offset changes inside it, so each instant in it is computed exactly. */
const MIXED_HOUR = Number.NaN;

export type CalendarModel = Pick<DealershipModel, 'timeZone' | 'workingDays' | 'holidays' | 'hours'>;

export class DealershipCalendar {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat;
  private readonly workingWeekdays: ReadonlySet<Weekday>;
  private readonly holidays: ReadonlySet<DayNumber>;
  /** Opening hours as minutes after local midnight; null means every minute counts. */
  private readonly hours: { open: number; close: number } | null;
  private readonly hourOffsets = new Map<number, number>();
  private readonly dayStarts = new Map<DayNumber, number>();

  constructor(model: CalendarModel) {
    this.timeZone = model.timeZone;
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone: model.timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (error) {
      throw new CoreError(
        'INVALID_TIME_ZONE',
        `"${model.timeZone}" is not an IANA time zone this runtime knows.`,
        error,
      );
    }
    this.workingWeekdays = new Set(model.workingDays);
    this.holidays = new Set(model.holidays.map((date) => parseDayOrThrow(date, 'holiday')));
    this.hours = model.hours ? { open: parseClock(model.hours.open), close: parseClock(model.hours.close) } : null;
  }

  /** Offset of local time from UTC at `instant`, in ms (positive east of Greenwich). */
  offsetAt(instant: number): number {
    const hour = Math.floor(instant / HOUR_MS);
    let offset = this.hourOffsets.get(hour);
    if (offset === undefined) {
      const atStart = this.computeOffset(hour * HOUR_MS);
      const atEnd = this.computeOffset(hour * HOUR_MS + HOUR_MS - 1);
      offset = atStart === atEnd ? atStart : MIXED_HOUR;
      this.hourOffsets.set(hour, offset);
    }
    return Number.isNaN(offset) ? this.computeOffset(instant) : offset;
  }

  /** The local calendar day of an instant. */
  dayOf(instant: number): DayNumber {
    return Math.floor((instant + this.offsetAt(instant)) / DAY_MS);
  }

  /** Minutes after local midnight of an instant (0–1439, or more on a day that repeats an hour). */
  minuteOfDay(instant: number): number {
    return Math.floor((instant - this.startOfDay(this.dayOf(instant))) / MINUTE_MS);
  }

  /** The first instant of a local day (local midnight, or the end of a DST gap that swallows it). */
  startOfDay(day: DayNumber): number {
    let start = this.dayStarts.get(day);
    if (start === undefined) {
      start = this.instantAt(day, 0);
      this.dayStarts.set(day, start);
    }
    return start;
  }

  /**
   * The instant of a local wall-clock time. A time that does not exist (in a spring-forward
   * gap) is read with the offset in force before the gap, as Temporal's "compatible" rule does
   * (02:30 → 03:30), so a day whose midnight falls in a gap starts when the gap ends; a time
   * that occurs twice maps to one of its occurrences.
   */
  instantAt(day: DayNumber, minuteOfDay: number): number {
    const wall = day * DAY_MS + minuteOfDay * MINUTE_MS;
    const guess = this.offsetAt(wall);
    const first = this.offsetAt(wall - guess);
    if (first === guess) return wall - guess;
    const second = this.offsetAt(wall - first);
    if (second === first) return wall - first;
    return wall - Math.min(first, second);
  }

  weekday(day: DayNumber): Weekday {
    return weekdayOfDay(day);
  }

  isWorkingDay(day: DayNumber): boolean {
    return this.workingWeekdays.has(weekdayOfDay(day)) && !this.holidays.has(day);
  }

  /** Working days from `first` to `last`, both included (0 when last < first). */
  workingDaysBetween(first: DayNumber, last: DayNumber): number {
    let count = 0;
    for (let day = first; day <= last; day++) if (this.isWorkingDay(day)) count++;
    return count;
  }

  /** The working day `n` working days after `day` (n = 0: `day` itself, or the next working day). */
  addWorkingDays(day: DayNumber, n: number): DayNumber {
    if (this.workingWeekdays.size === 0) return day + n;
    let current = day;
    while (!this.isWorkingDay(current)) current++;
    for (let left = n; left > 0;) {
      current++;
      if (this.isWorkingDay(current)) left--;
    }
    return current;
  }

  monthOf(day: DayNumber): { first: DayNumber; last: DayNumber } {
    return monthOfDay(day);
  }

  /**
   * Minutes between two instants that fall inside opening hours on working days (all minutes
   * when the dealership has no hours). Stops counting at `cap`, so asking "has the SLA passed?"
   * about an old unanswered lead does not walk every day since.
   */
  businessMinutesBetween(from: number, to: number, cap = Number.POSITIVE_INFINITY): number {
    if (to <= from) return 0;
    if (!this.hours) return Math.min((to - from) / MINUTE_MS, cap);
    let totalMs = 0;
    const capMs = cap * MINUTE_MS;
    for (let day = this.dayOf(from), last = this.dayOf(to); day <= last && totalMs < capMs; day++) {
      if (!this.isWorkingDay(day)) continue;
      const open = this.instantAt(day, this.hours.open);
      const close = this.instantAt(day, this.hours.close);
      totalMs += Math.max(0, Math.min(to, close) - Math.max(from, open));
    }
    return Math.min(totalMs / MINUTE_MS, cap);
  }

  private computeOffset(instant: number): number {
    const parts = this.format.formatToParts(instant);
    const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(
      field('year'),
      field('month') - 1,
      field('day'),
      field('hour'),
      field('minute'),
      field('second'),
    );
    // The formatted wall time has whole seconds; compare it with the instant rounded the same way.
    return wall - Math.floor(instant / 1000) * 1000;
  }
}

function parseDayOrThrow(date: string, what: string): DayNumber {
  const day = dayFromDate(date);
  if (day === null) throw new CoreError('INVALID_DATE', `The ${what} "${date}" is not a YYYY-MM-DD date.`);
  return day;
}

function parseClock(text: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  if (!match) throw new CoreError('INVALID_TIME', `The opening time "${text}" is not HH:MM.`);
  return Number(match[1]) * 60 + Number(match[2]);
}
