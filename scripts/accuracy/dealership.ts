/**
 * One generated dealership: one or two stores (told apart by the config's store field), its
 * users and records as the org would return them at `now`, and the planted truth. A
 * dealership is what one sync run sees, so it is the unit the core is run on.
 */
import type { CoachModel, SfRecord } from '../../src/core/model';
import { measureWindow, monthToDate } from '../../src/core/window';
import { thresholdsOf } from './levels';
import type { Random } from './random';
import { type ObjectRecord, RecordSink } from './records';
import type { RosterContext } from './roster';
import { hireStaff } from './staff';
import { storeActivity, type StoreDays } from './store-activity';
import { clockOf } from './store-clock';
import { planStore, type StoreShape } from './store-plan';
import type { DealershipTruth } from './truth';
import { minSampleByMeasure } from './score';
import type { WeaknessDeck } from './weaknesses';

/** Days of leads before the window starts, so pipelines are full when it opens. */
const LEAD_IN_DAYS = 25;
const STORE_NAMES = ['North', 'South'];
/** Share of dealerships with two stores: enough that comparing with the store's team, not the group's, is tested. */
const TWO_STORES = 0.35;
/** The first `now`: runs fall on a day within about eleven months after it, mid-afternoon. */
const FIRST_NOW_DATE = Date.UTC(2026, 0, 5);

export interface GeneratedDealership {
  name: string;
  now: number;
  users: SfRecord[];
  records: ObjectRecord[];
  truth: DealershipTruth;
}

export interface DealershipRequest {
  model: CoachModel;
  random: Random;
  deck: WeaknessDeck;
  /** Tells the ids of dealerships of one run apart. */
  index: number;
  /** Stores fixed by the caller (the simulation); drawn when absent. */
  shapes?: readonly StoreShape[];
}

export function generateDealership(request: DealershipRequest): GeneratedDealership {
  const { model, random, deck, index, shapes } = request;
  const clock = clockOf(model.dealership);
  const firstDay = clock.dayOf(FIRST_NOW_DATE);
  const now = clock.at(firstDay + random.int(0, 330), 15 * 60 + random.uniform(0, 120));
  const todayDay = clock.dayOf(now);
  const window = measureWindow(clock.calendar, now, model.coaching.windowDays);
  const month = monthToDate(clock.calendar, now);
  const historyStart = window.startDay - LEAD_IN_DAYS;

  const roster: RosterContext = {
    random: random.fork('roster'),
    thresholds: thresholdsOf(model),
    deck,
    todayDay,
    exact: shapes !== undefined,
    windowDays: window.workingDays,
    monthDays: month.workingDaysInMonth,
    historyDays: clock.workingDaysBetween(historyStart, todayDay - 3),
    minSample: minSampleByMeasure(model),
  };
  const storeCount = shapes?.length ?? (random.chance(TWO_STORES) ? 2 : 1);
  const plans = STORE_NAMES.slice(0, storeCount).map((name, i) => planStore(roster, name, shapes?.[i]));

  const sink = new RecordSink(index.toString(36));
  const staff = { sink, clock, random: random.fork('staff'), team: model.team, goals: model.goals, now };
  const staffs = plans.map((plan) => hireStaff(staff, plan));
  const days: StoreDays = {
    historyStart,
    window: Array.from({ length: window.endDay - window.startDay + 1 }, (_, i) => window.startDay + i),
    windowWorkingDays: window.workingDays,
  };
  const journeys = { clock, sink, random: random.fork('activity'), now, todayDay };
  const activities = plans.map((plan, i) => storeActivity(journeys, plan, staffs[i]?.repIds ?? [], days));

  const truth: DealershipTruth = {
    reps: activities.flatMap((a) => a.reps),
    stores: plans.map((plan, i) => ({
      store: plan.name,
      gaps: plan.gaps,
      managers: staffs[i]?.managers ?? { salesperson: '', setter: '' },
    })),
    leads: {
      stale: new Set(activities.flatMap((a) => a.stale)),
      busy: new Set(activities.flatMap((a) => a.busy)),
      messaged: new Set(activities.flatMap((a) => a.messaged)),
    },
  };
  return { name: `Dealership ${index + 1}`, now, users: sink.users, records: sink.records, truth };
}
