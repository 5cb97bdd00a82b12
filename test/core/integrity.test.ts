import type { IntegrityMeasure } from '../../src/core/model';
import { event, integrity, local, modelBuilder, rep, resultOf, run } from './builders';

const MIN = 60_000;
const start = local('2026-11-16', '10:00');
/** The window of the builders' NOW: 2026-10-28 00:00 up to (not including) 2026-11-25 00:00. */
const windowStart = local('2026-10-28', '00:00');
const windowEnd = local('2026-11-25', '00:00');

const bursts = integrity({ burst: { count: 3, withinMinutes: 5 } });
const withoutMinDuration = (over: Partial<IntegrityMeasure> = {}): IntegrityMeasure => {
  const { minDuration: _minDuration, ...measure } = integrity({ burst: { count: 3, withinMinutes: 5 }, ...over });
  return measure;
};
const calls = (repId: string, ats: number[]) =>
  ats.map((at, i) => event('attempt', repId, `${repId}-L${i}`, at, { durationSec: 60 }));

describe('integrity: bursts', () => {
  const model = modelBuilder().measures(bursts).build();

  it('given three different calls logged at the same instant, then they are three records and a burst', () => {
    const coaching = run(model, { events: calls('A', [start, start, start]) });
    expect(resultOf(coaching, 'A', 'real_calls', 'integrity')).toMatchObject({
      checked: 3,
      suspicious: 3,
      inBursts: 3,
    });
  });

  it('given records exactly the burst window apart, then a burst (inclusive); a second more, then none', () => {
    const coaching = run(model, {
      reps: [rep('A'), rep('B')],
      events: [
        ...calls('A', [start, start + 2.5 * MIN, start + 5 * MIN]),
        ...calls('B', [start, start + 2.5 * MIN, start + 5 * MIN + 1000]),
      ],
    });
    expect(resultOf(coaching, 'A', 'real_calls', 'integrity')).toMatchObject({ checked: 3, suspicious: 3 });
    expect(resultOf(coaching, 'B', 'real_calls', 'integrity')).toMatchObject({ checked: 3, suspicious: 0 });
  });

  it('given a measure on the model’s first step (new leads), then a burst of leads is suspicious', () => {
    const leads = withoutMinDuration({ steps: ['lead'] });
    const events = [0, 1, 2].map((i) => event('lead', 'A', `L${i}`, start + i * MIN));
    expect(resultOf(run(modelBuilder().measures(leads).build(), { events }), 'A', 'real_calls', 'integrity')).toEqual(
      expect.objectContaining({ checked: 3, suspicious: 3, suspiciousBySteps: { lead: 3 } }),
    );
  });
});

describe('integrity: short calls', () => {
  it('given a short attempt and a short contact, then only the contact is suspicious: minDuration names its steps', () => {
    const coaching = run(modelBuilder().measures(bursts).build(), {
      events: [
        event('attempt', 'A', 'L1', start, { durationSec: 5 }),
        event('contact', 'A', 'L2', start + 60 * MIN, { durationSec: 5 }),
      ],
    });
    expect(resultOf(coaching, 'A', 'real_calls', 'integrity')).toMatchObject({
      checked: 2,
      suspicious: 1,
      inBursts: 0,
      tooShort: 1,
      suspiciousBySteps: { contact: 1 },
    });
  });

  it('given no minDuration, then a short contact is not suspicious', () => {
    const coaching = run(modelBuilder().measures(withoutMinDuration()).build(), {
      events: [event('contact', 'A', 'L1', start, { durationSec: 5 })],
    });
    expect(resultOf(coaching, 'A', 'real_calls', 'integrity')).toMatchObject({ checked: 1, suspicious: 0 });
  });
});

