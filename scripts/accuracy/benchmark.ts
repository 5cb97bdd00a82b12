/**
 * The core-level pass over generated stores: dealerships are generated from the seed until
 * the requested number of stores is reached, each run through the real mapper and judgement
 * and scored; the first is run a second time with its records shuffled. The first dealerships
 * (enough for `e2eStores` stores, within those scored) are kept with their core results for the
 * end-to-end pass, which runs the same dealerships through the sandbox org.
 */
import type { CoachingResult } from '../../src/core/coach';
import type { CoachModel } from '../../src/core/model';
import { runCore } from './core-pass';
import { generateDealership, type GeneratedDealership } from './dealership';
import { checkOrder, type OrderCheck } from './order';
import { Random } from './random';
import { emptyScore, minSampleByMeasure, type Score, scoreDealership } from './score';
import { WeaknessDeck } from './weaknesses';

/** A dealership and what the core pass made of it. */
export interface CoreRun {
  dealership: GeneratedDealership;
  result: CoachingResult;
}

export interface Benchmark {
  score: Score;
  order: OrderCheck | null;
  /** The first dealerships, covering at least `e2eStores` stores (fewer when fewer were generated). */
  sample: CoreRun[];
}

export function runBenchmark(model: CoachModel, stores: number, seed: number, e2eStores = 0): Benchmark {
  const root = new Random(seed);
  const deck = new WeaknessDeck(root.fork('deck'));
  const score = emptyScore();
  const sample: CoreRun[] = [];
  let first: GeneratedDealership | null = null;
  for (let index = 0; score.stores < stores; index++) {
    const dealership = generateDealership({ model, random: root.fork(`dealership:${index}`), deck, index });
    const { result } = runCore(model, dealership.users, dealership.records, dealership.now);
    if (score.stores < e2eStores) sample.push({ dealership, result });
    scoreDealership(score, dealership.truth, result, minSampleByMeasure(model));
    first ??= dealership;
  }
  return { score, order: first ? checkOrder(model, first, root.fork('order')) : null, sample };
}
