/**
 * Time as the generated dealership lives it: working days, opening hours and business minutes
 * in its zone. The day arithmetic comes from the core's calendar (its zone handling is checked
 * against references elsewhere); what is built on it here is the generator's own, so a wrong
 * rule about response time or staleness in the core is not copied into the truth.
 */
import { DealershipCalendar } from '../../src/core/calendar';
import { DAY_MS, type DayNumber, dateFromDay } from '../../src/core/civil-date';
import type { DealershipModel } from '../../src/core/model';
import type { Random } from './random';

const MINUTE_MS = 60_000;

export class StoreClock {
  readonly calendar: DealershipCalendar;
  /** Opening and closing, minutes after local midnight. */
  readonly open: number;
  readonly close: number;

  constructor(dealership: DealershipModel) {
    this.calendar = new DealershipCalendar(dealership);
    const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
    this.open = dealership.hours ? minutes(dealership.hours.open) : 0;
    this.close = dealership.hours ? minutes(dealership.hours.close) : 24 * 60;
  }

  dayOf(instant: number): DayNumber {
    return this.calendar.dayOf(instant);
  }

  isWorkingDay(day: DayNumber): boolean {
    return this.calendar.isWorkingDay(day);
  }

  /** The instant of `minute` (after local midnight) on `day`. */
  at(day: DayNumber, minute: number): number {
    return this.calendar.instantAt(day, minute);
  }

  /** The working day `n` working days after `day` (n = 0: `day` or the next working day). */
  addWorkingDays(day: DayNumber, n: number): DayNumber {
    return this.calendar.addWorkingDays(day, n);
  }

  /** A random instant inside opening hours on `day`, at least `marginMinutes` before closing. */
  timeDuringHours(random: Random, day: DayNumber, marginMinutes = 30): number {
    const span = Math.max(1, this.close - this.open - marginMinutes);
    return this.at(day, this.open + random.next() * span);
  }

  /**
   * The instant `minutes` business minutes after `from`: minutes count only inside opening
   * hours on working days, as the SLA of a lead response is meant.
   */
  addBusinessMinutes(from: number, minutes: number): number {
    let left = minutes * MINUTE_MS;
    for (let day = this.dayOf(from); ; day++) {
      if (!this.isWorkingDay(day)) continue;
      const open = this.at(day, this.open);
      const close = this.at(day, this.close);
      const start = Math.max(from, open);
      if (start >= close) continue;
      if (start + left <= close) return start + left;
      left -= close - start;
    }
  }

  /** Working days from `first` to `last`, both included. */
  workingDaysBetween(first: DayNumber, last: DayNumber): number {
    return this.calendar.workingDaysBetween(first, last);
  }
}

const clocks = new WeakMap<DealershipModel, StoreClock>();

/** One clock per dealership model: the calendar caches its zone's offsets, which a run of many stores reuses. */
export function clockOf(dealership: DealershipModel): StoreClock {
  let clock = clocks.get(dealership);
  if (!clock) clocks.set(dealership, (clock = new StoreClock(dealership)));
  return clock;
}

/** A Salesforce REST datetime: `2026-11-20T15:04:05.000+0000`. */
export function sfDateTime(instant: number): string {
  return new Date(instant).toISOString().replace('Z', '+0000');
}

/** A Salesforce date of a local day: `2026-11-20`. */
export function sfDate(day: DayNumber): string {
  return dateFromDay(day);
}

export { DAY_MS, MINUTE_MS };
