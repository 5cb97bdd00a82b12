import { BUSINESS_DAY_SECONDS, BusinessCalendar } from '../../../src/sandbox/demo/business-calendar';
import { LocalTime } from './local-time';

const CHICAGO = 'America/Chicago';
const chicago = new LocalTime(CHICAGO);
const FRIDAY_1530_CST = Date.parse('2026-11-20T21:30:00Z');

/** Positions of the opening of every business day of a calendar. */
function openings(calendar: BusinessCalendar): number[] {
  return Array.from({ length: calendar.dayCount }, (_, day) => calendar.epochOf(calendar.dayStart(day)));
}

describe('the business calendar', () => {
  it('given a history across the end of DST, when each day opens, then it is 09:00 local on a Monday–Saturday', () => {
    const calendar = new BusinessCalendar(FRIDAY_1530_CST, 30, CHICAGO, 7);
    for (const open of openings(calendar)) {
      expect(chicago.secondOfDay(open)).toBe(9 * 3600);
      expect(LocalTime.weekday(chicago.date(open))).not.toBe(0);
    }
    const dates = openings(calendar).map((ms) => chicago.date(ms));
    const saturday = openings(calendar)[dates.indexOf('2026-10-31')];
    const monday = openings(calendar)[dates.indexOf('2026-11-02')];
    expect(new Date(saturday as number).toISOString()).toBe('2026-10-31T14:00:00.000Z'); // CDT, UTC−5
    expect(new Date(monday as number).toISOString()).toBe('2026-11-02T15:00:00.000Z'); // CST, UTC−6
    expect(dates).not.toContain('2026-11-01');
  });

  it('given the start of DST in March, when the last second of the Saturday and the first of the Monday are read, then both are in hours', () => {
    const calendar = new BusinessCalendar(Date.parse('2027-03-20T18:00:00Z'), 14, CHICAGO, 7);
    const dates = openings(calendar).map((ms) => chicago.date(ms));
    const saturday = dates.indexOf('2027-03-13');
    const lastSecond = calendar.epochOf(calendar.dayStart(saturday) + BUSINESS_DAY_SECONDS - 1);
    expect(chicago.secondOfDay(lastSecond)).toBe(20 * 3600 - 1);
    expect(new Date(calendar.epochOf(calendar.dayStart(saturday + 1))).toISOString()).toBe('2027-03-15T14:00:00.000Z');
  });

  it('given now inside business hours, when its position is turned back into an instant, then it is now to the second', () => {
    const calendar = new BusinessCalendar(FRIDAY_1530_CST + 700, 10, CHICAGO, 7);
    expect(calendar.epochOf(calendar.nowB)).toBe(FRIDAY_1530_CST);
    expect(calendar.today).toBe('2026-11-20');
    expect(calendar.dateOfDay(calendar.todayIndex)).toBe('2026-11-20');
  });

  it('given now on a Sunday, when positioned, then every earlier position is before now and today is the Monday', () => {
    const sundayNoon = Date.parse('2026-11-22T18:00:00Z');
    const calendar = new BusinessCalendar(sundayNoon, 10, CHICAGO, 7);
    expect(calendar.epochOf(calendar.nowB - 1)).toBeLessThan(sundayNoon);
    expect(chicago.date(calendar.epochOf(calendar.nowB - 1))).toBe('2026-11-21');
    expect(calendar.dateOfDay(calendar.todayIndex)).toBe('2026-11-23');
  });

  it('given a position beyond the calendar, when read, then it is refused rather than guessed', () => {
    const calendar = new BusinessCalendar(FRIDAY_1530_CST, 10, CHICAGO, 7);
    expect(() => calendar.epochOf(calendar.dayCount * BUSINESS_DAY_SECONDS)).toThrow(RangeError);
  });
});
