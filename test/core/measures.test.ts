import {
  event,
  events,
  followUp,
  integrity,
  leadFact,
  local,
  modelBuilder,
  NOW,
  overdue,
  ratio,
  rep,
  responseTime,
  resultOf,
  run,
  sequence,
  staleLead,
  volume,
} from './builders';

const HOUR = 3_600_000;
const MIN = 60_000;

describe('volume', () => {
  const model = modelBuilder()
    .measures(volume({ perDay: 10 }))
    .build();

  it('given a rep with no activity, then zero a day against the expectation, with a tiny Poisson tail', () => {
    const coaching = run(model, { reps: [rep('A')] });
    const result = resultOf(coaching, 'A', 'calls', 'volume');
    expect(coaching.window.workingDays).toBe(24);
    expect(result).toMatchObject({ observed: 0, value: 0, expectedPerDay: 10, expected: 240 });
    expect(result.lowerTail).toBeLessThan(1e-100);
  });

  it('given a salesperson who started inside the window, then the volume counts only the working days since they started', () => {
    // The window is 2026-10-28 – 2026-11-24 (24 working days, Mon–Sat); the new hire starts Thursday 2026-11-19.
    const started = local('2026-11-19', '08:00');
    const events = [local('2026-11-19'), local('2026-11-20'), local('2026-11-23')].map((at) =>
      event('attempt', 'NEW', null, at),
    );
    const coaching = run(model, { reps: [rep('OLD'), rep('NEW', { activeSince: started })], events });
    expect(resultOf(coaching, 'NEW', 'calls', 'volume')).toMatchObject({
      observed: 3,
      workingDays: 5,
      value: 3 / 5,
      expected: 50,
    });
    expect(resultOf(coaching, 'OLD', 'calls', 'volume')).toMatchObject({ workingDays: 24, expected: 240 });
  });

  it('given events exactly at the window edges in local time, then the first midnight counts and today does not', () => {
    const reps = [rep('A')];
    const inside = [local('2026-10-28', '00:00'), local('2026-11-24', '23:59')];
    const outside = [local('2026-10-28', '00:00') - 1, local('2026-11-25', '00:00')];
    const coaching = run(model, { reps, events: [...inside, ...outside].map((at) => event('attempt', 'A', null, at)) });
    expect(resultOf(coaching, 'A', 'calls', 'volume').observed).toBe(2);
  });

  it('given a one-day window on the fall-back day (25 hours), then both 01:30s and 23:59 count', () => {
    const now = local('2026-11-02', '09:00');
    const oneDay = modelBuilder().measures(volume()).coaching({ windowDays: 1 }).workingDays('sun').build();
    const ats = [
      Date.parse('2026-11-01T05:00:00Z'),
      Date.parse('2026-11-01T06:30:00Z'),
      Date.parse('2026-11-01T07:30:00Z'),
      Date.parse('2026-11-02T05:59:00Z'),
    ];
    const after = [Date.parse('2026-11-02T06:00:00Z'), Date.parse('2026-11-01T04:59:59Z')];
    const coaching = run(oneDay, { now, events: [...ats, ...after].map((at) => event('attempt', 'A', null, at)) });
    expect(coaching.window.endMs - coaching.window.startMs).toBe(25 * HOUR);
    expect(resultOf(coaching, 'A', 'calls', 'volume')).toMatchObject({ observed: 4, workingDays: 1, value: 4 });
  });

  it('given a one-day window on the spring-forward day (23 hours), then its last local minute counts and the next midnight does not', () => {
    const now = local('2026-03-09', '09:00');
    const oneDay = modelBuilder().measures(volume()).coaching({ windowDays: 1 }).workingDays('sun').build();
    const coaching = run(oneDay, {
      now,
      events: [
        Date.parse('2026-03-08T06:00:00Z'),
        Date.parse('2026-03-09T04:59:00Z'),
        Date.parse('2026-03-09T05:00:00Z'),
      ].map((at) => event('attempt', 'A', null, at)),
    });
    expect(coaching.window.endMs - coaching.window.startMs).toBe(23 * HOUR);
    expect(resultOf(coaching, 'A', 'calls', 'volume').observed).toBe(2);
  });

  it('given a goal-based expectation, then a salesperson gets the plan’s daily need and a setter none', () => {
    const goalModel = modelBuilder()
      .measures(volume({ step: 'contact', perDay: 'goal' }))
      .build();
    const coaching = run(goalModel, { reps: [rep('A'), rep('B', { role: 'setter' })] });
    const plan = coaching.plans.find((p) => p.repId === 'A')?.steps.find((s) => s.step === 'contact');
    expect(resultOf(coaching, 'A', 'calls', 'volume').expectedPerDay).toBe(plan?.requiredPerWorkingDay);
    expect(resultOf(coaching, 'B', 'calls', 'volume')).toMatchObject({
      expectedPerDay: null,
      expected: null,
      lowerTail: null,
    });
  });

  it('given the team, then the value is per salesperson per working day and setters are not in it', () => {
    const start = local('2026-11-02', '09:00');
    const coaching = run(model, {
      reps: [rep('A'), rep('B'), rep('S', { role: 'setter' })],
      events: [
        ...events('attempt', 'A', 48, start),
        ...events('attempt', 'B', 24, start),
        ...events('attempt', 'S', 500, start),
      ],
    });
    expect(resultOf(coaching, null, 'calls', 'volume')).toMatchObject({ observed: 72, value: 72 / 24 / 2 });
  });
});

