import fc from 'fast-check';
import { DealershipCalendar } from '../../src/core/calendar';
import { dateFromDay, dayFromDate, weekdayOfDay } from '../../src/core/civil-date';
import { CoreError } from '../../src/core/core-error';
import { local, ZONE } from './builders';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const day = (date: string): number => dayFromDate(date) as number;
const chicago = (over: Partial<ConstructorParameters<typeof DealershipCalendar>[0]> = {}): DealershipCalendar =>
  new DealershipCalendar({ timeZone: ZONE, workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: [], ...over });

describe('civil dates', () => {
  it('given strict dates, when parsed, then impossible dates are refused instead of rolled over', () => {
    expect(dayFromDate('1970-01-01')).toBe(0);
    expect(dateFromDay(day('2026-03-08'))).toBe('2026-03-08');
    expect(dayFromDate('2026-02-30')).toBeNull();
    expect(dayFromDate('2026-2-3')).toBeNull();
    expect(weekdayOfDay(day('2026-11-20'))).toBe('fri');
  });
});

describe('the dealership calendar', () => {
  it('given an unknown time zone, then it throws a coded error', () => {
    expect(() => chicago({ timeZone: 'Mars/Olympus' })).toThrow(CoreError);
  });

  it('given instants either side of local midnight, when asked for the local date, then midnight starts the new day', () => {
    const calendar = chicago();
    const midnight = local('2026-11-20', '00:00');
    expect(new Date(midnight).toISOString()).toBe('2026-11-20T06:00:00.000Z');
    expect(dateFromDay(calendar.dayOf(midnight))).toBe('2026-11-20');
    expect(dateFromDay(calendar.dayOf(midnight - 1))).toBe('2026-11-19');
    expect(calendar.startOfDay(day('2026-11-20'))).toBe(midnight);
  });

  it('given the spring-forward day in Chicago, then the day is 23 hours long and local times map across the gap', () => {
    const calendar = chicago();
    const start = calendar.startOfDay(day('2026-03-08'));
    const next = calendar.startOfDay(day('2026-03-09'));
    expect(next - start).toBe(23 * HOUR);
    expect(new Date(start).toISOString()).toBe('2026-03-08T06:00:00.000Z');
    expect(new Date(next).toISOString()).toBe('2026-03-09T05:00:00.000Z');
    // 02:30 does not exist that night: it is read with the offset before the gap (03:30 CDT).
    expect(new Date(calendar.instantAt(day('2026-03-08'), 150)).toISOString()).toBe('2026-03-08T08:30:00.000Z');
    expect(dateFromDay(calendar.dayOf(next - 1))).toBe('2026-03-08');
  });

  it('given the fall-back day in Chicago, then the day is 25 hours long and the repeated hour stays on that day', () => {
    const calendar = chicago();
    const start = calendar.startOfDay(day('2026-11-01'));
    const next = calendar.startOfDay(day('2026-11-02'));
    expect(next - start).toBe(25 * HOUR);
    const firstOneThirty = Date.parse('2026-11-01T06:30:00Z');
    const secondOneThirty = Date.parse('2026-11-01T07:30:00Z');
    expect(calendar.offsetAt(firstOneThirty)).toBe(-5 * HOUR);
    expect(calendar.offsetAt(secondOneThirty)).toBe(-6 * HOUR);
    expect(dateFromDay(calendar.dayOf(secondOneThirty))).toBe('2026-11-01');
  });

  it('given a transition inside a cached hour of a zone with a half-hour shift, then each instant still gets its exact offset', () => {
    // Lord Howe Island moves 30 minutes at 02:00 local (15:30 UTC), in the middle of a UTC hour.
    const calendar = new DealershipCalendar({ timeZone: 'Australia/Lord_Howe', workingDays: [], holidays: [] });
    const before = Date.parse('2026-10-03T15:29:00Z');
    const after = Date.parse('2026-10-03T15:31:00Z');
    expect(calendar.offsetAt(before)).toBe(10.5 * HOUR);
    expect(calendar.offsetAt(after)).toBe(11 * HOUR);
  });

  it('given working days and holidays, then working days are counted inclusively and skip both', () => {
    const calendar = chicago({ holidays: ['2026-11-26'] });
    // Mon 2026-11-23 … Sun 2026-11-29: five weekdays minus Thanksgiving.
    expect(calendar.workingDaysBetween(day('2026-11-23'), day('2026-11-29'))).toBe(4);
    expect(calendar.isWorkingDay(day('2026-11-26'))).toBe(false);
    expect(calendar.workingDaysBetween(day('2026-11-29'), day('2026-11-23'))).toBe(0);
    expect(dateFromDay(calendar.addWorkingDays(day('2026-11-25'), 1))).toBe('2026-11-27');
    expect(dateFromDay(calendar.addWorkingDays(day('2026-11-28'), 0))).toBe('2026-11-30');
  });

  it('given a month, then its bounds are its first and last day', () => {
    const month = chicago().monthOf(day('2028-02-15'));
    expect([dateFromDay(month.first), dateFromDay(month.last)]).toEqual(['2028-02-01', '2028-02-29']);
  });

  it('given opening hours, when counting minutes from Friday evening to Monday morning, then only open minutes count', () => {
    const calendar = chicago({ hours: { open: '09:00', close: '18:00' } });
    const friday = local('2026-11-20', '17:50');
    const monday = local('2026-11-23', '09:20');
    expect(calendar.businessMinutesBetween(friday, monday)).toBe(30);
    expect(calendar.businessMinutesBetween(friday, monday, 15)).toBe(15);
    expect(calendar.businessMinutesBetween(monday, friday)).toBe(0);
  });

  it('given no opening hours, then business minutes are plain minutes, across a DST change too', () => {
    const calendar = chicago();
    expect(
      calendar.businessMinutesBetween(Date.parse('2026-03-08T07:00:00Z'), Date.parse('2026-03-08T09:00:00Z')),
    ).toBe(120);
  });

  it('given opening hours on a DST day, then the open minutes follow the local clock', () => {
    const calendar = chicago({ workingDays: ['sun'], hours: { open: '00:00', close: '23:59' } });
    // 2026-03-08 has 23 hours; from 00:00 to 23:59 local there are 22 h 59 min of real time.
    expect(
      calendar.businessMinutesBetween(calendar.startOfDay(day('2026-03-08')), calendar.startOfDay(day('2026-03-09'))),
    ).toBe(22 * 60 + 59);
  });
});

describe('a zone whose midnight falls in a DST gap', () => {
  it('given Santiago on the day clocks jump from 00:00 to 01:00, then the day starts when the gap ends', () => {
    // Chile springs forward on 2026-09-06 at 00:00 local (-04 → -03).
    const calendar = new DealershipCalendar({ timeZone: 'America/Santiago', workingDays: [], holidays: [] });
    const start = calendar.startOfDay(dayFromDate('2026-09-06') as number);
    expect(new Date(start).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(dateFromDay(calendar.dayOf(start))).toBe('2026-09-06');
    expect(dateFromDay(calendar.dayOf(start - 1))).toBe('2026-09-05');
  });
});

describe('day numbers back to dates', () => {
  it('property: dateFromDay agrees with Date for every day from year 1 to 9999 sampled', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (day) => {
        expect(dateFromDay(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
        expect(dayFromDate(dateFromDay(day))).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });
});
