import { dateFromDay, dayFromDate } from '../../src/core/civil-date';
import { event, integrity, local, modelBuilder, rep, resultOf, run, volume } from './builders';

const model = modelBuilder()
  .measures(volume({ perDay: 5 }))
  .build();
/** The window of NOW (2026-11-25) runs from 2026-10-28 to 2026-11-24; Sundays are off. */
const workingDaysOfWindow = (): string[] => {
  const first = dayFromDate('2026-10-28') as number;
  return Array.from({ length: 28 }, (_, i) => dateFromDay(first + i)).filter(
    (date) => new Date(`${date}T12:00:00Z`).getUTCDay() !== 0 && date !== '2026-11-26',
  );
};
const callsOn = (repId: string, perDay: (dayIndex: number) => number) =>
  workingDaysOfWindow().flatMap((date, d) =>
    Array.from({ length: perDay(d) }, (_, i) =>
      event('attempt', repId, `${repId}-${date}-${i}`, local(date, '10:00') + i * 60_000),
    ),
  );

describe('day-to-day spread of a volume', () => {
  it('given the same calls every working day, then no spread; the same total in bursts, a wide one', () => {
    const steady = callsOn('A', () => 5);
    const bursts = callsOn('B', (d) => (d % 4 === 0 ? 20 : 0));
    const coaching = run(model, { reps: [rep('A'), rep('B')], events: [...steady, ...bursts] });
    expect(resultOf(coaching, 'A', 'calls', 'volume').dailyDispersion).toBe(0);
    expect(resultOf(coaching, 'B', 'calls', 'volume').dailyDispersion).toBeGreaterThan(10);
    expect(resultOf(coaching, null, 'calls', 'volume').dailyDispersion).toBeNull();
  });

  it('given a rep who started three working days ago, then too few days to tell a spread', () => {
    const started = local('2026-11-21', '08:00');
    const coaching = run(model, { reps: [rep('A', { activeSince: started })], events: callsOn('A', () => 5) });
    expect(resultOf(coaching, 'A', 'calls', 'volume').dailyDispersion).toBeNull();
  });

  it('given peers whose days swing, then a rep 30% below them is within the swing; with steady peers, flagged', () => {
    const peersOf = (perDay: (d: number) => number) => ['B', 'C', 'D'].flatMap((id) => callsOn(id, perDay));
    const reps = ['A', 'B', 'C', 'D'].map((id) => rep(id));
    const low = callsOn('A', (d) => (d % 10 < 7 ? 5 : 0));
    const flagged = (peerCalls: ReturnType<typeof callsOn>) =>
      run(model, { reps, events: [...low, ...peerCalls] }).diagnoses.find((d) => d.repId === 'A')?.flagged ?? [];
    expect(flagged(peersOf(() => 5)).map((f) => f.measure)).toEqual(['calls']);
    expect(flagged(peersOf((d) => (d % 2 === 0 ? 10 : 0)))).toEqual([]);
  });
});

