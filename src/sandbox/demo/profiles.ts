import type { DemoProfile } from './types';

/**
 * How a salesperson (or the BDC agent) behaves, as rates and habits the lead journeys draw from.
 * Rates are for the salesperson's own decisions: `reach` is the share of attempted leads they
 * reach, `set` of reached leads, `show` of appointments they own, `demo` of shown customers,
 * `writeUp` of demos, `close` of write-ups.
 */
export interface Traits {
  /** Multiplier on the store's lead flow. */
  leadShare: number;
  reach: number;
  /** Weights of the attempt (1st, 2nd, …) on which a reachable lead answers. */
  answerAttemptWeights: readonly number[];
  /** Attempts made on a lead that never answers before giving up, [min, max]. */
  unansweredAttempts: readonly [number, number];
  set: number;
  show: number;
  demo: number;
  /** Share of opportunities taken to write-up without a demo (a process skip). */
  skipDemo: number;
  writeUp: number;
  close: number;
  /** Share of new leads first called within `quickResponseMinutes`; the rest in `slowResponseMinutes`. */
  quickResponseShare: number;
  quickResponseMinutes: readonly [number, number];
  slowResponseMinutes: readonly [number, number];
  /** Open leads left untouched for days (planted, counted at `now`). */
  staleLeads: number;
  /** Follow-up tasks left open past their due date (planted, counted at `now`). */
  overdueFollowUps: number;
  /** Share of business days with a burst of logged calls that were never made. */
  fakeBurstDayShare: number;
  monthlyGoal: number | null;
}

/**
 * Base rates of an ordinary salesperson. Source: Foureyes dealership data study (H2 2023, about
 * 700 US dealers), new vehicles, internet + phone leads: 63% contacted, 42% of leads set (67% of
 * those contacted), 58% of set appointments shown, 41% of shown sold. Each is set above the
 * store's default targets (contact 0.63, set 0.6, show 0.58, demo 0.75, write-up 0.7, close 0.6)
 * by enough that an ordinary salesperson is not flagged in a 30-day window, where edges cost a
 * few points: appointments booked in the window's last days have not happened yet, and leads
 * first called near its end are reached after it. So contact is 0.71 (measures ~0.68) and show
 * 0.70 (measures ~0.63; dealers target 65%, drivingsales.com). Demo × write-up × close = 0.46,
 * a little above the study's 41% shown-to-sold. With 100 leads a month that is ~14 units, above
 * the long-standing ~10 per salesperson (Automotive News / NADA) but within the 12–16 reported
 * since 2020: the price of keeping every step above its target.
 */
const ORDINARY: Traits = {
  leadShare: 1,
  reach: 0.71,
  answerAttemptWeights: [0.5, 0.3, 0.15, 0.05],
  unansweredAttempts: [3, 5],
  set: 0.68,
  show: 0.7,
  demo: 0.82,
  skipDemo: 0,
  writeUp: 0.8,
  close: 0.7,
  quickResponseShare: 0.9,
  quickResponseMinutes: [1, 25],
  slowResponseMinutes: [35, 150],
  staleLeads: 1,
  overdueFollowUps: 1,
  fakeBurstDayShare: 0,
  monthlyGoal: null,
};

/** Top performers: every step a little better; ~18 units a month, the post-2020 top of the range. */
const STRONG: Traits = {
  ...ORDINARY,
  reach: 0.72,
  set: 0.7,
  show: 0.72,
  demo: 0.86,
  writeUp: 0.82,
  close: 0.72,
  quickResponseShare: 0.96,
  staleLeads: 0,
  overdueFollowUps: 0,
  monthlyGoal: 12,
};

const TRAITS: Record<DemoProfile, Traits> = {
  strong: STRONG,
  ordinary: ORDINARY,
  // Works few leads and gives up after one or two tries: about a third of the team's calls, so
  // even with ordinary ratios the monthly goal is out of reach (the goal plan's volume flags it).
  low_activity: {
    ...ORDINARY,
    leadShare: 0.45,
    answerAttemptWeights: [0.7, 0.3],
    unansweredAttempts: [1, 2],
    monthlyGoal: 10,
  },
  // Calls a lot and reaches people, but turns few conversations into appointments.
  rarely_sets: { ...ORDINARY, unansweredAttempts: [5, 7], set: 0.12 },
  no_shows: { ...ORDINARY, show: 0.2 },
  // Most deals go from Needs Analysis straight to Write-Up; the rest of the funnel as usual.
  skips_demo: { ...ORDINARY, skipDemo: 0.85 },
  slow_responder: {
    ...ORDINARY,
    quickResponseShare: 0.1,
    slowResponseMinutes: [120, 480],
    staleLeads: 12,
    overdueFollowUps: 8,
  },
  fake_calls: { ...ORDINARY, fakeBurstDayShare: 0.4, monthlyGoal: 10 },
  new_hire: { ...ORDINARY, staleLeads: 0, overdueFollowUps: 0 },
  // Appointment setter: reaches and sets well, hands appointments to salespeople.
  bdc: { ...ORDINARY, reach: 0.75, set: 0.7, quickResponseShare: 0.97, staleLeads: 0, overdueFollowUps: 0 },
};

export function traitsOf(profile: DemoProfile): Traits {
  return TRAITS[profile];
}

/**
 * A habit of a whole store, applied on top of each of its salespeople's own traits. The second
 * store (Cedar Park Honda) writes up 58% of its demos, below the 0.7 target: after the drive its
 * team lets customers go home to think it over instead of sitting down to the numbers. That is
 * how the store works, not any one salesperson's doing, so it plants a team finding for the
 * store's manager (a process or training question) and no flag on its salespeople, who are each
 * at their peers' level. The planted profiles at that store keep their own weaknesses as well.
 */
const STORE_HABITS: ReadonlyArray<Partial<Traits>> = [{}, { writeUp: 0.58 }];

/** The traits of a salesperson of the `storeIndex`-th store: the profile's, then the store's habit. */
export function traitsAtStore(profile: DemoProfile, storeIndex: number): Traits {
  return { ...traitsOf(profile), ...STORE_HABITS[storeIndex] };
}

/** Profiles of the first salespeople, in order; everyone after them is ordinary. */
export const PLANTED_PROFILES: readonly DemoProfile[] = [
  'strong',
  'strong',
  'strong',
  'low_activity',
  'rarely_sets',
  'no_shows',
  'skips_demo',
  'slow_responder',
  'fake_calls',
  'new_hire',
];

export function profileOfRep(index: number): DemoProfile {
  return PLANTED_PROFILES[index] ?? 'ordinary';
}

/** Salespeople whose appointments the BDC agent may book: those with nothing planted. */
export function takesBdcAppointments(profile: DemoProfile): boolean {
  return profile === 'strong' || profile === 'ordinary';
}
