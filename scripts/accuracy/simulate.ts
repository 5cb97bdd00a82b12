/**
 * The simulation: a team of ten salespeople exactly at the config's thresholds on every
 * measure (rates at target, skips and fakes at the tolerated share, open items at the allowed
 * count, calls exactly what the goal needs), generated afresh for each run. Nobody there has
 * a weakness, so every flag is a false one; the mean per run is the judgement's false-flag
 * rate on a team with nothing to find.
 */
import type { CoachModel } from '../../src/core/model';
import { runCore } from './core-pass';
import { generateDealership } from './dealership';
import { atThresholds, thresholdsOf } from './levels';
import { Random } from './random';
import { WeaknessDeck } from './weaknesses';

export const SIMULATED_TEAM = 10;
/** Units a month for each simulated salesperson: enough that every ratio's sample clears the minimum. */
const SIMULATED_GOAL = 20;

export interface Simulation {
  runs: number;
  /** Flags written (each rep's flagged findings, at most maxFlagsPerRep). */
  flags: number;
  runsWithFlags: number;
  /** Every weakness found, before the cap (flagged and held back), by measure: what the tests say. */
  found: number;
  foundByMeasure: Map<string, number>;
}

export function simulate(model: CoachModel, runs: number, seed: number): Simulation {
  const team = atThresholds(thresholdsOf(model));
  const shape = { size: SIMULATED_TEAM, bdc: false, team, profile: 'clean' as const, goal: SIMULATED_GOAL };
  const simulation: Simulation = { runs, flags: 0, runsWithFlags: 0, found: 0, foundByMeasure: new Map() };
  const root = new Random(seed);
  for (let run = 0; run < runs; run++) {
    const random = root.fork(`simulation:${run}`);
    const deck = new WeaknessDeck(random.fork('deck'));
    const dealership = generateDealership({ model, random, deck, index: run, shapes: [shape] });
    const { result } = runCore(model, dealership.users, dealership.records, dealership.now);
    if (result.findings.length > 0) simulation.runsWithFlags++;
    simulation.flags += result.findings.length;
    for (const finding of result.diagnoses.flatMap((d) => [...d.flagged, ...d.heldBack])) {
      simulation.found++;
      simulation.foundByMeasure.set(finding.measure, (simulation.foundByMeasure.get(finding.measure) ?? 0) + 1);
    }
  }
  return simulation;
}
