import { event, integrity, local, modelBuilder, rep, resultOf, run, sequence } from './builders';

const day = (d: number, time = '10:00'): number => local(`2026-11-${String(d).padStart(2, '0')}`, time);
/** The window of the builders' NOW: 2026-10-28 00:00 up to (not including) 2026-11-25 00:00. */
const windowStart = local('2026-10-28', '00:00');
const windowEnd = local('2026-11-25', '00:00');

const model = modelBuilder().measures(sequence()).build();
const tallyOf = (coaching: ReturnType<typeof run>, repId: string | null) => {
  const { reached, skipped, skippedBySteps } = resultOf(coaching, repId, 'demo_before_sale', 'sequence');
  return { reached, skipped, skippedBySteps };
};

describe('sequence: which sales count', () => {
  it('given a demo at the same instant as the sale, then the step was not skipped', () => {
    const coaching = run(model, { events: [event('demo', 'A', 'O1', day(10)), event('sold', 'A', 'O1', day(10))] });
    expect(tallyOf(coaching, 'A')).toEqual({ reached: 1, skipped: 0, skippedBySteps: {} });
  });

  it('given a deal sold twice, the demo between, then it counts once, as of the first sale', () => {
    const coaching = run(model, {
      events: [event('sold', 'A', 'O1', day(10)), event('demo', 'A', 'O1', day(11)), event('sold', 'A', 'O1', day(12))],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ reached: 1, skipped: 1, skippedBySteps: { demo: 1 } });
  });

  it('given sales at the window’s first instant, just before it and at its end, then only the first instant counts', () => {
    const coaching = run(model, {
      events: [
        event('sold', 'A', 'O1', windowStart),
        event('sold', 'A', 'O2', windowStart - 1),
        event('sold', 'A', 'O3', windowEnd),
      ],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ reached: 1, skipped: 1, skippedBySteps: { demo: 1 } });
  });

  it('given a setter credited with a sale, then it is theirs, and not in the team’s share: the team is the salespeople', () => {
    const coaching = run(model, {
      reps: [rep('A'), rep('S', { role: 'setter' })],
      events: [event('demo', 'A', 'O1', day(9)), event('sold', 'A', 'O1', day(10)), event('sold', 'S', 'O2', day(10))],
    });
    expect(tallyOf(coaching, 'S')).toEqual({ reached: 1, skipped: 1, skippedBySteps: { demo: 1 } });
    expect(tallyOf(coaching, null)).toEqual({ reached: 1, skipped: 0, skippedBySteps: {} });
  });

  it('given a sale with no deal, then it is not measured: its steps cannot be looked up', () => {
    const coaching = run(model, { events: [event('sold', 'A', null, day(10))] });
    expect(tallyOf(coaching, 'A')).toEqual({ reached: 0, skipped: 0, skippedBySteps: {} });
  });

  it('given a burst of sales (suspicious), then they are not measured', () => {
    const burst = modelBuilder()
      .measures(sequence(), integrity({ steps: ['sold'], burst: { count: 3, withinMinutes: 5 } }))
      .build();
    const coaching = run(burst, { events: [0, 1, 2].map((i) => event('sold', 'A', `O${i}`, day(10) + i * 60_000)) });
    expect(tallyOf(coaching, 'A')).toEqual({ reached: 0, skipped: 0, skippedBySteps: {} });
  });

  it('given two required steps, then each missing one is counted, and a step never missing is not listed', () => {
    const twoSteps = modelBuilder()
      .measures(sequence({ requires: ['needs_analysis', 'demo', 'write_up'] }))
      .build();
    const needsAnalysis = ['O1', 'O2', 'O3'].map((deal) => event('needs_analysis', 'A', deal, day(5)));
    const coaching = run(twoSteps, {
      events: [
        ...needsAnalysis,
        event('demo', 'A', 'O1', day(6)),
        event('sold', 'A', 'O1', day(10)),
        event('sold', 'A', 'O2', day(10)),
        event('demo', 'A', 'O3', day(6)),
        event('write_up', 'A', 'O3', day(7)),
        event('sold', 'A', 'O3', day(10)),
      ],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ reached: 3, skipped: 2, skippedBySteps: { demo: 1, write_up: 2 } });
  });
});

describe('sequence: the team', () => {
  it('given a deal two salespeople sold, then the team counts it once, as of the first sale; a setter’s sales are not the team’s', () => {
    const coaching = run(model, {
      reps: [rep('A'), rep('B'), rep('S', { role: 'setter' })],
      events: [
        event('sold', 'A', 'O1', day(10)),
        event('demo', 'A', 'O1', day(11)),
        event('sold', 'B', 'O1', day(12)),
        event('sold', 'S', 'O9', day(12)),
      ],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ reached: 1, skipped: 1, skippedBySteps: { demo: 1 } });
    expect(tallyOf(coaching, 'B')).toEqual({ reached: 1, skipped: 0, skippedBySteps: {} });
    expect(tallyOf(coaching, 'S')).toEqual({ reached: 1, skipped: 1, skippedBySteps: { demo: 1 } });
    expect(tallyOf(coaching, null)).toEqual({ reached: 1, skipped: 1, skippedBySteps: { demo: 1 } });
  });
});
