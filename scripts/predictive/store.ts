/**
 * Generated stores with a planted driver of sales, for validating the predictive analysis
 * (src/core/predictive-*.ts, issue 12). Kept apart from the accuracy benchmark's dealerships:
 * those plant weak steps against configured targets, these plant which activity moves sales.
 *
 * Every person has their own level of each activity (a person who works more does more of
 * everything, and sells more: the between-person confound the analysis must not count) and
 * week-to-week swings around it (persistent, AR(1)); a season moves every rep's activity and
 * sales together (the store-wide confound). Sales in a week come from the person's own level
 * times the season, plus, in a driver store, the planted driver's deviation from the person's
 * level over the two weeks before. Calls, appointments, response and e-mails are drawn
 * independently, so whichever is not the driver carries no signal; e-mail is never a driver.
 *
 * Two share candidates are noise in every store, drawn from streams of their own (so the draws
 * above, and the figures of the measures above, are those of a store without them): the share of
 * leads contacted within three days (a ratio measure) and the share of logged calls that come in
 * a burst (an integrity measure). Each has a person's own level, tied to their drive, a season
 * and weekly swings, and never moves sales. So has a third, the share of new inquiries touched
 * within three days (a staleLead measure's candidate, touch-noise.ts), on steps of its own.
 */
import type { DealershipCalendar } from '../../src/core/calendar';
import { dayFromDate, type DayNumber } from '../../src/core/civil-date';
import type { Rep, StepEvent } from '../../src/core/model';
import type { Random } from '../accuracy/random';
import { TOUCH_NOISE, TouchNoise } from './touch-noise';

export type DriverKind = 'appointments shown' | 'lead response' | 'call volume' | 'none';
export const DRIVER_KINDS: readonly DriverKind[] = ['appointments shown', 'lead response', 'call volume', 'none'];

/** The candidate measure each driver acts through (panel measure ids). */
export const DRIVER_MEASURE: Record<Exclude<DriverKind, 'none'>, string> = {
  'appointments shown': 'appointment_shown',
  'lead response': 'response_15min',
  'call volume': 'attempt',
};
export const NOISE_MEASURE = 'email';
/** The ratio and integrity candidates, noise in every store. */
export const SHARE_NOISE = {
  ratio: { id: 'contact_rate', from: 'lead', to: 'contact', basis: 'subject' },
  integrity: { id: 'burst_share', steps: ['logged_call'] },
} as const;
export const SHARE_NOISE_MEASURES: readonly string[] = [SHARE_NOISE.ratio.id, SHARE_NOISE.integrity.id];
export { TOUCH_NOISE };
/** Fake calls come 6–15 within a minute or two; real ones are spread over the day. */
export const BURST = { count: 5, withinMinutes: 5 } as const;
export const STEPS = [
  'lead',
  'attempt',
  'appointment_set',
  'appointment_shown',
  'email',
  'sold',
  'contact',
  'logged_call',
  TOUCH_NOISE.arrival,
  TOUCH_NOISE.touch,
] as const;
export const RESPONSE_MINUTES = 15;

/**
 * Units per week a one-unit rise of the driver (per working day, or a share of 1) adds to the
 * following weeks' sales. Each is set so that one within-person standard deviation of the
 * driver as recorded (its swing plus its day-to-day count noise: about 0.4 shown a day, 0.25 of
 * the response share, 2.7 calls a day) moves sales by about 0.6 units a week: the drivers are
 * equally strong, so no kind of store is easier to read than another.
 */
const EFFECT: Record<Exclude<DriverKind, 'none'>, number> = {
  'appointments shown': 1.5,
  'lead response': 2.4,
  'call volume': 0.22,
};

export interface StoreShape {
  readonly kind: DriverKind;
  readonly weeks: number;
  readonly people: number;
}

export interface GeneratedStore extends StoreShape {
  readonly reps: Rep[];
  readonly events: StepEvent[];
  /** The last day of history (a Sunday). */
  readonly lastDay: DayNumber;
}

const LAST_DAY = dayFromDate('2026-11-29') as DayNumber;
const AR = 0.6;

