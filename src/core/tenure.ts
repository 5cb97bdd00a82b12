/**
 * How long a person has been there, in the periods they are measured over. Volumes and pace
 * count only the working days since the person started: a salesperson hired ten days ago has
 * had ten days to make calls, not the thirty of the window.
 */
import type { DealershipCalendar } from './calendar';
import type { Rep } from './model';
import type { Period } from './window';

/** Working days of `period` from the day the rep started (the whole period when unknown or earlier). */
export function workingDaysSince(calendar: DealershipCalendar, rep: Rep, period: Period): number {
  if (rep.activeSince === undefined || rep.activeSince === null || rep.activeSince < period.startMs)
    return period.workingDays;
  if (rep.activeSince >= period.endMs) return 0;
  return calendar.workingDaysBetween(calendar.dayOf(rep.activeSince), period.endDay);
}