describe('the spread, exactly', () => {
  /** Sample variance over mean of daily counts. */
  const dispersionOf = (counts: number[]): number => {
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / (counts.length - 1);
    return variance / mean;
  };
  const spreadOf = (events: ReturnType<typeof callsOn>, over: Parameters<typeof rep>[1] = {}) =>
    resultOf(run(model, { reps: [rep('A', over)], events }), 'A', 'calls', 'volume').dailyDispersion;
  const cycle = [2, 4, 6, 8, 10];

  it('given calls cycling 2, 4, 6, 8, 10 a working day, then the sample variance over the mean of those counts', () => {
    const counts = workingDaysOfWindow().map((_, d) => cycle[d % 5] as number);
    expect(spreadOf(callsOn('A', (d) => cycle[d % 5] as number))).toBeCloseTo(dispersionOf(counts), 12);
  });

  it('given other steps, and calls before the window or on its first day after, then only the window’s calls count', () => {
    const steady = callsOn('A', () => 5);
    const outside = [
      event('attempt', 'A', 'early', local('2026-10-20', '10:00')),
      event('attempt', 'A', 'late', local('2026-11-25', '10:00')),
      event('contact', 'A', 'contact', local('2026-11-10', '10:00')),
    ];
    expect(spreadOf([...steady, ...outside])).toBe(0);
  });

  it('given a call at midnight, then it belongs to the day it starts', () => {
    const days = workingDaysOfWindow();
    const midnight = event('attempt', 'A', 'midnight', local('2026-11-10', '00:00'));
    const counts = days.map((date) => (date === '2026-11-10' ? 6 : 5));
    expect(spreadOf([...callsOn('A', () => 5), midnight])).toBeCloseTo(dispersionOf(counts), 12);
  });

  it('given five working days since the rep started, then a spread; with no call at all, none', () => {
    // 2026-11-19 to 2026-11-24 holds five working days (the 22nd is a Sunday).
    const since = local('2026-11-19', '00:00');
    expect(
      spreadOf(
        callsOn('A', (d) => cycle[d % 5] as number),
        { activeSince: since },
      ),
    ).toEqual(expect.any(Number));
    expect(spreadOf([])).toBeNull();
  });

  it('given a call at the window’s first midnight, then it counts on the first day', () => {
    const first = event('attempt', 'A', 'first', local('2026-10-28', '00:00'));
    const counts = workingDaysOfWindow().map((date) => (date === '2026-10-28' ? 6 : 5));
    expect(spreadOf([...callsOn('A', () => 5), first])).toBeCloseTo(dispersionOf(counts), 12);
  });

  it('given a call at the midnight that ends a Sunday, then it counts on the Monday, not the day off', () => {
    const monday = event('attempt', 'A', 'monday', local('2026-11-09', '00:00'));
    const counts = workingDaysOfWindow().map((date) => (date === '2026-11-09' ? 6 : 5));
    expect(spreadOf([...callsOn('A', () => 5), monday])).toBeCloseTo(dispersionOf(counts), 12);
  });

  it('given a rep who started at midnight, then the day that ends at that instant is not one of theirs', () => {
    // Started 2026-11-19 00:00: their working days are the 19th, 20th, 21st, 23rd and 24th.
    const days = workingDaysOfWindow();
    const theirs = ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-23', '2026-11-24'];
    const counts = theirs.map((date) => cycle[days.indexOf(date) % 5] as number);
    const since = local('2026-11-19', '00:00');
    expect(
      spreadOf(
        callsOn('A', (d) => cycle[d % 5] as number),
        { activeSince: since },
      ),
    ).toBeCloseTo(dispersionOf(counts), 12);
  });

  it('given a burst of calls marked suspicious on one day, then the burst is no part of that day’s count', () => {
    const withBursts = modelBuilder()
      .measures(volume({ perDay: 5 }), integrity({ steps: ['attempt'], burst: { count: 10, withinMinutes: 5 } }))
      .build();
    const burst = Array.from({ length: 10 }, (_, i) =>
      event('attempt', 'A', `burst-${i}`, local('2026-11-10', '15:00') + i * 20_000),
    );
    const coaching = run(withBursts, { reps: [rep('A')], events: [...callsOn('A', () => 5), ...burst] });
    expect(resultOf(coaching, 'A', 'calls', 'volume').dailyDispersion).toBe(0);
  });

  it('given a volume of the model’s first step, then its spread is measured like any other', () => {
    const leads = modelBuilder()
      .measures(volume({ step: 'lead', perDay: 5 }))
      .build();
    const leadEvents = callsOn('A', (d) => cycle[d % 5] as number).map((e) => ({ ...e, step: 'lead' }));
    const counts = workingDaysOfWindow().map((_, d) => cycle[d % 5] as number);
    const coaching = run(leads, { reps: [rep('A')], events: leadEvents });
    expect(resultOf(coaching, 'A', 'calls', 'volume').dailyDispersion).toBeCloseTo(dispersionOf(counts), 12);
  });
});