export function generateStore(shape: StoreShape, calendar: DealershipCalendar, random: Random): GeneratedStore {
  const firstDay = LAST_DAY - shape.weeks * 7 + 1;
  const phase = random.uniform(0, 2 * Math.PI);
  const season = (week: number): number => 1 + 0.2 * Math.sin((2 * Math.PI * week) / 52 + phase);
  const events: StepEvent[] = [];
  const reps: Rep[] = [];
  let record = 0;
  const emit = (step: string, user: string, at: number, subject: string | null = null): void => {
    events.push({ step, user, subject, at, recordId: `r${record++}` });
  };

  for (let p = 0; p < shape.people; p++) {
    const id = `rep-${p}`;
    reps.push({ id, name: `Rep ${p}`, role: 'salesperson', managerId: null, store: null, monthlyGoal: null });
    const drive = random.swing(0.3); // a person who works more does more of everything and sells more
    const level = {
      attempt: 8 * drive * random.swing(0.2),
      appointment_set: 1 * drive * random.swing(0.2),
      appointment_shown: 0.7 * drive * random.swing(0.2),
      email: 4 * drive * random.swing(0.3),
      lead: 1.2 * random.swing(0.2),
      fastLogit: random.normal() * 0.8,
      sales: 2 * drive * random.swing(0.2),
    };
    const swing = { attempt: 0, appointment_set: 0, appointment_shown: 0, email: 0, fast: 0 };
    const shares = new ShareNoise(random.fork(`shares-${p}`), drive);
    const inquiries = new TouchNoise(random.fork(`inquiries-${p}`), id, drive);
    const driverByWeek: number[] = [];
    // Weeks before the first one warm the swings up and carry the driver into the first weeks' sales.
    for (let w = -2; w < shape.weeks; w++) {
      const weekStart = firstDay + w * 7;
      const s = season(w);
      for (const key of Object.keys(swing) as (keyof typeof swing)[])
        swing[key] = AR * swing[key] + Math.sqrt(1 - AR * AR) * random.normal() * (key === 'fast' ? 0.9 : 0.3);
      const fastShare = 1 / (1 + Math.exp(-(level.fastLogit + swing.fast)));
      shares.nextWeek(s);
      inquiries.nextWeek(s);
      const done = { attempt: 0, appointment_shown: 0, leads: 0, fast: 0, days: 0 };
      for (let d = 0; d < 7; d++) {
        const day = weekStart + d;
        if (!calendar.isWorkingDay(day)) continue;
        done.days++;
        const at = (): number => calendar.instantAt(day, 9 * 60 + random.int(0, 600));
        for (const step of ['attempt', 'appointment_set', 'appointment_shown', 'email'] as const) {
          const n = random.poisson(level[step] * s * Math.exp(swing[step] - 0.045));
          if (w >= 0) for (let k = 0; k < n; k++) emit(step, id, at());
          if (step === 'attempt' || step === 'appointment_shown') done[step] += n;
        }
        if (w >= 0) shares.logCalls(day, d, calendar, (at) => emit('logged_call', id, at));
        if (w >= 0) inquiries.day(day, calendar, (step, at, subject) => emit(step, id, at, subject));
        const leads = random.poisson(level.lead * s);
        for (let k = 0; k < leads; k++) {
          const leadAt = at();
          const fast = random.chance(fastShare);
          done.leads++;
          if (fast) done.fast++;
          if (w < 0) continue;
          const subject = `lead-${record}`;
          emit('lead', id, leadAt, subject);
          emit(
            'attempt',
            id,
            leadAt + (fast ? random.int(1, RESPONSE_MINUTES - 1) : random.int(40, 300)) * 60_000,
            subject,
          );
          const contactAt = shares.contactAfter(leadAt);
          if (contactAt !== null) emit('contact', id, contactAt, subject);
        }
      }
      const planned = { attempt: level.attempt * s, appointment_shown: level.appointment_shown * s };
      driverByWeek.push(driverDeviation(shape.kind, done, planned, fastShare, level.fastLogit));
      if (w < 0) continue;
      const prior = ((driverByWeek[w + 1] as number) + (driverByWeek[w] as number)) / 2;
      const effect = shape.kind === 'none' ? 0 : EFFECT[shape.kind] * prior;
      const sold = random.poisson(Math.max(0, level.sales * s + effect));
      for (let k = 0; k < sold; k++) emit('sold', id, calendar.instantAt(weekStart + random.int(0, 5), 12 * 60));
    }
  }
  return { ...shape, reps, events, lastDay: LAST_DAY };
}

/** How far the week's driver sat from the person's own level (0 in a store without a driver). */
function driverDeviation(
  kind: DriverKind,
  done: { attempt: number; appointment_shown: number; leads: number; fast: number; days: number },
  planned: { attempt: number; appointment_shown: number },
  fastShare: number,
  fastLogit: number,
): number {
  const days = Math.max(1, done.days);
  if (kind === 'appointments shown') return done.appointment_shown / days - planned.appointment_shown;
  if (kind === 'call volume') return done.attempt / days - planned.attempt;
  if (kind === 'lead response')
    return (done.leads > 0 ? done.fast / done.leads : fastShare) - 1 / (1 + Math.exp(-fastLogit));
  return 0;
}

/** One person's noise shares: the share of leads contacted and the share of logged calls in a burst. */
class ShareNoise {
  private readonly contactLogit: number;
  private readonly burstLogit: number;
  private contactSwing = 0;
  private burstSwing = 0;
  private contactShare = 0.5;
  private burstDay = -1;

  constructor(
    private readonly random: Random,
    private readonly drive: number,
  ) {
    // A person who works more also converts more and fakes less: the between-person confound again.
    this.contactLogit = 0.8 * random.normal() + 2 * (drive - 1);
    this.burstLogit = -0.8 + 0.8 * random.normal() - 2 * (drive - 1);
  }

  nextWeek(season: number): void {
    const { random } = this;
    this.contactSwing = AR * this.contactSwing + Math.sqrt(1 - AR * AR) * random.normal() * 0.9;
    this.burstSwing = AR * this.burstSwing + Math.sqrt(1 - AR * AR) * random.normal() * 0.9;
    const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
    this.contactShare = logistic(this.contactLogit + this.contactSwing + 2 * (season - 1));
    this.burstDay = random.chance(logistic(this.burstLogit + this.burstSwing)) ? random.int(0, 5) : -1;
  }

  /** When the lead was contacted (within three days), or null when it was not. */
  contactAfter(leadAt: number): number | null {
    return this.random.chance(this.contactShare) ? leadAt + this.random.int(10, 3 * 24 * 60) * 60_000 : null;
  }

  /** A day's logged calls: about three a day (as many as the person's drive), and on one day of some weeks a burst. */
  logCalls(day: DayNumber, weekday: number, calendar: DealershipCalendar, emit: (at: number) => void): void {
    const { random } = this;
    const calls = random.poisson(3 * this.drive);
    for (let k = 0; k < calls; k++) emit(calendar.instantAt(day, 9 * 60 + random.int(0, 600)));
    if (weekday !== this.burstDay) return;
    const start = calendar.instantAt(day, 9 * 60 + random.int(0, 600));
    const fakes = random.int(6, 15);
    for (let k = 0; k < fakes; k++) emit(start + k * 10_000);
  }
}
