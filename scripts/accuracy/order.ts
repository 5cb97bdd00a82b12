/**
 * Order independence: the same records in another order must give the same judgement. The
 * records and users are shuffled (a seeded shuffle, so a difference can be replayed) and the
 * core run again; the findings, held-back findings and desired records are compared whole.
 */
import type { CoachModel } from '../../src/core/model';
import { runCore } from './core-pass';
import type { GeneratedDealership } from './dealership';
import type { Random } from './random';

export interface OrderCheck {
  identical: boolean;
  /** Reps whose findings differ between the two orders. */
  repsDiffering: number;
  desiredDiffering: boolean;
}

export function checkOrder(model: CoachModel, dealership: GeneratedDealership, random: Random): OrderCheck {
  const { users, records, now } = dealership;
  const first = runCore(model, users, records, now).result;
  const second = runCore(model, random.shuffled(users), random.shuffled(records), now).result;
  const byRep = new Map(second.diagnoses.map((d) => [d.repId, JSON.stringify(d)]));
  const repsDiffering = first.diagnoses.filter((d) => byRep.get(d.repId) !== JSON.stringify(d)).length;
  const desiredDiffering = JSON.stringify(first.desired) !== JSON.stringify(second.desired);
  return { identical: repsDiffering === 0 && !desiredDiffering, repsDiffering, desiredDiffering };
}
