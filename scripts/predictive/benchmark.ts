/**
 * Runs the predictive analysis over generated stores and scores it against what was planted:
 * is the planted driver ranked first and called predictive, is the e-mail noise (or the ratio
 * and integrity shares' noise, or the new inquiries' touched share) ever called predictive, do
 * thin stores get "not enough data", and does the ranked measure beat past sales alone out of
 * sample.
 */
import { DealershipCalendar } from '../../src/core/calendar';
import { EventTable } from '../../src/core/event-table';
import { eventColumnsOf } from '../../src/core/event-columns';
import { markSuspicious } from '../../src/core/integrity';
import type { IntegrityMeasure } from '../../src/core/model';
import { outOfSampleCheck, type OutOfSample } from '../../src/core/predictive-check';
import { estimateEffects, type MeasureEffect } from '../../src/core/predictive-effects';
import { buildPanel } from '../../src/core/predictive-panel';
import { ratioShares, suspiciousShares } from '../../src/core/predictive-shares';
import { touchedShares } from '../../src/core/predictive-touched';
import { Random } from '../accuracy/random';
import {
  BURST,
  DRIVER_KINDS,
  DRIVER_MEASURE,
  type DriverKind,
  generateStore,
  type GeneratedStore,
  RESPONSE_MINUTES,
  SHARE_NOISE,
  type StoreShape,
  STEPS,
  TOUCH_NOISE,
} from './store';
import { studentTQuantile } from '../../src/lib/student-t';

export const CALENDAR = new DealershipCalendar({
  timeZone: 'America/Chicago',
  workingDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  holidays: [],
});
export const LAG = { from: 1, to: 4 };
/** The integrity measure behind the burst share: logged calls only, so no other candidate loses events. */
const BURST_CHECK: IntegrityMeasure = {
  id: SHARE_NOISE.integrity.id,
  label: 'Calls in bursts',
  diagnosis: 'Activity',
  kind: 'integrity',
  steps: SHARE_NOISE.integrity.steps,
  burst: BURST,
  maxSuspiciousShare: 0.05,
};

export interface StoreResult {
  readonly shape: StoreShape;
  readonly effects: MeasureEffect[];
  readonly check: OutOfSample | null;
}

/** The analysis of one generated store, as `analyze` will run it: panel, effects, out-of-sample check. */
export function analyzeStore(store: GeneratedStore, seed: number): StoreResult {
  const table = new EventTable([...STEPS], store.reps, eventColumnsOf(store.events));
  markSuspicious(table, [BURST_CHECK]);
  const counted = buildPanel(table, CALENDAR, {
    outcomeStep: 'sold',
    countSteps: ['attempt', 'appointment_set', 'appointment_shown', 'email'],
    responses: [{ id: 'response_15min', from: 'lead', to: 'attempt', withinMinutes: RESPONSE_MINUTES }],
    lag: LAG,
    lastDay: store.lastDay,
  });
  const panel = {
    ...counted,
    measures: [
      ...counted.measures,
      ratioShares(table, CALENDAR, counted, SHARE_NOISE.ratio, store.lastDay),
      suspiciousShares(table, CALENDAR, counted, SHARE_NOISE.integrity, store.lastDay),
      // Last: each measure's bootstrap has its own stream by position, so the ones above keep theirs.
      touchedShares(table, CALENDAR, counted, TOUCH_NOISE, store.lastDay),
    ],
  };
  const shape = { kind: store.kind, weeks: store.weeks, people: store.people };
  return {
    shape,
    effects: estimateEffects(panel, { seed, tQuantile: studentTQuantile }),
    check: outOfSampleCheck(panel, { seed, tQuantile: studentTQuantile }),
  };
}

/**
 * The shapes of a run: `stores` with 3–12 months and 4–25 people, drivers in turn, and `thin`
 * stores of 4 weeks and 4 people.
 */
export function storeShapes(stores: number, thin: number, random: Random): StoreShape[] {
  const shapes: StoreShape[] = [];
  for (let i = 0; i < stores; i++) {
    const kind = DRIVER_KINDS[i % DRIVER_KINDS.length] as DriverKind;
    shapes.push({ kind, weeks: Math.round(random.uniform(3, 12) * (52 / 12)), people: random.int(4, 25) });
  }
  for (let i = 0; i < thin; i++) shapes.push({ kind: DRIVER_KINDS[i % 3] as DriverKind, weeks: 4, people: 4 });
  return shapes;
}

export function runPredictive(stores: number, thin: number, seed: number): StoreResult[] {
  const random = new Random(seed);
  return storeShapes(stores, thin, random.fork('shapes')).map((shape, i) =>
    analyzeStore(generateStore(shape, CALENDAR, random.fork(`store-${i}`)), seed + i),
  );
}

export { DRIVER_MEASURE };
