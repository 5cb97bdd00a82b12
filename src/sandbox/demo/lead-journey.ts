import type { Actor } from './actor';
import { DAY, HOUR, MINUTE, span, type JourneyContext } from './journey-context';
import { customerName, emailAddress, phoneNumber, type PersonName } from './names';
import type { Rng } from './rng';
import { runSalesVisit, type Customer } from './sales-visit';
import type { CallDisposition } from './record-factory';
import type { DemoRecord } from './types';

const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Other'] as const;
const LEAD_SOURCE_WEIGHTS = [0.55, 0.25, 0.1, 0.1];
/** Walk-in and phone leads are keyed in by the salesperson; the rest arrive through the feed. */
const KEYED_IN_SOURCE = 'Phone Inquiry';
const INDIVIDUAL_COMPANY_SHARE = 0.7;
const CUSTOMER_DOMAIN = 'example.com';

/** Outcomes of a call nobody answered; 'Busy' is a value the mapper does not know, on purpose. */
const MISSED_DISPOSITIONS: readonly CallDisposition[] = ['Left Message', 'No Answer', 'Busy'];
const MISSED_WEIGHTS = [0.55, 0.44, 0.01];
/** Call lengths in seconds: a conversation runs minutes, a voicemail under a minute and a half. */
const TALK_MIN_SECONDS = 60;
const TALK_MEAN_EXTRA_SECONDS = 240;
const TALK_MAX_SECONDS = 1800;
const CALL_SECONDS: Record<Exclude<CallDisposition, 'Contacted'>, readonly [number, number]> = {
  'Left Message': [25, 70],
  'No Answer': [15, 40],
  Busy: [3, 12],
};

/** Business days between booking and the appointment: mostly the next day or the one after. */
const APPOINTMENT_LAG_WEIGHTS = [0.45, 0.3, 0.15, 0.07, 0.03];
/** Appointments start on the half hour, 09:00 to 18:30, so they end by 19:30. */
const APPOINTMENT_SLOTS = 20;
const APPOINTMENT_SLOT_SECONDS = 30 * MINUTE;
const CANCELLED_SHARE_OF_MISSED = 0.15;
const CONFIRMATION_EMAIL_SHARE = 0.3;

export interface LeadPlan {
  /** Called once, then forgotten: the lead goes stale. */
  abandon: boolean;
  /** Salesperson who takes the appointment (the caller itself, unless the caller is the BDC). */
  appointmentOwner: Actor;
}

export interface LeadOutcome {
  leadId: string;
  createdB: number;
  /** Business position of the first conversation, or -1 if the lead was never reached. */
  contactedB: number;
}

/**
 * One lead's story from arrival to sale or loss, cut at `now`: calls until someone answers or
 * the caller gives up, an appointment or a follow-up, the visit, the deal. Whatever would
 * happen at or after `now` does not happen (the lead stays where it is).
 */
