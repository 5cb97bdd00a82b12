/**
 * A shown customer's visit as OpportunityHistory rows, credited to the salesperson who met
 * them: needs analysis, the demo drive, the write-up and the close, each with the seller's
 * planted probability. Customers not given a demo are still written up at the rate that makes
 * the seller's planted share of sales without a demo come true (funnel.ts).
 */
import { CLOSE_WITHOUT_DEMO, noDemoWriteUp } from './funnel';
import type { JourneyContext, Seller } from './lead-journey';
import { MINUTE_MS } from './store-clock';

/** Of write-ups and closes, the share done on the visit itself; the rest follow within a few working days. */
const SAME_VISIT = 0.7;

export function visit(ctx: JourneyContext, seller: Seller, startAt: number): void {
  const { clock, random, now, sink } = ctx;
  const levels = seller.levels;
  const opportunityId = sink.newId('Opportunity');
  // Stages come in time order, so the first one after `now` ends what has happened so far.
  const stage = (name: string, at: number): boolean => {
    if (at > now) return false;
    sink.stage(opportunityId, seller.id, name, at);
    return true;
  };
  const later = (from: number, minutes: number): number =>
    random.chance(SAME_VISIT)
      ? from + minutes * MINUTE_MS
      : clock.timeDuringHours(random, clock.addWorkingDays(clock.dayOf(from) + 1, random.int(0, 2)));

  if (!random.chance(levels.naSkip) && !stage('Needs Analysis', startAt + 10 * MINUTE_MS)) return;
  const demo = random.chance(levels.demo);
  if (demo && !stage('Demo', startAt + 35 * MINUTE_MS)) return;
  const writtenUp = random.chance(demo ? levels.writeUp : noDemoWriteUp(levels));
  if (!writtenUp) {
    stage('Closed Lost', clock.timeDuringHours(random, clock.addWorkingDays(clock.dayOf(startAt) + 1, 1)));
    return;
  }
  const writeUpAt = later(startAt + 40 * MINUTE_MS, 40);
  if (!stage('Write-Up', writeUpAt)) return;
  const sold = random.chance(demo ? levels.close : levels.close * CLOSE_WITHOUT_DEMO);
  stage(sold ? 'Closed Won' : 'Closed Lost', later(writeUpAt, 30));
}
