import type { Actor } from './actor';
import { DAY, type JourneyContext } from './journey-context';
import { runLeadJourney, type LeadOutcome } from './lead-journey';

/**
 * Leads per salesperson per month: the brief's 100–120, at the low end so that units sold stay
 * near the ~10 per salesperson per month of Automotive News / NADA.
 */
const LEADS_PER_MONTH = 100;
/** Monday to Saturday. */
const BUSINESS_DAYS_PER_MONTH = 26;
export const LEADS_PER_BUSINESS_DAY = LEADS_PER_MONTH / BUSINESS_DAYS_PER_MONTH;
/** Stale leads are planted among leads that arrived this many business days before `now`. */
const STALE_ARRIVAL_DAYS: readonly [number, number] = [5, 15];

/**
 * Works `count` leads arriving at random moments in [fromB, toB) (business positions), in the
 * order they arrive. `ownerOf(i)` says who takes the appointment if lead `i` books one.
 */
export function workLeads(
  ctx: JourneyContext,
  actor: Actor,
  count: number,
  fromB: number,
  toB: number,
  ownerOf: (i: number) => Actor,
): LeadOutcome[] {
  const times = arrivals(actor, count, fromB, toB);
  const abandoned = pickStale(times, actor.worker.traits.staleLeads, ctx.calendar.nowB);
  const outcomes: LeadOutcome[] = [];
  for (let i = 0; i < times.length; i++) {
    outcomes.push(
      runLeadJourney(ctx, actor, times[i] as number, { abandon: abandoned.has(i), appointmentOwner: ownerOf(i) }),
    );
  }
  return outcomes;
}

/** How many leads a worker gets between `fromB` and `toB` at their share of the lead flow. */
export function leadCount(perBusinessDay: number, share: number, fromB: number, toB: number): number {
  return Math.max(0, Math.round((perBusinessDay * share * (toB - fromB)) / DAY));
}

/**
 * Arrival positions, one at a random moment in each of `count` equal slices of [fromB, toB):
 * random within the day, but steady across weeks, so a 30-day window holds the worker's usual
 * volume rather than a lucky or unlucky month.
 */
function arrivals(actor: Actor, count: number, fromB: number, toB: number): Float64Array {
  const times = new Float64Array(count);
  const slice = (toB - fromB) / count;
  for (let i = 0; i < count; i++) times[i] = Math.floor(fromB + (i + actor.rng.next()) * slice);
  return times;
}

/** Indexes of `wanted` leads, spread evenly over those that arrived 5–15 business days ago. */
function pickStale(times: Float64Array, wanted: number, nowB: number): Set<number> {
  const picked = new Set<number>();
  if (wanted <= 0) return picked;
  const candidates: number[] = [];
  times.forEach((b, i) => {
    if (b >= nowB - STALE_ARRIVAL_DAYS[1] * DAY && b < nowB - STALE_ARRIVAL_DAYS[0] * DAY) candidates.push(i);
  });
  const take = Math.min(wanted, candidates.length);
  for (let k = 0; k < take; k++) picked.add(candidates[Math.floor((k * candidates.length) / take)] as number);
  return picked;
}
