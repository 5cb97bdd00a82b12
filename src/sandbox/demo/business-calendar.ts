import { addDays, isoDate, weekdayOf, ZonedClock, type LocalDate } from './zoned-time';

/** The demo dealership is open Monday to Saturday, 09:00–20:00 local time. */
export const OPEN_HOUR = 9;
export const CLOSE_HOUR = 20;
const SUNDAY = 0;
export const BUSINESS_DAY_SECONDS = (CLOSE_HOUR - OPEN_HOUR) * 3600;

/**
 * Business time as one number line. A position `b` counts the seconds the dealership has been
 * open since the first business day of the history: day `floor(b / BUSINESS_DAY_SECONDS)`,
 * second `b % BUSINESS_DAY_SECONDS` after opening. Anything placed on this line falls inside
 * business hours by construction, "30 business minutes later" is `b + 1800`, and turning a
 * position into an instant is one array read, which keeps the per-record loop cheap.
 */
export class BusinessCalendar {
  private readonly openMs: number[] = [];
  private readonly dates: string[] = [];
  /** Position of `now`: every position below it is in the past. */
  readonly nowB: number;
  /** Index of the first business day dated today or later (due dates before it are overdue). */
  readonly todayIndex: number;
  /** `YYYY-MM-DD` of `now` in the dealership's zone. */
  readonly today: string;

  /**
   * Covers the business days from `historyDays` calendar days before `now` to `futureDays`
   * business days after it (room for appointments and due dates still to come).
   */
  constructor(now: number, historyDays: number, timeZone: string, futureDays: number) {
    const clock = new ZonedClock(timeZone);
    const nowParts = clock.partsOf(now);
    const todayDate: LocalDate = { year: nowParts.year, month: nowParts.month, day: nowParts.day };
    this.today = isoDate(todayDate);

    let date = addDays(todayDate, -historyDays);
    let todayIndex = -1;
    for (let futureLeft = futureDays; futureLeft > 0; date = addDays(date, 1)) {
      const iso = isoDate(date);
      if (iso >= this.today) {
        if (todayIndex < 0) todayIndex = this.dates.length;
        if (iso > this.today) futureLeft--;
      }
      if (weekdayOf(date) === SUNDAY) continue;
      const open = clock.epochOf(date, OPEN_HOUR, 0);
      const close = clock.epochOf(date, CLOSE_HOUR, 0);
      // A day whose opening hours contain a DST change (not the case in the Americas or Europe,
      // which change at night) would not be 11 hours long; treating it as closed keeps every
      // position inside the real opening hours.
      if (close - open !== BUSINESS_DAY_SECONDS * 1000 || clock.partsOf(open).hour !== OPEN_HOUR) continue;
      this.openMs.push(open);
      this.dates.push(iso);
    }
    this.todayIndex = todayIndex;
    this.nowB = this.positionOf(now);
  }

  get dayCount(): number {
    return this.openMs.length;
  }

  /** Instant (epoch ms) of a position. */
  epochOf(b: number): number {
    const day = Math.floor(b / BUSINESS_DAY_SECONDS);
    const open = this.openMs[day];
    if (open === undefined) throw new RangeError(`business position ${b} is outside the calendar`);
    return open + (b - day * BUSINESS_DAY_SECONDS) * 1000;
  }

  dayOf(b: number): number {
    return Math.floor(b / BUSINESS_DAY_SECONDS);
  }

  /** Position of the opening of a business day. */
  dayStart(day: number): number {
    return day * BUSINESS_DAY_SECONDS;
  }

  /** `YYYY-MM-DD` (local) of a business day. */
  dateOfDay(day: number): string {
    const date = this.dates[day];
    if (date === undefined) throw new RangeError(`business day ${day} is outside the calendar`);
    return date;
  }

  dateOf(b: number): string {
    return this.dateOfDay(this.dayOf(b));
  }

  /** Seconds of business time elapsed before an instant (0 before the first opening). */
  private positionOf(epochMs: number): number {
    let position = 0;
    for (let day = 0; day < this.openMs.length; day++) {
      const open = this.openMs[day] as number;
      if (epochMs < open) break;
      position = day * BUSINESS_DAY_SECONDS + Math.min(BUSINESS_DAY_SECONDS, Math.floor((epochMs - open) / 1000));
    }
    return position;
  }
}
