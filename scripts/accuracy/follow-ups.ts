/**
 * Follow-up discipline planted on a rep's leads. The leads are taken from those the journeys
 * closed after reaching the customer without booking (idle candidates), reopened, so the
 * calls, contacts and ratios of the window stay exactly what the journeys made: a rep who
 * lets leads rot is not also planted as a worse caller.
 * - overdue: reopened with a follow-up task due before today, never done (its lead is idle too);
 * - forgotten: reopened with nothing planned: idle, the lead a stale-lead task is for;
 * - messaged: reopened and e-mailed or texted within the last two days: active, though no
 *   configured step sees an e-mail.
 */
import type { JourneyContext, LeadOutcome } from './lead-journey';
import { DAY_MS } from './store-clock';

/** A lead counts as idle once this many calendar days have passed since its last touch. */
const IDLE_DAYS = 3;

export interface PlantedFollowUps {
  overdue: string[];
  forgotten: string[];
  messaged: string[];
}

export function plantFollowUps(
  ctx: JourneyContext,
  ownerId: string,
  outcomes: readonly LeadOutcome[],
  wanted: { overdue: number; forgotten: number; messaged: number },
): PlantedFollowUps {
  const { clock, random, sink, now, todayDay } = ctx;
  const pool = random.shuffled(
    outcomes.filter((o) => o.state === 'idle_candidate' && clock.dayOf(o.contactAt) <= todayDay - IDLE_DAYS),
  );
  const take = (n: number): LeadOutcome[] => pool.splice(0, Math.min(n, pool.length));
  const reopen = (o: LeadOutcome): string => {
    o.lead.Status = 'Working - Contacted';
    return o.leadId;
  };

  const overdue = take(wanted.overdue).map((o) => {
    const contactDay = clock.dayOf(o.contactAt);
    const dueDay = contactDay + random.int(1, Math.min(6, todayDay - 1 - contactDay));
    sink.followUp(ownerId, o.leadId, o.contactAt, dueDay, null);
    return reopen(o);
  });
  const forgotten = take(wanted.forgotten).map(reopen);
  const messaged = take(wanted.messaged).map((o) => {
    const at = Math.max(o.contactAt, now - random.uniform(0.1, 1.9) * DAY_MS);
    sink.message(ownerId, o.leadId, at, clock.dayOf(at), random.chance(0.5) ? 'Email' : 'Text');
    return reopen(o);
  });
  return { overdue, forgotten, messaged };
}

/** Open leads with an appointment or a call-back task ahead: not idle, whatever their last call says. */
export function busyLeads(outcomes: readonly LeadOutcome[]): string[] {
  return outcomes.filter((o) => o.state === 'appointment_ahead' || o.state === 'task_ahead').map((o) => o.leadId);
}
