import { event, integrity, local, modelBuilder, rep, responseTime, resultOf, run } from './builders';

const MIN = 60_000;
const day = (d: number, time = '10:00'): number => local(`2026-11-${String(d).padStart(2, '0')}`, time);
/** The window of the builders' NOW: 2026-10-28 00:00 up to (not including) 2026-11-25 00:00. */
const windowStart = local('2026-10-28', '00:00');
const windowEnd = local('2026-11-25', '00:00');

/** No opening hours: minutes are plain minutes, so the SLA's edges are exact. */
const model = modelBuilder()
  .measures(responseTime({ slaMinutes: 30 }))
  .build();
const tallyOf = (coaching: ReturnType<typeof run>, repId: string | null) => {
  const { within, decided, pending, medianMinutes } = resultOf(coaching, repId, 'lead_response', 'responseTime');
  return { within, decided, pending, medianMinutes };
};

describe('response time: the SLA’s edges', () => {
  it('given answers at the same instant, at exactly the SLA and a minute past it, then within, within and late', () => {
    const coaching = run(model, {
      events: [
        event('lead', 'A', 'L1', day(10)),
        event('attempt', 'A', 'L1', day(10)),
        event('lead', 'A', 'L2', day(11)),
        event('attempt', 'A', 'L2', day(11) + 30 * MIN),
        event('lead', 'A', 'L3', day(12)),
        event('attempt', 'A', 'L3', day(12) + 31 * MIN),
      ],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ within: 2, decided: 3, pending: 0, medianMinutes: 30 });
  });

  it('given unanswered leads whose SLA ends exactly at the end of the period and a minute before it, then pending and late', () => {
    const coaching = run(model, {
      events: [event('lead', 'A', 'L1', windowEnd - 30 * MIN), event('lead', 'A', 'L2', windowEnd - 31 * MIN)],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ within: 0, decided: 1, pending: 1, medianMinutes: null });
  });

  it('given only leads still inside their SLA, then nothing is decided: no value, no interval, no median', () => {
    const coaching = run(model, { events: [event('lead', 'A', 'L1', windowEnd - 10 * MIN)] });
    expect(resultOf(coaching, 'A', 'lead_response', 'responseTime')).toMatchObject({
      decided: 0,
      pending: 1,
      value: null,
      interval: null,
      medianMinutes: null,
    });
  });
});

describe('response time: which leads and answers count', () => {
  it('given leads at the window’s first instant, just before it and at its end, then only the first is measured', () => {
    const coaching = run(model, {
      events: [
        event('lead', 'A', 'L1', windowStart),
        event('attempt', 'A', 'L1', windowStart + 5 * MIN),
        event('lead', 'A', 'L2', windowStart - 1),
        event('attempt', 'A', 'L2', windowStart + 5 * MIN),
        event('lead', 'A', 'L3', windowEnd),
      ],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ within: 1, decided: 1, pending: 0, medianMinutes: 5 });
  });

  it('given an answer at the end of the period, then it is not seen yet and the old lead is late', () => {
    const coaching = run(model, {
      events: [event('lead', 'A', 'L1', day(10)), event('attempt', 'A', 'L1', windowEnd)],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ within: 0, decided: 1, pending: 0, medianMinutes: null });
  });

  it('given a customer who came in twice, then the response is timed from the first lead and credited to its rep', () => {
    const coaching = run(model, {
      reps: [rep('A'), rep('B')],
      events: [
        event('lead', 'A', 'L1', day(10)),
        event('lead', 'B', 'L1', day(10) + 20 * MIN),
        event('attempt', 'B', 'L1', day(10) + 40 * MIN),
      ],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ within: 0, decided: 1, pending: 0, medianMinutes: 40 });
    expect(tallyOf(coaching, 'B')).toEqual({ within: 0, decided: 0, pending: 0, medianMinutes: null });
  });

  it('given a lead and a call with no customer, then neither is measured', () => {
    const coaching = run(model, {
      events: [
        event('lead', 'A', null, day(10)),
        event('lead', 'A', 'L1', day(11)),
        event('attempt', 'A', null, day(11) + 5 * MIN),
      ],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ within: 0, decided: 1, pending: 0, medianMinutes: null });
  });

  it('given suspicious leads and suspicious calls (bursts), then the leads are not measured and the calls answer nothing', () => {
    const bursts = modelBuilder()
      .measures(
        responseTime({ slaMinutes: 30 }),
        integrity({ steps: ['lead', 'attempt'], burst: { count: 3, withinMinutes: 5 } }),
      )
      .build();
    const coaching = run(bursts, {
      reps: [rep('A'), rep('B')],
      events: [
        ...[0, 1, 2].map((i) => event('lead', 'A', `F${i}`, day(10) + i * MIN)),
        ...[0, 1, 2].map((i) => event('lead', 'B', `L${i}`, day(12) + i * 60 * MIN)),
        ...[0, 1, 2].map((i) => event('attempt', 'A', `L${i}`, day(12) + 125 * MIN + i * MIN)),
        ...[0, 1, 2].map((i) => event('attempt', 'A', `L${i}`, day(13) + i * 60 * MIN)),
      ],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ within: 0, decided: 0, pending: 0, medianMinutes: null });
    expect(tallyOf(coaching, 'B')).toEqual({ within: 0, decided: 3, pending: 0, medianMinutes: 24 * 60 });
  });
});

