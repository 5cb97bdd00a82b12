import { canonicalDateTime, formatDateTime, parseDateTime } from '../../../src/sandbox/time/datetime';
import { addMonths, localDate, startOfLocalDay, weekday } from '../../../src/sandbox/time/zone';

describe('datetimes in Salesforce form', () => {
  it('given an instant, then it is formatted with milliseconds and +0000', () => {
    expect(formatDateTime(Date.UTC(2026, 10, 20, 15, 4, 5))).toBe('2026-11-20T15:04:05.000+0000');
  });

  it.each([
    ['2026-11-20T15:04:05Z', '2026-11-20T15:04:05.000+0000'],
    ['2026-11-20T10:04:05-05:00', '2026-11-20T15:04:05.000+0000'],
    ['2026-11-20T15:04:05.123+0000', '2026-11-20T15:04:05.123+0000'],
    ['2026-11-20T15:04:05', '2026-11-20T15:04:05.000+0000'],
  ])('given %s, then its canonical form is %s', (input, expected) => {
    expect(canonicalDateTime(input)).toBe(expected);
  });

  it('given impossible calendar values, then parsing refuses them', () => {
    expect(parseDateTime('2026-02-30T00:00:00Z')).toBeNull();
    expect(parseDateTime('yesterday')).toBeNull();
  });
});

describe('calendar arithmetic in a time zone', () => {
  it('given a late-evening UTC instant, then its local date in Chicago is the day before', () => {
    expect(localDate(Date.UTC(2026, 10, 21, 3, 0), 'America/Chicago')).toEqual({ year: 2026, month: 11, day: 20 });
  });

  it('given days on both sides of a DST change, then local midnight moves by the offset change', () => {
    const before = startOfLocalDay({ year: 2026, month: 3, day: 7 }, 'America/Chicago');
    const after = startOfLocalDay({ year: 2026, month: 3, day: 9 }, 'America/Chicago');
    expect(new Date(before).toISOString()).toBe('2026-03-07T06:00:00.000Z');
    expect(new Date(after).toISOString()).toBe('2026-03-09T05:00:00.000Z');
  });

  it('given the last day of a month, then adding a month lands on the first of the month after next', () => {
    expect(addMonths({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 1 });
    expect(weekday({ year: 2026, month: 11, day: 22 })).toBe(0);
  });
});
