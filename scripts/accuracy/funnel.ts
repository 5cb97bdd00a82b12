/**
 * What one lead yields, in expectation, for a lead owner's and a salesperson's levels: the
 * generator's own arithmetic of its journeys (lead-journey.ts), used to size workloads so
 * that a planted weakness rests on a sample a sound rule can judge, and to set each
 * salesperson's goal at what their workload sells at the team's conversion.
 */
import type { Levels } from './levels';

/** Of reached customers, the call (1st, 2nd, 3rd) on which they were reached. */
export const CONTACT_ATTEMPT_WEIGHTS: readonly number[] = [0.55, 0.3, 0.15];
/** Calls made to a customer never reached before giving up. */
export const UNREACHED_ATTEMPTS = 3;
/** Of reached customers not booked, the share asked to be called back later (a follow-up task). */
export const NURTURE_SHARE = 0.25;
/** A customer written up without a demo drive buys less often than one who drove. */
export const CLOSE_WITHOUT_DEMO = 0.7;

const meanContactAttempt = CONTACT_ATTEMPT_WEIGHTS.reduce((sum, w, i) => sum + w * (i + 1), 0);

/**
 * Of shown customers who had no demo, the share still written up, chosen so that sales
 * without a demo are `demoSkip` of all sales: the planted skip share is then exactly what the
 * demo-before-sale measure reads, whatever the demo rate.
 */
export function noDemoWriteUp(levels: Levels): number {
  const { demo, writeUp, demoSkip } = levels;
  if (demoSkip <= 0 || demo >= 1) return 0;
  return Math.min(1, (demoSkip * demo * writeUp) / ((1 - demoSkip) * (1 - demo) * CLOSE_WITHOUT_DEMO));
}

/** The highest demo rate at which `demoSkip` of sales can be made without a demo (write-up share ≤ 1). */
export function maxDemoFor(demoSkip: number, writeUp: number): number {
  return ((1 - demoSkip) * CLOSE_WITHOUT_DEMO) / (demoSkip * writeUp + (1 - demoSkip) * CLOSE_WITHOUT_DEMO);
}

export interface Yield {
  leads: number;
  calls: number;
  contacts: number;
  sets: number;
  shown: number;
  demos: number;
  writeUps: number;
  sales: number;
  /** Reached, not booked, not called back: the leads a rep may leave idle or forget. */
  idleCandidates: number;
}

/** Per shown customer, what the salesperson makes of them. */
export function perShown(seller: Levels): Pick<Yield, 'demos' | 'writeUps' | 'sales'> {
  const q = noDemoWriteUp(seller);
  const withDemo = seller.demo * seller.writeUp;
  const withoutDemo = (1 - seller.demo) * q;
  return {
    demos: seller.demo,
    writeUps: withDemo + withoutDemo,
    sales: withDemo * seller.close + withoutDemo * seller.close * CLOSE_WITHOUT_DEMO,
  };
}

/** Per lead owned by `owner`; `seller` takes its shown customers (the owner, or whom a setter books for). */
export function perLead(owner: Levels, seller: Levels): Yield {
  const { contact: c, set: s, show: h } = owner;
  const notBooked = c * (1 - s);
  const shown = c * s * h;
  const down = perShown(seller);
  return {
    leads: 1,
    calls: c * meanContactAttempt + (1 - c) * UNREACHED_ATTEMPTS + notBooked * NURTURE_SHARE,
    contacts: c,
    sets: c * s,
    shown,
    demos: shown * down.demos,
    writeUps: shown * down.writeUps,
    sales: shown * down.sales,
    idleCandidates: notBooked * (1 - NURTURE_SHARE),
  };
}

/**
 * The chance that a call which did not reach the customer is logged as "Contacted" with a few
 * seconds' duration (voicemail logged as a conversation), so that such implausible contacts
 * are `levels.suspicious` of the call events the integrity measure checks (every call is an
 * attempt; one logged as reached is a contact too). They are not real contacts: the planted
 * contact rate counts only customers truly reached, as the measure does once it drops them.
 */
export function mislogChance(levels: Levels): number {
  const y = perLead(levels, levels);
  const missed = y.calls - y.contacts;
  const share = levels.suspicious;
  return share <= 0 || missed <= 0 ? 0 : Math.min(1, (share * (y.calls + y.contacts)) / (missed * (1 - share)));
}
