import type { Actor } from './actor';
import { DAY, HOUR, MINUTE, span, type JourneyContext } from './journey-context';
import { VEHICLE_MODELS, type PersonName } from './names';
import type { OpportunityStage } from './record-factory';
import type { DemoRecord } from './types';

export interface Customer {
  person: PersonName;
  phone: string;
  email: string;
  source: string;
}

/** Share of write-ups that go through a Negotiation stage before the decision. */
const NEGOTIATION_SHARE = 0.4;
/** Share of write-ups (and of sales) that happen during the first visit rather than days later. */
const SAME_VISIT_WRITE_UP_SHARE = 0.65;
const SAME_VISIT_CLOSE_SHARE = 0.6;
const TRADE_IN_APPRAISAL_SHARE = 0.15;
/** Business days from Needs Analysis to the expected close date of an open deal. */
const EXPECTED_CLOSE_DAYS = 7;
/** Model years turn over in the summer. */
const NEXT_MODEL_YEAR_FROM_MONTH = 7;
const PRICE_SPREAD: readonly [number, number] = [-1500, 4000];
const PRICE_STEP = 50;

/**
 * A shown customer's visit and deal: the lead is converted (Account, Contact, Opportunity at
 * Needs Analysis), then the deal moves through Demo → Write-Up → (Negotiation) → Closed Won or
 * stops and is Closed Lost days later. Each stage is an OpportunityHistory row at its time.
 */
export function runSalesVisit(
  ctx: JourneyContext,
  owner: Actor,
  lead: DemoRecord,
  customer: Customer,
  arrivedB: number,
): void {
  const { calendar, factory } = ctx;
  const rng = owner.rng;
  const coins = owner.coins;
  let t = arrivedB + span(rng, 5 * MINUTE, 15 * MINUTE);
  if (t >= calendar.nowB) return;

  const account = factory.account({ person: customer.person, phone: customer.phone, ownerId: owner.id, b: t });
  const contact = factory.contact({ ...customer, accountId: account.Id as string, ownerId: owner.id, b: t });
  const model = rng.pick(VEHICLE_MODELS);
  const date = calendar.dateOf(t);
  const year = Number(date.slice(0, 4)) + (Number(date.slice(5, 7)) >= NEXT_MODEL_YEAR_FROM_MONTH ? 1 : 0);
  const opportunity = factory.opportunity({
    name: `${customer.person.name} – ${year} ${model.name}`,
    accountId: account.Id as string,
    ownerId: owner.id,
    amount: model.price + Math.round(rng.int(PRICE_SPREAD[0], PRICE_SPREAD[1]) / PRICE_STEP) * PRICE_STEP,
    closeDate: calendar.dateOfDay(calendar.dayOf(t) + EXPECTED_CLOSE_DAYS),
    source: customer.source,
    b: t,
  });
  factory.convertLead(lead, t, owner.id, {
    accountId: account.Id as string,
    contactId: contact.Id as string,
    opportunityId: opportunity.Id as string,
  });
  const appraisalB = t + span(rng, 10 * MINUTE, 30 * MINUTE);
  if (rng.chance(TRADE_IN_APPRAISAL_SHARE) && appraisalB < calendar.nowB) {
    factory.note({
      ownerId: owner.id,
      whoId: lead.Id as string,
      b: appraisalB,
      type: 'Other',
      subject: 'Trade-in appraisal',
    });
  }

  /** Moves the deal on at `t`; false when that moment has not come yet. */
  const reach = (stage: OpportunityStage): boolean => {
    if (t >= calendar.nowB) return false;
    const closing = stage === 'Closed Won' || stage === 'Closed Lost';
    factory.advance(opportunity, stage, t, closing ? calendar.dateOf(t) : undefined);
    return true;
  };
  const lose = (): void => {
    t += span(rng, 2 * DAY, 6 * DAY);
    reach('Closed Lost');
  };

  if (!coins.skipDemo.toss()) {
    if (!coins.demo.toss()) return lose();
    t += span(rng, 20 * MINUTE, HOUR);
    if (!reach('Demo')) return;
  }
  if (!coins.writeUp.toss()) return lose();
  t += rng.chance(SAME_VISIT_WRITE_UP_SHARE) ? span(rng, 30 * MINUTE, 90 * MINUTE) : span(rng, DAY, 2 * DAY);
  if (!reach('Write-Up')) return;
  if (rng.chance(NEGOTIATION_SHARE)) {
    t += span(rng, 20 * MINUTE, DAY);
    if (!reach('Negotiation')) return;
  }
  if (!coins.close.toss()) return lose();
  t += rng.chance(SAME_VISIT_CLOSE_SHARE) ? span(rng, 20 * MINUTE, 90 * MINUTE) : span(rng, DAY, 3 * DAY);
  reach('Closed Won');
}
