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

/** Days in a month; `month` is 1–12. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/** Day number of a valid year, month (1–12) and day of month. */
export function dayFromParts(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** `YYYY-MM-DD` of a day number. */
export function dateFromDay(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function weekdayOfDay(day: DayNumber): Weekday {
  // 1970-01-01 was a Thursday (index 4); the double modulo keeps days before 1970 positive.
  return WEEKDAYS[(((day + 4) % 7) + 7) % 7] as Weekday;
}

/** First and last day of the month that contains `day`. */
export function monthOfDay(day: DayNumber): { first: DayNumber; last: DayNumber } {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  return { first: dayFromParts(year, month, 1), last: dayFromParts(year, month, daysInMonth(year, month)) };
}