export function runLeadJourney(ctx: JourneyContext, caller: Actor, createdB: number, plan: LeadPlan): LeadOutcome {
  const { calendar, factory } = ctx;
  const rng = caller.rng;
  const traits = caller.worker.traits;
  const customer = newCustomer(rng);
  const lead = factory.lead({
    person: customer.person,
    company: rng.chance(INDIVIDUAL_COMPANY_SHARE) ? 'Individual' : customer.person.lastName,
    phone: customer.phone,
    email: customer.email,
    source: customer.source,
    ownerId: caller.id,
    createdById: customer.source === KEYED_IN_SOURCE ? caller.id : ctx.integrationUserId,
    b: createdB,
  });
  const leadId = lead.Id as string;
  const notReached: LeadOutcome = { leadId, createdB, contactedB: -1 };

  const [lo, hi] = caller.coins.quickResponse.toss() ? traits.quickResponseMinutes : traits.slowResponseMinutes;
  let t = createdB + span(rng, lo * MINUTE, hi * MINUTE);
  if (plan.abandon) {
    if (t < calendar.nowB) missedCall(ctx, caller, leadId, t);
    return notReached;
  }

  const reachable = caller.coins.reach.toss();
  const attempts = reachable
    ? Math.min(1 + rng.weighted(traits.answerAttemptWeights), traits.unansweredAttempts[1])
    : rng.int(traits.unansweredAttempts[0], traits.unansweredAttempts[1]);
  for (let attempt = 1; ; attempt++) {
    if (t >= calendar.nowB) return notReached;
    if (reachable && attempt === attempts) break;
    missedCall(ctx, caller, leadId, t);
    if (attempt === attempts) {
      const closeB = t + span(rng, 0.2 * DAY, 0.9 * DAY);
      if (closeB < calendar.nowB) factory.setLeadStatus(lead, 'Closed - Not Converted', closeB, caller.id);
      return notReached;
    }
    // A second try the same day, then about one a day: never more than a business day apart,
    // so a lead being worked never looks stale.
    t += attempt === 1 ? span(rng, 1 * HOUR, 5 * HOUR) : span(rng, 0.5 * DAY, DAY);
  }

  const talk = Math.min(
    TALK_MAX_SECONDS,
    TALK_MIN_SECONDS + Math.floor(-Math.log(1 - rng.next()) * TALK_MEAN_EXTRA_SECONDS),
  );
  factory.call({ ownerId: caller.id, whoId: leadId, b: t, disposition: 'Contacted', seconds: talk });
  factory.setLeadStatus(lead, 'Working - Contacted', t, caller.id);
  const reached: LeadOutcome = { leadId, createdB, contactedB: t };

  if (!caller.coins.set.toss(caller.effort.setScaleOn(calendar.dateOf(t)))) {
    followUpThenClose(ctx, caller, lead, customer.person, t);
    return reached;
  }
  const owner = plan.appointmentOwner;
  const setB = t + span(rng, 30, 2 * MINUTE);
  if (setB >= calendar.nowB) return reached;
  const startDay = calendar.dayOf(setB) + 1 + rng.weighted(APPOINTMENT_LAG_WEIGHTS);
  const startB = calendar.dayStart(startDay) + rng.int(0, APPOINTMENT_SLOTS - 1) * APPOINTMENT_SLOT_SECONDS;
  const event = factory.appointment({
    setterId: caller.id,
    ownerId: owner.id,
    whoId: leadId,
    whoName: customer.person.name,
    b: setB,
    startB,
  });
  const emailB = setB + span(rng, MINUTE, 3 * MINUTE);
  if (rng.chance(CONFIRMATION_EMAIL_SHARE) && emailB < calendar.nowB) {
    factory.note({
      ownerId: caller.id,
      whoId: leadId,
      b: emailB,
      type: 'Email',
      subject: 'Email: Appointment confirmation',
    });
  }

  // Until it starts, an appointment stays Scheduled.
  if (startB >= calendar.nowB) return reached;
  const showed = owner.coins.show.toss();
  if (showed) {
    const arrivedB = startB + span(owner.rng, 5 * MINUTE, 20 * MINUTE);
    if (arrivedB >= calendar.nowB) return reached;
    factory.setAppointmentStatus(event, 'Showed', arrivedB, owner.id);
    runSalesVisit(ctx, owner, lead, customer, arrivedB);
    return reached;
  }
  const cancelled = rng.chance(CANCELLED_SHARE_OF_MISSED);
  const statusB = cancelled
    ? setB + Math.floor((startB - setB) * (0.3 + 0.65 * rng.next()))
    : startB + span(rng, 30 * MINUTE, HOUR);
  if (statusB >= calendar.nowB) return reached;
  factory.setAppointmentStatus(event, cancelled ? 'Cancelled' : 'No Show', statusB, owner.id);
  followUpThenClose(ctx, caller, lead, customer.person, statusB);
  return reached;
}

function newCustomer(rng: Rng): Customer {
  const person = customerName(rng);
  return {
    person,
    phone: phoneNumber(rng),
    email: emailAddress(person, CUSTOMER_DOMAIN, rng.int(1, 999)),
    source: LEAD_SOURCES[rng.weighted(LEAD_SOURCE_WEIGHTS)] as string,
  };
}

function missedCall(ctx: JourneyContext, caller: Actor, whoId: string, b: number): void {
  const disposition = MISSED_DISPOSITIONS[caller.rng.weighted(MISSED_WEIGHTS)] as Exclude<CallDisposition, 'Contacted'>;
  const [lo, hi] = CALL_SECONDS[disposition];
  ctx.factory.call({ ownerId: caller.id, whoId, b, disposition, seconds: caller.rng.int(lo, hi) });
}

/**
 * A follow-up due the next business day, done that day, after which the lead is closed as
 * not converted. Follow-ups are the caller's (the BDC agent's, for the leads it works).
 */
function followUpThenClose(
  ctx: JourneyContext,
  caller: Actor,
  lead: DemoRecord,
  person: PersonName,
  fromB: number,
): void {
  const { calendar, factory } = ctx;
  const rng = caller.rng;
  const createdB = fromB + span(rng, MINUTE, 5 * MINUTE);
  if (createdB >= calendar.nowB) return;
  const dueDay = calendar.dayOf(createdB) + 1;
  const task = factory.followUp({
    ownerId: caller.id,
    whoId: lead.Id as string,
    whoName: person.name,
    b: createdB,
    dueDay,
  });
  const doneB = calendar.dayStart(dueDay) + rng.int(0, DAY - 1);
  if (doneB >= calendar.nowB) return;
  factory.completeTask(task, doneB);
  const closeB = doneB + span(rng, MINUTE, 10 * MINUTE);
  if (closeB < calendar.nowB) factory.setLeadStatus(lead, 'Closed - Not Converted', closeB, caller.id);
}
