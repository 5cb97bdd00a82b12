/**
 * A store's activity over the generated history: each rep's leads arrive day by day and live
 * their journeys, follow-up discipline and fake calls are planted, and the truth about each
 * rep and each open lead is written down. Daily lead counts swing from day to day (log-sd
 * 0.3 around the rep's rate): real call volume is overdispersed, and a volume rule must cope.
 */
import type { DayNumber } from '../../src/core/civil-date';
import { plantFakeCalls } from './fake-calls';
import { busyLeads, plantFollowUps } from './follow-ups';
import { mislogChance, perLead } from './funnel';
import { type JourneyContext, leadJourney, type LeadOutcome, type LeadOwner, type Seller } from './lead-journey';
import type { RepPlan } from './roster';
import type { StorePlan } from './store-plan';
import type { RepTruth } from './truth';

const DAILY_SWING = 0.3;
/** Of leads, the share arriving after closing time (answered next morning at best). */
const AFTER_HOURS = 0.15;

export interface StoreDays {
  /** First day leads arrive (the lead-in before the window lets pipelines fill). */
  historyStart: DayNumber;
  /** Days of the measured window. */
  window: readonly DayNumber[];
  windowWorkingDays: number;
}

export interface StoreActivity {
  reps: RepTruth[];
  stale: string[];
  busy: string[];
  messaged: string[];
}

export function storeActivity(ctx: JourneyContext, plan: StorePlan, ids: readonly string[], days: StoreDays) {
  const { clock } = ctx;
  const sellers = plan.reps.flatMap((rep, i) =>
    rep.role === 'salesperson' ? [{ seller: { id: ids[i] as string, levels: rep.levels }, rep }] : [],
  );
  const activity: StoreActivity = { reps: [], stale: [], busy: [], messaged: [] };
  plan.reps.forEach((rep, i) => {
    const id = ids[i] as string;
    const random = ctx.random.fork(`rep:${id}`);
    const repCtx: JourneyContext = { ...ctx, random };
    const self: Seller = { id, levels: rep.levels };
    const owner: LeadOwner = {
      id,
      levels: rep.levels,
      mislog: mislogChance(rep.levels),
      sellerAt: (start) => (rep.role === 'salesperson' ? self : bookFor(repCtx, sellers, clock.dayOf(start))),
    };
    const outcomes: LeadOutcome[] = [];
    const first = Math.max(days.historyStart, rep.startDay ?? days.historyStart);
    for (let day = first; day <= ctx.todayDay; day++) {
      if (!clock.isWorkingDay(day)) continue;
      const arrivals = random.poisson(rep.leadsPerDay * random.swing(DAILY_SWING));
      for (let n = 0; n < arrivals; n++) {
        const at = random.chance(AFTER_HOURS)
          ? clock.at(day, clock.close + random.uniform(0, 150))
          : clock.timeDuringHours(random, day, 0);
        if (at <= ctx.now) outcomes.push(leadJourney(repCtx, owner, at, `Customer ${id.slice(-6)}-${outcomes.length}`));
      }
    }
    const planted = plantFollowUps(repCtx, id, outcomes, rep);
    if (rep.fakeShare > 0) {
      const real = perLead(rep.levels, rep.levels);
      const checked = rep.leadsPerDay * (real.calls + real.contacts) * days.windowWorkingDays;
      const fakes = Math.round((rep.fakeShare / (1 - rep.fakeShare)) * checked);
      plantFakeCalls(
        repCtx,
        id,
        outcomes.map((o) => o.leadId),
        days.window,
        fakes,
      );
    }
    activity.reps.push(truthOf(plan, rep, id));
    activity.stale.push(...planted.overdue, ...planted.forgotten);
    activity.messaged.push(...planted.messaged);
    activity.busy.push(...busyLeads(outcomes));
  });
  return activity;
}

/** The salesperson a setter books for: by each one's share of the BDC's bookings, among those already there. */
function bookFor(ctx: JourneyContext, sellers: ReadonlyArray<{ seller: Seller; rep: RepPlan }>, day: DayNumber) {
  const present = sellers.filter(({ rep }) => rep.startDay === null || rep.startDay <= day);
  const pool = present.length > 0 ? present : sellers;
  const chosen = pool[ctx.random.weighted(pool.map(({ rep }) => rep.feedShownPerDay))];
  if (!chosen) throw new Error('A setter books for a store without salespeople.');
  return chosen.seller;
}

function truthOf(plan: StorePlan, rep: RepPlan, repId: string): RepTruth {
  return {
    repId,
    name: rep.name,
    role: rep.role,
    store: plan.name,
    profile: rep.profile,
    weaknesses: rep.weaknesses,
    tempting: rep.tempting,
  };
}
