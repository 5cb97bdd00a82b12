/**
 * The core-level pass over generated stores: dealerships are generated from the seed until
 * the requested number of stores is reached, each run through the real mapper and judgement
 * and scored; the first is run a second time with its records shuffled.
 */
import type { CoachModel } from '../../src/core/model';
import { runCore } from './core-pass';
import { generateDealership, type GeneratedDealership } from './dealership';
import { checkOrder, type OrderCheck } from './order';
import { Random } from './random';
import { emptyScore, type Score, scoreDealership } from './score';
import { WeaknessDeck } from './weaknesses';

export interface Benchmark {
  score: Score;
  order: OrderCheck | null;
}

export function runBenchmark(model: CoachModel, stores: number, seed: number): Benchmark {
  const root = new Random(seed);
  const deck = new WeaknessDeck(root.fork('deck'));
  const score = emptyScore();
  let first: GeneratedDealership | null = null;
  for (let index = 0; score.stores < stores; index++) {
    const dealership = generateDealership({ model, random: root.fork(`dealership:${index}`), deck, index });
    const { result } = runCore(model, dealership.users, dealership.records, dealership.now);
    scoreDealership(score, dealership.truth, result, model.coaching.minSample);
    first ??= dealership;
  }
  return { score, order: first ? checkOrder(model, first, root.fork('order')) : null };
}