describe('ratio', () => {
  const model = modelBuilder()
    .measures(ratio(), ratio({ id: 'show_rate', from: 'appointment_set', to: 'appointment_shown', basis: 'count' }))
    .build();
  const day = (d: number, time = '10:00'): number => local(`2026-11-${String(d).padStart(2, '0')}`, time);

  it('given contacts and later appointments by a setter, then successes are subjects with a set at or after the rep’s first contact', () => {
    const contacts = events('contact', 'A', 10, day(10), (i) => `L${i}`);
    const sets = [
      event('appointment_set', 'S', 'L0', day(11)), // after: success
      event('appointment_set', 'S', 'L1', day(10, '10:00') + HOUR), // same day, after: success
      event('appointment_set', 'S', 'L2', day(9)), // before the contact: no
      event('appointment_set', 'S', 'L3', day(25)), // today, outside the window: no
    ];
    const coaching = run(model, {
      reps: [rep('A'), rep('S', { role: 'setter' })],
      events: [...contacts, ...sets, event('contact', 'A', 'L0', day(12))],
    });
    const result = resultOf(coaching, 'A', 'set_rate', 'ratio');
    expect(result).toMatchObject({ successes: 2, trials: 10, value: 0.2 });
    expect(result.interval?.low).toBeLessThan(0.2);
    expect(result.interval?.high).toBeGreaterThan(0.2);
  });

  it('given zero denominators, then the value and interval are null, never NaN', () => {
    const coaching = run(model, { reps: [rep('A')], events: events('appointment_shown', 'A', 3, day(10)) });
    expect(resultOf(coaching, 'A', 'set_rate', 'ratio')).toMatchObject({
      trials: 0,
      successes: 0,
      value: null,
      interval: null,
    });
    expect(resultOf(coaching, 'A', 'show_rate', 'ratio')).toMatchObject({
      trials: 0,
      successes: 0,
      value: null,
      interval: null,
    });
    expect(resultOf(coaching, null, 'set_rate', 'ratio').value).toBeNull();
  });

  it('given the count basis with more numerator than denominator events, then the numerator is capped', () => {
    const coaching = run(model, {
      reps: [rep('A')],
      events: [...events('appointment_set', 'A', 2, day(10)), ...events('appointment_shown', 'A', 5, day(11))],
    });
    expect(resultOf(coaching, 'A', 'show_rate', 'ratio')).toMatchObject({ successes: 2, trials: 2, value: 1 });
  });

  it('given two salespeople contacting the same customer, then the team counts that customer once', () => {
    const coaching = run(model, {
      reps: [rep('A'), rep('B')],
      events: [
        event('contact', 'A', 'L1', day(10)),
        event('contact', 'B', 'L1', day(11)),
        event('appointment_set', 'B', 'L1', day(12)),
      ],
    });
    expect(resultOf(coaching, 'A', 'set_rate', 'ratio')).toMatchObject({ successes: 1, trials: 1 });
    expect(resultOf(coaching, 'B', 'set_rate', 'ratio')).toMatchObject({ successes: 1, trials: 1 });
    expect(resultOf(coaching, null, 'set_rate', 'ratio')).toMatchObject({ successes: 1, trials: 1 });
  });
});

