import { dateFromDay, dayFromDate } from '../../src/core/civil-date';
import { eventColumnsOf } from '../../src/core/event-columns';
import type { MeasureModel, Rep, StepEvent } from '../../src/core/model';
import { calibrateTargets, type TargetRow } from '../../src/core/predictive-targets';
import type { AnalyzedMeasure, StoreAnalysis } from '../../src/core/predictive-store';
import { local, modelBuilder, ratio, rep, responseTime, volume } from '../core/builders';
import { measure as analyzedMeasure, storeAnalysis } from '../cli/analysis-builders';

/** Monday 2026-09-07: week 0 of these stores (after the summer time change, before the winter one). */
const FIRST = dayFromDate('2026-09-07') as number;
const WEEKS = 8;
/** The Monday after the last week: yesterday, Sunday, is the last day counted. */
const NOW = local(dateFromDay(FIRST + WEEKS * 7), '09:00');
const MON_TO_SAT = [0, 1, 2, 3, 4, 5];

/** Step events week by week in the store's zone; each event on its own customer unless told. */
class Store {
  readonly events: StepEvent[] = [];
  readonly reps: Rep[] = [];

  person(id: string, role: Rep['role'] = 'salesperson'): this {
    this.reps.push(rep(id, { role }));
    return this;
  }

  /** `count` events of `step` on each of `days` (0 = Monday) of weeks `from`…`to`, ten minutes apart from 10:00. */
  daily(id: string, step: string, count: number, weeks = { from: 0, to: WEEKS - 1 }, days = MON_TO_SAT): this {
    for (let w = weeks.from; w <= weeks.to; w++)
      for (const d of days)
        for (let k = 0; k < count; k++)
          this.at(id, step, FIRST + w * 7 + d, 600 + 10 * k, `${id}-${step}-${w}-${d}-${k}`);
    return this;
  }

  /** `of` customers in week 0, `reached` of whom also reach step `to` an hour later. */
  converts(id: string, from: string, to: string, reached: number, of: number, afterMinutes = 60): this {
    for (let k = 0; k < of; k++) {
      const subject = `${id}-${from}-${k}`;
      const day = FIRST + (k % 6);
      this.at(id, from, day, 540 + 5 * k, subject);
      if (k < reached) this.at(id, to, day, 540 + 5 * k + afterMinutes, subject);
    }
    return this;
  }

  at(id: string, step: string, day: number, minutes: number, subject: string | null): this {
    this.events.push({
      step,
      user: id,
      subject,
      at: midnight(day) + minutes * 60_000,
      recordId: `R${this.events.length}`,
    });
    return this;
  }
}

const midnights = new Map<number, number>();
/** Local midnight of a day (no clock change falls on a working day of these weeks). */
function midnight(day: number): number {
  if (!midnights.has(day)) midnights.set(day, local(dateFromDay(day), '00:00'));
  return midnights.get(day) as number;
}

/** The analysis's rows as `calibrateTargets` reads them: only ids, sources, verdicts and worths matter. */
function analysisOf(...rows: Partial<AnalyzedMeasure>[]): StoreAnalysis {
  const row = (r: Partial<AnalyzedMeasure>): AnalyzedMeasure =>
    analyzedMeasure({ id: 'attempt', label: 'Outbound call', worth: 0, worthInterval: { low: -1, high: 1 }, ...r });
  return storeAnalysis({ measures: rows.map(row), check: null });
}

function calibrate(store: Store, measures: MeasureModel[], analysis = analysisOf(), priorStrength = 20) {
  const model = modelBuilder()
    .measures(...measures)
    .coaching({ priorStrength })
    .build();
  return calibrateTargets({ model, reps: store.reps, events: eventColumnsOf(store.events), now: NOW }, analysis);
}

const rowOf = (rows: readonly TargetRow[], id: string): TargetRow => rows.find((r) => r.id === id) as TargetRow;

/** Salespeople P0…P(n−1) making calls[i] outbound calls every working day for the 8 weeks. */
function callers(calls: number[]): Store {
  const store = new Store();
  calls.forEach((c, i) => store.person(`P${i}`).daily(`P${i}`, 'attempt', c));
  return store;
}