describe('integrity: the period and the team', () => {
  const model = modelBuilder().measures(bursts).build();

  it('given calls at the window’s first instant, just before it and at its end, then only the first instant counts', () => {
    const coaching = run(model, { events: calls('A', [windowStart - 1, windowStart, start, windowEnd]) });
    expect(resultOf(coaching, 'A', 'real_calls', 'integrity').checked).toBe(2);
  });

  it('given two salespeople, a setter and a manager, then each rep’s own counts, and the team adds up the salespeople only', () => {
    const coaching = run(model, {
      reps: [rep('A'), rep('B'), rep('S', { role: 'setter' })],
      events: [
        ...calls('A', [start, start + MIN, start + 2 * MIN, start + 60 * MIN]),
        event('contact', 'B', 'B-C1', start, { durationSec: 5 }),
        ...calls('B', [start + 60 * MIN, start + 120 * MIN]),
        ...calls('S', [start, start + MIN, start + 2 * MIN]),
        ...calls('MGR1', [start, start + MIN, start + 2 * MIN]),
      ],
    });
    const counts = (repId: string | null) => {
      const { checked, suspicious, inBursts, tooShort, suspiciousBySteps, value } = resultOf(
        coaching,
        repId,
        'real_calls',
        'integrity',
      );
      return { checked, suspicious, inBursts, tooShort, suspiciousBySteps, value };
    };
    expect(counts('A')).toEqual({
      checked: 4,
      suspicious: 3,
      inBursts: 3,
      tooShort: 0,
      suspiciousBySteps: { attempt: 3 },
      value: 3 / 4,
    });
    expect(counts('B')).toEqual({
      checked: 3,
      suspicious: 1,
      inBursts: 0,
      tooShort: 1,
      suspiciousBySteps: { contact: 1 },
      value: 1 / 3,
    });
    expect(counts('S')).toEqual({
      checked: 3,
      suspicious: 3,
      inBursts: 3,
      tooShort: 0,
      suspiciousBySteps: { attempt: 3 },
      value: 1,
    });
    expect(counts(null)).toEqual({
      checked: 7,
      suspicious: 4,
      inBursts: 3,
      tooShort: 1,
      suspiciousBySteps: { attempt: 3, contact: 1 },
      value: 4 / 7,
    });
  });
});

describe('integrity: one record at two instants', () => {
  // An appointment is one Event record: set when it is created, shown when it starts.
  const appointments = withoutMinDuration({
    steps: ['appointment_set', 'appointment_shown'],
    burst: { count: 2, withinMinutes: 1 },
  });
  const later = start + 2 * 24 * 60 * MIN;

  it('given an appointment shown at the instant another is set, when bursts are found, then its two events are two records’ worth', () => {
    const coaching = run(modelBuilder().measures(appointments).build(), {
      events: [
        event('appointment_set', 'A', 'L1', start, { recordId: 'R1' }),
        event('appointment_set', 'A', 'L2', later, { recordId: 'R2' }),
        event('appointment_shown', 'A', 'L1', later, { recordId: 'R1' }),
      ],
    });
    // At `later` two records (R2 set, R1 shown) make a burst; R1's set two days before is no part of it.
    expect(resultOf(coaching, 'A', 'real_calls', 'integrity')).toMatchObject({
      checked: 3,
      suspicious: 2,
      inBursts: 2,
      suspiciousBySteps: { appointment_set: 1, appointment_shown: 1 },
    });
  });
});

describe('integrity: the shortest real call', () => {
  it('given contacts of exactly the minimum duration and a second under it, when checked, then only the shorter is suspicious', () => {
    const coaching = run(modelBuilder().measures(bursts).build(), {
      events: [
        event('contact', 'A', 'L1', start, { durationSec: 20 }),
        event('contact', 'A', 'L2', start + 60 * MIN, { durationSec: 19 }),
      ],
    });
    expect(resultOf(coaching, 'A', 'real_calls', 'integrity')).toMatchObject({
      checked: 2,
      suspicious: 1,
      tooShort: 1,
    });
  });
});
