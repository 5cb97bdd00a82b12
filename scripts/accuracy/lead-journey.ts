/**
 * One lead's story, written as the records a dealership's CRM would hold at `now`: the lead,
 * the calls until the customer is reached or given up on, the appointment, the visit and the
 * opportunity's stages. Anything that would happen after `now` has not happened yet, so the
 * window's edge looks exactly as it does in a real org. Dead leads are closed promptly and a
 * lead being worked is touched at least every other day, so the only open leads idle for
 * days are the ones the truth says why: an appointment ahead, a call-back task ahead, or
 * left idle on purpose (follow-ups.ts).
 */
import type { DayNumber } from '../../src/core/civil-date';
import type { SfRecord } from '../../src/core/model';
import { CONTACT_ATTEMPT_WEIGHTS, NURTURE_SHARE, UNREACHED_ATTEMPTS } from './funnel';
import type { Levels } from './levels';
import type { Random } from './random';
import type { RecordSink } from './records';
import { DAY_MS, MINUTE_MS, type StoreClock } from './store-clock';
import { visit } from './visit';

const MISSED = ['No Answer', 'Left Message'] as const;

export interface JourneyContext {
  clock: StoreClock;
  sink: RecordSink;
  random: Random;
  now: number;
  todayDay: DayNumber;
}

/** The salesperson who meets a shown customer. */
export interface Seller {
  id: string;
  levels: Levels;
}

export interface LeadOwner {
  id: string;
  levels: Levels;
  /** Chance that a call which missed the customer is logged as a few-second "contact". */
  mislog: number;
  /** Who takes an appointment starting at `start` (the owner itself when a salesperson). */
  sellerAt(start: number): Seller;
}

/**
 * Where an open lead stands at `now`. `idle_candidate`: reached, not booked, not called back
 * and closed, a lead follow-ups.ts may reopen as forgotten, overdue or e-mailed.
 */
export type LeadState = 'closed' | 'working' | 'appointment_ahead' | 'task_ahead' | 'idle_candidate';

export interface LeadOutcome {
  lead: SfRecord;
  leadId: string;
  state: LeadState;
  /** When the customer was reached (0 when never). */
  contactAt: number;
}

export function leadJourney(ctx: JourneyContext, owner: LeadOwner, arrival: number, name: string): LeadOutcome {
  const { clock, sink, random, now } = ctx;
  const levels = owner.levels;
  const lead = sink.lead(owner.id, arrival, name);
  const leadId = lead.Id as string;
  const outcome = (state: LeadState, contactAt = 0): LeadOutcome => ({ lead, leadId, state, contactAt });

  // Business minutes to the first call: within the 30-minute SLA for `respond` of leads.
  const delay = random.chance(levels.respond) ? random.uniform(2, 27) : random.uniform(40, 480);
  const reached = random.chance(levels.contact);
  const calls = reached ? 1 + random.weighted(CONTACT_ATTEMPT_WEIGHTS) : UNREACHED_ATTEMPTS;
  let at = clock.addBusinessMinutes(arrival, delay);
  for (let i = 1; i <= calls; i++) {
    if (i > 1) at = clock.timeDuringHours(random, clock.addWorkingDays(clock.dayOf(at) + 1, 0));
    if (at > now) return outcome('working');
    const contact = reached && i === calls;
    if (contact) sink.call(owner.id, leadId, at, 'Contacted', random.int(90, 1200), clock.dayOf(at));
    else if (random.chance(owner.mislog))
      sink.call(owner.id, leadId, at, 'Contacted', random.int(5, 19), clock.dayOf(at));
    else sink.call(owner.id, leadId, at, random.pick(MISSED), random.int(0, 45), clock.dayOf(at));
  }
  if (!reached) {
    if (at + DAY_MS > now) return outcome('working');
    lead.Status = 'Closed - Not Converted';
    return outcome('closed');
  }
  lead.Status = 'Working - Contacted';
  if (random.chance(levels.set)) return appointment(ctx, owner, lead, at);
  if (random.chance(NURTURE_SHARE)) return outcome(callBack(ctx, owner, lead, at), at);
  lead.Status = 'Closed - Not Converted';
  return outcome('idle_candidate', at);
}

/** Booked on the call, for today or up to three working days later. */
function appointment(ctx: JourneyContext, owner: LeadOwner, lead: SfRecord, contactAt: number): LeadOutcome {
  const { clock, random, now, sink } = ctx;
  const createdAt = Math.min(now, contactAt + random.uniform(1, 5) * MINUTE_MS);
  let startAt = clock.timeDuringHours(random, clock.addWorkingDays(clock.dayOf(createdAt), random.int(0, 3)), 60);
  if (startAt < createdAt + 2 * 60 * MINUTE_MS)
    startAt = clock.timeDuringHours(random, clock.addWorkingDays(clock.dayOf(createdAt) + 1, 0), 60);
  const seller = owner.sellerAt(startAt);
  const leadId = lead.Id as string;
  const event = sink.appointment({ createdById: owner.id, ownerId: seller.id, whoId: leadId, createdAt, startAt });
  const result = (state: LeadState): LeadOutcome => ({ lead, leadId, state, contactAt });
  if (startAt > now) return result('appointment_ahead');
  if (!random.chance(owner.levels.show)) {
    event.Appointment_Status__c = 'No Show';
    lead.Status = 'Closed - Not Converted';
    return result('closed');
  }
  event.Appointment_Status__c = 'Showed';
  lead.Status = 'Closed - Converted';
  visit(ctx, seller, startAt);
  return result('closed');
}

/** A call-back asked for in two to six working days: a follow-up task, done on its day. */
function callBack(ctx: JourneyContext, owner: LeadOwner, lead: SfRecord, contactAt: number): LeadState {
  const { clock, random, now, sink } = ctx;
  const leadId = lead.Id as string;
  const dueDay = clock.addWorkingDays(clock.dayOf(contactAt) + 1, random.int(1, 5));
  const doneAt = clock.timeDuringHours(random, dueDay);
  if (dueDay > ctx.todayDay || doneAt > now) {
    sink.followUp(owner.id, leadId, contactAt, dueDay, null);
    return 'task_ahead';
  }
  sink.call(owner.id, leadId, doneAt, 'Left Message', Math.round(random.uniform(20, 45)), dueDay);
  sink.followUp(owner.id, leadId, contactAt, dueDay, doneAt + MINUTE_MS);
  lead.Status = 'Closed - Not Converted';
  return 'closed';
}
