import { events, local, modelBuilder, rep, resultOf, run, volume } from './builders';

/** The window is 2026-10-28 … 2026-11-24: 24 working days, Monday to Saturday. */
const model = modelBuilder()
  .measures(volume({ perDay: 10 }))
  .build();

describe('volume: a rate only where there are days and people to divide by', () => {
  it('given a salesperson who starts today, after the window, when measured, then no working days and no daily rate', () => {
    const coaching = run(model, { reps: [rep('A'), rep('NEW', { activeSince: local('2026-11-25', '08:00') })] });
    expect(resultOf(coaching, 'NEW', 'calls', 'volume')).toMatchObject({
      observed: 0,
      workingDays: 0,
      value: null,
      expected: 0,
      joinedInPeriod: true,
    });
  });

  it('given a team of setters only, when measured, then the team has no salesperson to divide by and no rate', () => {
    const setters = [rep('S1', { role: 'setter' }), rep('S2', { role: 'setter' })];
    const coaching = run(model, { reps: setters, events: events('attempt', 'S1', 30, local('2026-11-02', '09:00')) });
    // The team's count is its salespeople's: the setters' calls are their own.
    expect(resultOf(coaching, null, 'calls', 'volume')).toMatchObject({
      observed: 0,
      workingDays: 24,
      value: null,
      expected: 0,
    });
    // Each setter still has a rate of their own.
    expect(resultOf(coaching, 'S1', 'calls', 'volume').value).toBe(30 / 24);
  });

  it('given a team whose members all started before the window, when measured, then the team did not join in the period', () => {
    const coaching = run(model, { reps: [rep('A'), rep('B')] });
    expect(resultOf(coaching, null, 'calls', 'volume').joinedInPeriod).toBe(false);
    expect(resultOf(coaching, 'A', 'calls', 'volume').joinedInPeriod).toBe(false);
  });
});
