import type { DemoDataset } from '../../../src/sandbox/demo/types';
import { generate } from './builders';

const activity = (d: DemoDataset) => (d.records.Task?.length ?? 0) + (d.records.Event?.length ?? 0);

describe('the scale knob', () => {
  it('given scale 3, when generated, then (3 − 1) × reps ordinary salespeople join new stores with their own managers, and activity about triples', () => {
    const base = generate();
    const scaled = generate({ scale: 3 });
    const users = scaled.records.User ?? [];
    const salespeople = users.filter((u) => u.Title === 'Sales Consultant');
    expect(salespeople).toHaveLength(36);
    const stores = new Set(salespeople.map((u) => u.Department));
    expect(stores.size).toBe(4);
    const managers = new Map(users.filter((u) => u.Title === 'Sales Manager').map((u) => [u.Id, u.Department]));
    expect(managers.size).toBe(4);
    expect(salespeople.every((u) => managers.get(u.ManagerId as string) === u.Department)).toBe(true);
    // The planted profiles stay the first ones; the extras are not listed (they are all ordinary).
    expect(scaled.profiles.map((p) => p.profile)).toEqual(base.profiles.map((p) => p.profile));
    const growth = activity(scaled) / activity(base);
    expect(growth).toBeGreaterThan(2.6);
    expect(growth).toBeLessThan(3.6);
  });
});