describe('response time', () => {
  const model = modelBuilder().measures(responseTime()).hours('09:00', '18:00').build();

  it('given leads answered fast, late, never and too recently to judge, then share within SLA, median and pending', () => {
    const created = local('2026-11-23', '10:00');
    const coaching = run(model, {
      now: local('2026-11-25', '08:30'),
      events: [
        event('lead', 'A', 'L1', created),
        event('attempt', 'A', 'L1', created + 10 * MIN),
        event('lead', 'A', 'L2', created),
        event('attempt', 'B', 'L2', created + 45 * MIN), // answered by someone else: still counts
        event('lead', 'A', 'L3', created), // never answered, SLA long gone
        event('lead', 'A', 'L4', local('2026-11-24', '17:50')), // 10 business minutes so far
        event('attempt', 'A', 'L5', created), // an attempt with no lead in the window: not measured
      ],
    });
    const result = resultOf(coaching, 'A', 'lead_response', 'responseTime');
    expect(result).toMatchObject({ within: 1, decided: 3, pending: 1, medianMinutes: 27.5 });
    expect(result.value).toBeCloseTo(1 / 3, 12);
  });

  it('given a lead on Saturday evening and a call on Monday at opening, then business minutes are small', () => {
    const coaching = run(model, {
      events: [
        event('lead', 'A', 'L1', local('2026-11-21', '17:55')),
        event('attempt', 'A', 'L1', local('2026-11-23', '09:20')),
      ],
    });
    expect(resultOf(coaching, 'A', 'lead_response', 'responseTime')).toMatchObject({
      within: 1,
      decided: 1,
      medianMinutes: 25,
    });
  });
});

describe('overdue follow-ups and stale leads', () => {
  const model = modelBuilder().measures(overdue(), staleLead()).build();

  it('given follow-ups due before, on and after today, then only those before today are overdue', () => {
    const coaching = run(model, {
      reps: [rep('A'), rep('B')],
      facts: [
        followUp('A', '2026-11-20'),
        followUp('A', '2026-11-24'),
        followUp('A', '2026-11-25'),
        followUp('A', '2026-12-01'),
        followUp('Z', '2026-11-01'),
      ],
    });
    const result = resultOf(coaching, 'A', 'overdue_follow_ups', 'overdue');
    expect(result).toMatchObject({ count: 2, value: 2 });
    expect(result.items.map((i) => i.due)).toEqual(['2026-11-20', '2026-11-24']);
    expect(resultOf(coaching, null, 'overdue_follow_ups', 'overdue')).toMatchObject({ count: 2, value: 1 });
  });

  it('given leads idle for 3 and 2 days, then only the first is stale, dated the day it became due', () => {
    const coaching = run(model, {
      facts: [leadFact('L1', 'A', local('2026-11-01')), leadFact('L2', 'A', local('2026-11-01'))],
      events: [
        event('attempt', 'A', 'L1', local('2026-11-22', '16:00')),
        event('attempt', 'A', 'L2', local('2026-11-23', '23:59')),
      ],
    });
    const result = resultOf(coaching, 'A', 'stale_leads', 'staleLead');
    expect(result.leads).toEqual([
      {
        leadId: 'L1',
        name: 'Dana Reyes',
        repId: 'A',
        lastActivityAt: local('2026-11-22', '16:00'),
        dueDate: '2026-11-25',
        daysIdle: 3,
      },
    ]);
  });

  it('given a lead touched only by suspicious activity, then the fake calls do not make it fresh', () => {
    const fakeModel = modelBuilder()
      .measures(staleLead(), integrity({ burst: { count: 3, withinMinutes: 5 } }))
      .build();
    const burst = [0, 1, 2].map((i) => event('attempt', 'A', 'L1', local('2026-11-24', '10:00') + i * MIN));
    const coaching = run(fakeModel, { facts: [leadFact('L1', 'A', local('2026-11-10'))], events: burst });
    expect(resultOf(coaching, 'A', 'stale_leads', 'staleLead').count).toBe(1);
  });
});

