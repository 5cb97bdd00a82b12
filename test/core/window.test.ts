import { DealershipCalendar } from '../../src/core/calendar';
import { measureWindow, monthToDate } from '../../src/core/window';
import { local, ZONE } from './builders';

const calendar = new DealershipCalendar({
  timeZone: ZONE,
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  holidays: ['2026-11-26'],
});

describe('the measured window', () => {
  it('given any hour of one local day, then the window is the same complete days ending yesterday', () => {
    const early = measureWindow(calendar, local('2026-11-25', '00:05'), 7);
    const late = measureWindow(calendar, local('2026-11-25', '23:55'), 7);
    expect(late).toEqual(early);
    expect([early.startDate, early.endDate, early.today]).toEqual(['2026-11-18', '2026-11-24', '2026-11-25']);
    expect(early.startMs).toBe(local('2026-11-18', '00:00'));
    expect(early.endMs).toBe(local('2026-11-25', '00:00'));
    // Wed 18 … Tue 24 without Sunday 22.
    expect(early.workingDays).toBe(6);
  });

  it('given a window across the fall-back change, then its instants are local midnights', () => {
    const window = measureWindow(calendar, local('2026-11-03', '10:00'), 3);
    expect(window.startMs).toBe(Date.parse('2026-10-31T05:00:00Z'));
    expect(window.endMs).toBe(Date.parse('2026-11-03T06:00:00Z'));
  });

  it('given month to date, then from the 1st to yesterday with the month’s working days', () => {
    const month = monthToDate(calendar, local('2026-11-25', '09:00'));
    expect([month.startDate, month.endDate, month.monthEndDate]).toEqual(['2026-11-01', '2026-11-24', '2026-11-30']);
    expect(month.workingDaysInMonth).toBe(24);
    expect(month.workingDays).toBe(20);
  });

  it('given the 1st of the month, then month to date is empty', () => {
    const month = monthToDate(calendar, local('2026-12-01', '09:00'));
    expect(month.workingDays).toBe(0);
    expect(month.endMs).toBe(month.startMs);
  });
});
