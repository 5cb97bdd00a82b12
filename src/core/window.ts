/**
 * The periods measured. The window is the `windowDays` complete local days ending the day
 * before `now`: today is never part of it, so every run on one day (hourly syncs) sees the
 * same numbers, and a half-finished day never makes a rep look idle.
 */
import type { DealershipCalendar } from './calendar';
import { type DayNumber, dateFromDay } from './civil-date';

/** A span of whole local days, as dates, day numbers and the instants [startMs, endMs). */
export interface Period {
  startDate: string;
  /** Last day included. */
  endDate: string;
  startDay: DayNumber;
  endDay: DayNumber;
  startMs: number;
  /** First instant after the period (local midnight after `endDay`). */
  endMs: number;
  workingDays: number;
}

export interface MeasureWindow extends Period {
  /** Today's local date at `now`. */
  today: string;
  todayDay: DayNumber;
}

/** Month to date for pace: from the 1st to yesterday, with the month's working days. */
export interface MonthToDate extends Period {
  monthEndDate: string;
  workingDaysInMonth: number;
}

/** A period of whole local days; empty (no working days, endMs = startMs) when last < first. */
export function periodOf(calendar: DealershipCalendar, first: DayNumber, last: DayNumber): Period {
  const startMs = calendar.startOfDay(first);
  return {
    startDate: dateFromDay(first),
    endDate: dateFromDay(last),
    startDay: first,
    endDay: last,
    startMs,
    endMs: last < first ? startMs : calendar.startOfDay(last + 1),
    workingDays: calendar.workingDaysBetween(first, last),
  };
}

export function measureWindow(calendar: DealershipCalendar, now: number, windowDays: number): MeasureWindow {
  const todayDay = calendar.dayOf(now);
  const last = todayDay - 1;
  return { ...periodOf(calendar, last - windowDays + 1, last), today: dateFromDay(todayDay), todayDay };
}

/**
 * The month that contains today, measured up to yesterday. On the 1st it is empty: nothing
 * is expected yet, so nobody is behind.
 */
export function monthToDate(calendar: DealershipCalendar, now: number): MonthToDate {
  const todayDay = calendar.dayOf(now);
  const month = calendar.monthOf(todayDay);
  return {
    ...periodOf(calendar, month.first, todayDay - 1),
    monthEndDate: dateFromDay(month.last),
    workingDaysInMonth: calendar.workingDaysBetween(month.first, month.last),
  };
}