describe('sequence', () => {
  const model = modelBuilder().measures(sequence()).build();

  it('given sales with a demo before, none, a demo after, and a demo long before the window, then skips are counted', () => {
    const coaching = run(model, {
      events: [
        event('demo', 'A', 'O1', local('2026-11-10')),
        event('sold', 'A', 'O1', local('2026-11-12')),
        event('sold', 'A', 'O2', local('2026-11-12')),
        event('sold', 'A', 'O3', local('2026-11-12')),
        event('demo', 'B', 'O3', local('2026-11-13')),
        event('demo', 'A', 'O4', local('2026-06-01')),
        event('sold', 'A', 'O4', local('2026-11-12')),
      ],
    });
    const result = resultOf(coaching, 'A', 'demo_before_sale', 'sequence');
    expect(result).toMatchObject({ reached: 4, skipped: 2, value: 0.5, skippedBySteps: { demo: 2 } });
  });

  it('given nobody reaching the step, then null, not zero', () => {
    expect(resultOf(run(model), 'A', 'demo_before_sale', 'sequence')).toMatchObject({
      reached: 0,
      value: null,
      interval: null,
    });
  });
});

describe('integrity', () => {
  const model = modelBuilder()
    .measures(integrity(), volume({ step: 'attempt', perDay: 1 }), ratio())
    .build();
  const start = local('2026-11-16', '10:00');

  it('given ten calls in five minutes, then all are suspicious and excluded from credited volume', () => {
    const burst = Array.from({ length: 10 }, (_, i) =>
      event('attempt', 'A', `L${i}`, start + i * 30_000, { durationSec: 60 }),
    );
    const honest = Array.from({ length: 5 }, (_, i) =>
      event('attempt', 'A', `H${i}`, start + HOUR + i * 10 * MIN, { durationSec: 60 }),
    );
    const coaching = run(model, { events: [...burst, ...honest] });
    expect(resultOf(coaching, 'A', 'real_calls', 'integrity')).toMatchObject({
      checked: 15,
      suspicious: 10,
      inBursts: 10,
      tooShort: 0,
    });
    expect(resultOf(coaching, 'A', 'calls', 'volume').observed).toBe(5);
  });

  it('given nine completed contacted calls (each an attempt and a contact) in five minutes, then no burst: records are counted once', () => {
    const calls = Array.from({ length: 9 }, (_, i) => {
      const recordId = `CALL${i}`;
      const at = start + i * 30_000;
      return [
        event('attempt', 'A', `L${i}`, at, { recordId, durationSec: 90 }),
        event('contact', 'A', `L${i}`, at, { recordId, durationSec: 90 }),
      ];
    }).flat();
    expect(resultOf(run(model, { events: calls }), 'A', 'real_calls', 'integrity')).toMatchObject({
      checked: 18,
      suspicious: 0,
    });
  });

  it('given a contact of 5 seconds and one of unknown length, then only the short one is suspicious and it sets no ratio', () => {
    const coaching = run(model, {
      events: [
        event('contact', 'A', 'L1', start, { durationSec: 5 }),
        event('contact', 'A', 'L2', start + HOUR),
        event('appointment_set', 'A', 'L1', start + 2 * HOUR),
      ],
    });
    expect(resultOf(coaching, 'A', 'real_calls', 'integrity')).toMatchObject({
      checked: 2,
      suspicious: 1,
      tooShort: 1,
      value: 0.5,
    });
    expect(resultOf(coaching, 'A', 'set_rate', 'ratio')).toMatchObject({ trials: 1, successes: 0 });
  });

  it('given no checked events, then the share is null', () => {
    expect(resultOf(run(model), 'A', 'real_calls', 'integrity').value).toBeNull();
  });
});

