/**
 * Calendar dates without a time zone, as day numbers: whole days since 1970-01-01 in the
 * proleptic Gregorian calendar. Day numbers make "the day before", "days between" and
 * "same day" plain integer arithmetic; `YYYY-MM-DD` strings appear only at the edges
 * (records read, records written, text shown to people).
 */
import type { Weekday } from './model';

export const DAY_MS = 86_400_000;

/** A calendar date as whole days since 1970-01-01. */
export type DayNumber = number;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Weekday of each `getUTCDay()` index (Sunday first, as JavaScript numbers them). */
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month; `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] as number);
}

/**
 * Parses a strict `YYYY-MM-DD` date; returns null for anything else, including dates that do
 * not exist (`2026-02-30`). Date's own parser would roll those over silently.
 */
export function dayFromDate(text: string): DayNumber | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromParts(year, month, day);
}

/**
 * Day number of a valid year, month (1–12) and day of month, by Hinnant's civil-to-days
 * arithmetic (Date.UTC would read the years 0–99 as 1900–1999).
 */
export function dayFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/**
 * `YYYY-MM-DD` of a day number (years 0–9999), by Howard Hinnant's days-to-civil arithmetic:
 * written dates are produced by the thousand per run, and this is several times faster than
 * formatting a Date.
 */
export function dateFromDay(day: DayNumber): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
}

export function weekdayOfDay(day: DayNumber): Weekday {
  // 1970-01-01 was a Thursday (index 4); the double modulo keeps days before 1970 positive.
  return WEEKDAYS[(((day + 4) % 7) + 7) % 7] as Weekday;
}

/** First and last day of the month that contains `day`. */
export function monthOfDay(day: DayNumber): { first: DayNumber; last: DayNumber } {
  const date = dateFromDay(day);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { first: dayFromParts(year, month, 1), last: dayFromParts(year, month, daysInMonth(year, month)) };
}
