import type { Actor } from './actor';
import { DAY, MINUTE, span, type JourneyContext } from './journey-context';
import type { LeadOutcome } from './lead-journey';

/**
 * Bursts of calls logged without dialling (a dealer's anecdote: "30 calls in 5 minutes"), sized
 * to trip the default integrity rule of ≥10 completed calls within 5 minutes.
 */
const BURST_CALLS: readonly [number, number] = [10, 14];
const BURST_GAP_SECONDS: readonly [number, number] = [8, 20];
const FAKE_CALL_SECONDS: readonly [number, number] = [2, 18];
/** Share of fake calls marked Contacted. */
const FAKE_CONTACTED_SHARE = 0.35;
/** Fake calls go to one of the leads the worker reached most recently. */
const RECENT_LEADS = 40;
/** Calls logged with no Lead/Contact, and tasks with a Type the mapper does not know, per worker. */
const UNLINKED_CALLS = 2;
const UNKNOWN_TYPE_TASKS = 1;

/**
 * On `fakeBurstDayShare` of the worker's business days, a burst of calls that never happened,
 * "made" to leads they had already reached: the fake calls pad volume without making any lead
 * look reached that was not.
 */
export function logFakeCallBursts(ctx: JourneyContext, actor: Actor, leads: readonly LeadOutcome[]): void {
  const share = actor.worker.traits.fakeBurstDayShare;
  if (share <= 0) return;
  const { calendar, factory } = ctx;
  const rng = actor.rng;
  const reached = leads.filter((l) => l.contactedB >= 0).sort((a, b) => a.contactedB - b.contactedB);
  let known = 0;
  for (let day = calendar.dayOf(actor.worker.startB); day <= calendar.dayOf(calendar.nowB); day++) {
    if (!rng.chance(share)) continue;
    let b = calendar.dayStart(day) + span(rng, 0, DAY - 10 * MINUTE);
    while (known < reached.length && (reached[known] as LeadOutcome).contactedB < b) known++;
    if (known === 0) continue;
    const calls = rng.int(BURST_CALLS[0], BURST_CALLS[1]);
    for (let c = 0; c < calls && b < calendar.nowB; c++, b += span(rng, BURST_GAP_SECONDS[0], BURST_GAP_SECONDS[1])) {
      const lead = reached[known - 1 - rng.int(0, Math.min(RECENT_LEADS, known) - 1)] as LeadOutcome;
      const disposition = rng.chance(FAKE_CONTACTED_SHARE) ? 'Contacted' : 'Left Message';
      factory.call({
        ownerId: actor.id,
        whoId: lead.leadId,
        b,
        disposition,
        seconds: rng.int(FAKE_CALL_SECONDS[0], FAKE_CALL_SECONDS[1]),
      });
    }
  }
}

/**
 * Records the mapper must count rather than map: calls linked to no Lead/Contact and tasks whose
 * Type is not in the model's picklist.
 */
export function logStrayRecords(ctx: JourneyContext, actor: Actor, leads: readonly LeadOutcome[]): void {
  const { calendar, factory } = ctx;
  const rng = actor.rng;
  const fromB = actor.worker.startB;
  if (calendar.nowB <= fromB) return;
  for (let i = 0; i < UNLINKED_CALLS; i++) {
    factory.call({
      ownerId: actor.id,
      whoId: null,
      b: span(rng, fromB, calendar.nowB - 1),
      disposition: 'Left Message',
      seconds: rng.int(25, 70),
    });
  }
  if (leads.length === 0) return;
  for (let i = 0; i < UNKNOWN_TYPE_TASKS; i++) {
    const lead = rng.pick(leads);
    factory.note({
      ownerId: actor.id,
      whoId: lead.leadId,
      b: span(rng, lead.createdB, calendar.nowB - 1),
      type: 'Text',
      subject: 'Text message',
    });
  }
}