describe('response time: the team', () => {
  it('given leads of a salesperson, a setter and a manager, then the team holds the salesperson’s only', () => {
    const coaching = run(model, {
      reps: [rep('A'), rep('S', { role: 'setter' })],
      events: [
        event('lead', 'A', 'L1', day(10)),
        event('attempt', 'A', 'L1', day(10) + 10 * MIN),
        event('lead', 'A', 'L2', day(11)),
        event('lead', 'S', 'L3', day(10)),
        event('attempt', 'S', 'L3', day(10) + 20 * MIN),
        event('lead', 'MGR1', 'L4', day(10)),
        event('attempt', 'MGR1', 'L4', day(10) + 20 * MIN),
      ],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ within: 1, decided: 2, pending: 0, medianMinutes: 10 });
    expect(tallyOf(coaching, 'S')).toEqual({ within: 1, decided: 1, pending: 0, medianMinutes: 20 });
    expect(tallyOf(coaching, null)).toEqual({ within: 1, decided: 2, pending: 0, medianMinutes: 10 });
  });
});

describe('response time: which answer counts', () => {
  it('given a call on the customer before the lead came in, when measured, then it answers nothing and the lead is late', () => {
    const coaching = run(model, {
      events: [event('attempt', 'A', 'L1', day(9)), event('lead', 'A', 'L1', day(10))],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ within: 0, decided: 1, pending: 0, medianMinutes: null });
  });

  it('given two calls after a lead, when measured, then the first answers it and the later one does not move it', () => {
    const coaching = run(model, {
      events: [
        event('lead', 'A', 'L1', day(10)),
        event('attempt', 'A', 'L1', day(10) + 10 * MIN),
        event('attempt', 'A', 'L1', day(10) + 60 * MIN),
      ],
    });
    expect(tallyOf(coaching, 'A')).toEqual({ within: 1, decided: 1, pending: 0, medianMinutes: 10 });
  });

  it('given a setter’s lead left unanswered past its SLA, when measured, then it is late for the setter and not the team’s', () => {
    const coaching = run(model, {
      reps: [rep('A'), rep('S', { role: 'setter' })],
      events: [
        event('lead', 'A', 'L1', day(10)),
        event('attempt', 'A', 'L1', day(10) + 10 * MIN),
        event('lead', 'S', 'L2', day(11)),
      ],
    });
    expect(tallyOf(coaching, 'S')).toEqual({ within: 0, decided: 1, pending: 0, medianMinutes: null });
    expect(tallyOf(coaching, null)).toEqual({ within: 1, decided: 1, pending: 0, medianMinutes: 10 });
  });
});
