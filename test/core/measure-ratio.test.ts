import { event, integrity, local, modelBuilder, ratio, rep, resultOf, run } from './builders';

const day = (d: number, time = '10:00'): number => local(`2026-11-${String(d).padStart(2, '0')}`, time);
/** The window of the builders' NOW: 2026-10-28 00:00 up to (not including) 2026-11-25 00:00. */
const windowStart = local('2026-10-28', '00:00');
const windowEnd = local('2026-11-25', '00:00');

describe('a ratio on the subject basis', () => {
  const model = modelBuilder().measures(ratio()).build();
  const counts = (coaching: ReturnType<typeof run>, repId: string | null) => {
    const { trials, successes } = resultOf(coaching, repId, 'set_rate', 'ratio');
    return { trials, successes };
  };

  it('given contacts with no customer, then they are no trials: they cannot be linked to an appointment', () => {
    const coaching = run(model, {
      events: [
        event('contact', 'A', null, day(10)),
        event('contact', 'A', null, day(11)),
        event('contact', 'A', 'L1', day(12)),
        event('appointment_set', 'A', 'L1', day(13)),
      ],
    });
    expect(counts(coaching, 'A')).toEqual({ trials: 1, successes: 1 });
  });

  it('given contacts and appointments at the window’s edges, then its first instant counts and its end does not', () => {
    const coaching = run(model, {
      events: [
        event('contact', 'A', 'L1', windowStart),
        event('appointment_set', 'A', 'L1', windowStart), // the same instant as the contact: a success
        event('contact', 'A', 'L2', windowStart - 1),
        event('contact', 'A', 'L3', windowEnd),
        event('contact', 'A', 'L4', day(10)),
        event('appointment_set', 'A', 'L4', windowEnd),
      ],
    });
    expect(counts(coaching, 'A')).toEqual({ trials: 2, successes: 1 });
    expect(counts(coaching, null)).toEqual({ trials: 2, successes: 1 });
  });

  it('given a customer two salespeople contacted, with the appointment between their calls, then the team counts it from the first call', () => {
    const coaching = run(model, {
      reps: [rep('A'), rep('B'), rep('S', { role: 'setter' })],
      events: [
        event('contact', 'A', 'L1', day(10)),
        event('appointment_set', 'S', 'L1', day(11)),
        event('contact', 'B', 'L1', day(12)),
        event('contact', 'S', 'L9', day(10)),
        event('appointment_set', 'S', 'L9', day(11)),
      ],
    });
    expect(counts(coaching, 'B')).toEqual({ trials: 1, successes: 0 });
    expect(counts(coaching, 'S')).toEqual({ trials: 1, successes: 1 });
    expect(counts(coaching, null)).toEqual({ trials: 1, successes: 1 });
  });

  it('given appointments by two users, the later one listed first, then the latest decides', () => {
    const coaching = run(model, {
      reps: [rep('A'), rep('S', { role: 'setter' })],
      events: [
        event('contact', 'A', 'L1', day(10)),
        event('appointment_set', 'A', 'L1', day(12)),
        event('appointment_set', 'S', 'L1', day(9)),
      ],
    });
    expect(counts(coaching, 'A')).toEqual({ trials: 1, successes: 1 });
  });

  it('given appointments that are suspicious (a burst), then they are no successes', () => {
    const burstOfSets = integrity({ steps: ['appointment_set'], burst: { count: 3, withinMinutes: 5 } });
    const coaching = run(modelBuilder().measures(ratio(), burstOfSets).build(), {
      reps: [rep('A'), rep('S', { role: 'setter' })],
      events: [0, 1, 2].flatMap((i) => [
        event('contact', 'A', `L${i}`, day(10)),
        event('appointment_set', 'S', `L${i}`, day(11) + i * 60_000),
      ]),
    });
    expect(counts(coaching, 'A')).toEqual({ trials: 3, successes: 0 });
  });
});

describe('a ratio on matured cohorts', () => {
  const model = modelBuilder().measures(ratio()).build();
  const DAY = 86_400_000;
  /** Contacts on days `from`…`to` of November, each booked `delay` days later unless that is past the window. */
  const bookedLater = (repId: string, from: number, to: number, delay: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => {
      const at = day(from + i);
      const booked = at + delay * DAY;
      const customer = `${repId}-L${from + i}`;
      return [
        event('contact', repId, customer, at),
        ...(booked < windowEnd ? [event('appointment_set', repId, customer, booked)] : []),
      ];
    }).flat();

  it('given every customer booked two days after the contact, then the last two days are no trials and the rate is the true one', () => {
    const coaching = run(model, { events: bookedLater('A', 1, 24, 2) });
    const result = resultOf(coaching, 'A', 'set_rate', 'ratio');
    expect(result.matureDays).toBe(2);
    // Contacts on 23 and 24 November have not had two days: 22 trials, all booked.
    expect({ trials: result.trials, successes: result.successes }).toEqual({ trials: 22, successes: 22 });
    expect(resultOf(coaching, null, 'set_rate', 'ratio').matureDays).toBe(2);
  });

  it('given the next step on the same visit, then nothing is cut from the window', () => {
    const coaching = run(model, { events: bookedLater('A', 1, 24, 0) });
    const result = resultOf(coaching, 'A', 'set_rate', 'ratio');
    expect(result.matureDays).toBe(0);
    expect(result.trials).toBe(24);
  });

  it('given a step that takes weeks, then at most half the window is cut', () => {
    const coaching = run(model, { events: bookedLater('A', 1, 24, 20) });
    // Only contacts before 5 November were booked inside the window: each took 20 days.
    expect(resultOf(coaching, 'A', 'set_rate', 'ratio').matureDays).toBe(14);
  });

  it('given nine in ten booked within a day and one in ten after five, then a day is enough', () => {
    const events = Array.from({ length: 20 }, (_, i) => {
      const at = day(1 + i);
      const customer = `L${i}`;
      const delay = i % 10 === 9 ? 5 : 1;
      return [event('contact', 'A', customer, at), event('appointment_set', 'A', customer, at + delay * DAY)];
    }).flat();
    expect(resultOf(run(model, { events }), 'A', 'set_rate', 'ratio').matureDays).toBe(1);
  });

  it('given nine in ten booked at the very instant of the contact and one in ten after five days, then no wait', () => {
    const events = Array.from({ length: 20 }, (_, i) => {
      const at = day(1 + i);
      const customer = `L${i}`;
      return [
        event('contact', 'A', customer, at),
        event('appointment_set', 'A', customer, at + (i % 10 === 9 ? 5 * DAY : 0)),
      ];
    }).flat();
    expect(resultOf(run(model, { events }), 'A', 'set_rate', 'ratio').matureDays).toBe(0);
  });

  it('given a count-basis ratio, then it is counted over the whole window as before', () => {
    const counted = modelBuilder()
      .measures(ratio({ basis: 'count' }))
      .build();
    const result = resultOf(run(counted, { events: bookedLater('A', 1, 24, 2) }), 'A', 'set_rate', 'ratio');
    expect(result.matureDays).toBe(0);
    expect(result.trials).toBe(24);
  });
});
