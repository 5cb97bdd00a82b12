import { BUSINESS_DAY_SECONDS, type BusinessCalendar } from './business-calendar';
import type { Rng } from './rng';
import type { RecordFactory } from './record-factory';

/** What every journey needs: the calendar, the record factory and who the lead feed is. */
export interface JourneyContext {
  calendar: BusinessCalendar;
  factory: RecordFactory;
  /** Creator of leads that arrive through the feed (web, partners): the integration user. */
  integrationUserId: string;
}

export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = BUSINESS_DAY_SECONDS;

/** A whole number of business seconds in [lo, hi]. */
export function span(rng: Rng, lo: number, hi: number): number {
  return rng.int(Math.round(lo), Math.round(hi));
}
