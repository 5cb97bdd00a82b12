import { z } from 'zod';
import type { Weekday } from '../../core/model';
import { calendarDate, clock, nonEmpty, timeZone } from './primitives';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const satisfies readonly Weekday[];

const hoursSchema = z
  .strictObject({
    open: clock().describe('Opening time, 24-hour HH:MM local time, e.g. "09:00".'),
    close: clock().describe('Closing time, 24-hour HH:MM local time, e.g. "20:00"; later than `open`.'),
  })
  // HH:MM strings of equal width compare in time order.
  .refine((hours) => hours.open < hours.close, {
    error: 'closing time must be later than opening time',
    path: ['close'],
  })
  .describe(
    'Opening hours. Lead response time counts only minutes inside them, so a lead at 19:55 is not late at 09:10.',
  );

export const dealershipSchema = z
  .strictObject({
    name: nonEmpty().describe('Name of the dealership (or group), shown in reports.'),
    timeZone: timeZone().describe(
      'IANA time zone of the store, e.g. "America/Chicago". Days, periods and working days are counted in it.',
    ),
    workingDays: z
      .array(z.enum(WEEKDAYS).describe('A weekday: mon, tue, wed, thu, fri, sat or sun.'))
      .min(1, { error: 'needs at least one working day' })
      .refine((days) => new Set(days).size === days.length, { error: 'lists a weekday twice' })
      .describe('Weekdays the store sells on. Volumes are per working day; days off do not count against anyone.'),
    holidays: z
      .array(calendarDate().describe('A date (YYYY-MM-DD) the store is closed.'))
      .default([])
      .describe('Dates the store is closed even though their weekday is a working day, e.g. "2026-12-25".'),
    hours: hoursSchema.optional(),
  })
  .describe('The store: its name, time zone and working calendar.');
