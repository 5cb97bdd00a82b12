import { BusinessCalendar } from '../../../src/sandbox/demo/business-calendar';
import { RecordFactory } from '../../../src/sandbox/demo/record-factory';
import { hireStaff } from '../../../src/sandbox/demo/staff';
import { counterNewId, DEMO_NOW, demoOptions } from './builders';

describe('hiring the staff', () => {
  it('given more salespeople than there are distinct names, when hired, then every Username is still unique', () => {
    const options = demoOptions({ days: 5, scale: 400 });
    const calendar = new BusinessCalendar(DEMO_NOW, options.days, options.timeZone, 7);
    const factory = new RecordFactory(calendar, counterNewId());
    const staff = hireStaff(options, calendar, factory);
    const usernames = factory.records.User.map((u) => u.Username);
    expect(staff.salespeople.length).toBeGreaterThan(4096);
    expect(new Set(usernames).size).toBe(usernames.length);
  });

  it('given the default team, when hired, then the new hire started about ten days ago and the others long before the history', () => {
    const options = demoOptions();
    const calendar = new BusinessCalendar(DEMO_NOW, options.days, options.timeZone, 7);
    const staff = hireStaff(options, calendar, new RecordFactory(calendar, counterNewId()));
    const newHire = staff.salespeople.find((s) => s.profile === 'new_hire');
    const daysAgo = (DEMO_NOW - calendar.epochOf(newHire?.startB ?? 0)) / 86_400_000;
    expect(daysAgo).toBeGreaterThanOrEqual(8);
    expect(daysAgo).toBeLessThanOrEqual(11);
    expect(staff.salespeople.filter((s) => s.startB > 0)).toEqual([newHire]);
  });
});