describe('targets calibrated on the store', () => {
  it('given 8 salespeople calling 2…9 a working day and a target of 4, when calibrated, then the strong performers reach the p75 7.25 shrunk 8/14 toward 4, and the target is to be raised to 5.9', () => {
    const { rows } = calibrate(callers([2, 3, 4, 5, 6, 7, 8, 9]), [volume({ perDay: 4 })]);

    const calls = rowOf(rows, 'calls');
    expect(calls).toMatchObject({ unit: 'per working day', key: 'perDay', configured: 4, people: 8 });
    expect(calls.p75).toBeCloseTo(7.25, 10);
    expect(calls.weight).toBeCloseTo(8 / 14, 10);
    expect(calls.level).toBeCloseTo((8 / 14) * 7.25 + (6 / 14) * 4, 10);
    expect(calls.gap).toBeCloseTo(calls.level! - 4, 10);
    expect(calls).toMatchObject({ suggestion: 'raise', suggested: 5.9 });
  });

  it('given a history that starts on a Thursday, a holiday, a week a rep was away and calls made today, when calibrated, then each rep’s level is still their calls per working day', () => {
    const store = new Store();
    for (let i = 0; i < 6; i++) {
      const id = `P${i}`;
      store.person(id);
      // Week 0 from Thursday only (the backfill began then); week 3 away; calls also this Monday (today).
      store.daily(id, 'attempt', 5, { from: 0, to: 0 }, [3, 4, 5]);
      store.daily(id, 'attempt', 5, { from: 1, to: 2 });
      store.daily(id, 'attempt', 5, { from: 4, to: WEEKS }, MON_TO_SAT);
    }
    const model = modelBuilder()
      .measures(volume({ perDay: 5 }))
      .holidays(dateFromDay(FIRST + 7 * 5 + 2))
      .build();
    // The holiday's calls are moved to the other days of that week: the working days are five.
    const events = store.events.filter(
      (e) => e.at < midnight(FIRST + 7 * 5 + 2) || e.at >= midnight(FIRST + 7 * 5 + 3),
    );
    const { rows } = calibrateTargets(
      { model, reps: store.reps, events: eventColumnsOf(events), now: NOW },
      analysisOf(),
    );

    expect(rowOf(rows, 'calls')).toMatchObject({ people: 6, median: 5, p75: 5, level: 5, gap: 0, suggestion: 'keep' });
  });

  it('given a target the strong performers are far below, then it is to be lowered, and a level within a tenth of the target is kept', () => {
    const store = callers([2, 3, 3, 4, 4, 5, 5, 6]);

    const { rows } = calibrate(store, [volume({ id: 'high', perDay: 12 }), volume({ id: 'near', perDay: 5 })]);

    expect(rowOf(rows, 'high')).toMatchObject({ suggestion: 'lower' });
    expect(rowOf(rows, 'high').suggested).toBeCloseTo(rowOf(rows, 'high').level!, 1);
    expect(rowOf(rows, 'near')).toMatchObject({ suggestion: 'keep', suggested: null });
  });

  it('given three salespeople, then the level leans on the configured target (3/9) and nothing is suggested; given two, there is no level', () => {
    const three = calibrate(callers([2, 6, 10]), [volume({ perDay: 4 })]);
    const two = calibrate(callers([2, 10]), [volume({ perDay: 4 })]);

    expect(rowOf(three.rows, 'calls').level).toBeCloseTo((3 / 9) * 8 + (6 / 9) * 4, 10);
    expect(rowOf(three.rows, 'calls')).toMatchObject({ suggestion: 'not enough data', suggested: null });
    expect(rowOf(two.rows, 'calls')).toMatchObject({ p75: null, level: null, suggestion: 'not enough data' });
  });

  it('given setters in the team, then a top-level target is marked as holding them too, unless byRole.setter or byRole.salesperson keeps the roles apart', () => {
    const store = callers([2, 3, 4, 5, 6, 7]).person('S1', 'setter');
    const measures = [
      volume({ id: 'shared', perDay: 2 }),
      volume({ id: 'own_setters', perDay: 2, byRole: { setter: { perDay: 1 } } }),
      volume({ id: 'own_salespeople', perDay: 2, byRole: { salesperson: { perDay: 2 } } }),
    ];

    const { rows } = calibrate(store, measures);
    const alone = calibrate(callers([2, 3, 4, 5, 6, 7]), measures);

    expect(rows.map((r) => [r.id, r.key, r.holdsSetters])).toEqual([
      ['shared', 'perDay', true],
      ['own_setters', 'perDay', false],
      ['own_salespeople', 'byRole.salesperson.perDay', false],
    ]);
    expect(alone.rows.map((r) => r.holdsSetters)).toEqual([false, false, false]);
    expect(rowOf(rows, 'shared').people).toBe(6);
  });

  it('given a volume set by the goal plan, then the p75 is shown unshrunk with no gap, and it is kept', () => {
    const { rows } = calibrate(callers([2, 3, 4, 5, 6, 7]), [volume({ perDay: 'goal' })]);

    expect(rowOf(rows, 'calls')).toMatchObject({ configured: 'goal', p75: 5.75, weight: null, level: 5.75, gap: null });
    expect(rowOf(rows, 'calls').suggestion).toBe('keep');
  });

  it('given set rates of 30…100% of 100 contacts each and no shrinkage, then the p75 of the rates is compared with the share target', () => {
    const store = new Store();
    [30, 40, 50, 60, 70, 80, 90, 100].forEach((set, i) =>
      store.person(`P${i}`).daily(`P${i}`, 'attempt', 1).converts(`P${i}`, 'contact', 'appointment_set', set, 100),
    );

    const { rows } = calibrate(store, [ratio({ target: 0.6 })], analysisOf(), 0);

    const rate = rowOf(rows, 'set_rate');
    expect(rate).toMatchObject({ unit: 'share', key: 'target', configured: 0.6, people: 8 });
    expect(rate.p75).toBeCloseTo(0.825, 10);
    expect(rate.level).toBeCloseTo((8 / 14) * 0.825 + (6 / 14) * 0.6, 10);
    expect(rate).toMatchObject({ suggestion: 'raise', suggested: 0.73 });
  });

  it('given two lucky salespeople with 3 of 3 set among six at 50% of 100, then their rates are pulled toward the team’s and the p75 stays near 50%', () => {
    const store = new Store();
    for (let i = 0; i < 8; i++) {
      store.person(`P${i}`).daily(`P${i}`, 'attempt', 1);
      if (i < 2) store.converts(`P${i}`, 'contact', 'appointment_set', 3, 3);
      else store.converts(`P${i}`, 'contact', 'appointment_set', 50, 100);
    }

    const raw = rowOf(calibrate(store, [ratio({ target: 0.5 })], analysisOf(), 0).rows, 'set_rate');
    const shrunk = rowOf(calibrate(store, [ratio({ target: 0.5 })], analysisOf(), 20).rows, 'set_rate');

    expect(raw.p75).toBeCloseTo(0.625, 10);
    const team = 306 / 606;
    const lucky = (3 + 20 * team) / 23;
    const ordinary = (50 + 20 * team) / 120;
    expect(shrunk.p75).toBeCloseTo(ordinary + 0.25 * (lucky - ordinary), 10);
    expect(shrunk.p75).toBeLessThan(0.52);
    expect(shrunk.suggestion).toBe('keep');
  });

  it('given leads answered within the SLA at 50…85% per salesperson and a target held by byRole.salesperson, then the share is calibrated against the salespeople’s own target', () => {
    const store = new Store();
    [50, 55, 60, 65, 70, 75, 80, 85].forEach((fast, i) =>
      store.person(`P${i}`).daily(`P${i}`, 'contact', 1).converts(`P${i}`, 'lead', 'attempt', fast, 100, 10),
    );
    // The slow rest of each rep's 100 leads: answered after two hours.
    store.reps.forEach((r, i) => {
      const fast = 50 + 5 * i;
      for (let k = fast; k < 100; k++)
        store.at(r.id, 'attempt', FIRST + (k % 6), 540 + 5 * k + 120, `${r.id}-lead-${k}`);
    });
    const measure = responseTime({ target: 0.9, byRole: { salesperson: { target: 0.5 } } });

    const { rows } = calibrate(store, [measure], analysisOf(), 0);

    const response = rowOf(rows, 'lead_response');
    expect(response).toMatchObject({ key: 'byRole.salesperson.target', configured: 0.5, people: 8 });
    expect(response.p75).toBeCloseTo(0.7625, 10);
    expect(response).toMatchObject({ suggestion: 'raise', suggested: 0.65 });
  });

  it('given a configured measure not predictive here whose worth interval tops out under a twentieth of a rep’s monthly sales, then consider dropping it; with a wide interval, it is not dropped', () => {
    // Each sells one car a week: 52/12 ≈ 4.3 a month, a twentieth of which is ≈ 0.22.
    const store = callers([2, 3, 4, 5, 6, 7, 8, 9]);
    store.reps.forEach((r) => store.daily(r.id, 'sold', 1, { from: 0, to: WEEKS - 1 }, [2]));
    const measures = [volume({ perDay: 5 })];

    const narrow = calibrate(store, measures, analysisOf({ worthInterval: { low: -0.1, high: 0.2 } }));
    const wide = calibrate(store, measures, analysisOf({ worthInterval: { low: -0.1, high: 0.3 } }));

    expect(narrow.outcomePerMonth).toBeCloseTo(52 / 12, 10);
    expect(rowOf(narrow.rows, 'calls')).toMatchObject({ suggestion: 'consider dropping', suggested: null });
    expect(rowOf(narrow.rows, 'calls').analyzed?.verdict).toBe('not predictive here');
    expect(rowOf(wide.rows, 'calls').suggestion).toBe('raise');
  });

  it('given a step predictive here that no measure counts, then it is to be added at the strong performers’ level; one not predictive, or off the chain to the sale, is not', () => {
    const store = callers([1, 1, 1, 1, 1, 1, 1, 1]);
    store.reps.forEach((r, i) => store.daily(r.id, 'contact', 1 + (i % 4)));
    store.reps.forEach((r) => store.daily(r.id, 'appointment_shown', 1));
    const analysis = analysisOf(
      { id: 'contact', source: 'step', verdict: 'predictive here' },
      { id: 'attempt', source: 'volume measure', verdict: 'predictive here' },
      { id: 'demo', source: 'step', verdict: 'not predictive here' },
      // No ratio leads to or from it here, as no ratio leads to a no-show: more of it is no aim.
      { id: 'appointment_shown', source: 'step', verdict: 'predictive here' },
    );

    const { additions } = calibrate(
      store,
      [volume({ perDay: 1 }), ratio({ from: 'attempt', to: 'contact' })],
      analysis,
    );

    expect(additions.map((a) => [a.step, a.people, a.perDay])).toEqual([['contact', 8, 3.25]]);
  });
});
