import { dateFromDay, dayFromDate } from '../../src/core/civil-date';
import { event, local, modelBuilder, rep, resultOf, run, volume } from './builders';

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