describe('the run as a whole', () => {
  it('given the same rep twice, then one scorecard, and the events are still credited', () => {
    const coaching = run(modelBuilder().measures(volume()).build(), {
      reps: [rep('A'), rep('A', { name: 'Again' })],
      events: [event('attempt', 'A', null, NOW - 20 * HOUR)],
    });
    expect(coaching.scorecards.map((c) => [c.repId, c.name])).toEqual([['A', 'Again']]);
    expect(resultOf(coaching, 'A', 'calls', 'volume').observed).toBe(1);
  });

  it('given two salespeople and a setter, then a scorecard each with their role, and a team of the two salespeople', () => {
    const coaching = run(modelBuilder().measures(volume()).build(), {
      reps: [rep('A'), rep('S', { role: 'setter' }), rep('B')],
    });
    const card = ({ repId, name, role, members }: (typeof coaching.scorecards)[number]) => ({
      repId,
      name,
      role,
      members,
    });
    expect(coaching.scorecards.map(card)).toEqual([
      { repId: 'A', name: 'Rep A', role: 'salesperson', members: 1 },
      { repId: 'B', name: 'Rep B', role: 'salesperson', members: 1 },
      { repId: 'S', name: 'Rep S', role: 'setter', members: 1 },
    ]);
    expect(card(coaching.team)).toEqual({ repId: null, name: 'Team', role: 'team', members: 2 });
  });

  it('given events whose step is no longer in the model, then they are ignored and counted', () => {
    const coaching = run(modelBuilder().measures(volume()).build(), {
      events: [event('retired_step', 'A', null, NOW - HOUR)],
    });
    expect(coaching.ignoredEvents).toBe(1);
  });
});

describe('the event table’s ordering', () => {
  it('given fractional times, then the comparator fallback orders events as the packed sort does', () => {
    const model = modelBuilder()
      .measures(ratio(), integrity({ burst: { count: 3, withinMinutes: 1 } }))
      .build();
    const base = local('2026-11-10', '10:00');
    const make = (offset: number) => [
      event('contact', 'A', 'L1', base + offset),
      event('appointment_set', 'A', 'L1', base + 30_000 + offset),
      event('contact', 'A', 'L2', base + 3 * 3_600_000 + offset),
      event('attempt', 'A', 'L3', base + 7_200_000 + offset),
      event('attempt', 'A', 'L4', base + 7_210_000 + offset),
      event('attempt', 'A', 'L5', base + 7_220_000 + offset),
    ];
    const integral = run(model, { events: make(0).reverse() });
    const fractional = run(model, { events: make(0.25).reverse() });
    expect(fractional.scorecards).toEqual(integral.scorecards);
    expect(resultOf(integral, 'A', 'set_rate', 'ratio')).toMatchObject({ trials: 2, successes: 1 });
    expect(resultOf(integral, 'A', 'real_calls', 'integrity')).toMatchObject({ suspicious: 3 });
  });
});
