import { CoachError, ExitCode } from '../../lib/errors';
import { Actor } from './actor';
import { BusinessCalendar, BUSINESS_DAY_SECONDS } from './business-calendar';
import { logFakeCallBursts, logStrayRecords } from './irregular-activity';
import type { JourneyContext } from './journey-context';
import { LEADS_PER_BUSINESS_DAY, leadCount, workLeads } from './lead-flow';
import { leaveFollowUpsOverdue } from './overdue-follow-ups';
import { takesBdcAppointments } from './profiles';
import { DEMO_OBJECTS, RecordFactory } from './record-factory';
import { mixSeed, Rng } from './rng';
import { hireStaff, type LeadWorker } from './staff';
import type { DemoDataset, DemoOptions, NewId } from './types';
import { swingsWeekly, WeeklyEffort } from './weekly-effort';

/** Options of the demo dealership other than `now`, which the caller's clock supplies. */
export const DEMO_DEFAULTS: Readonly<Omit<DemoOptions, 'now'>> = {
  seed: 1,
  timeZone: 'America/Chicago',
  days: 90,
  reps: 12,
  scale: 1,
};

/** The new hire has worked only a handful of leads: too few for any ratio to be judged. */
const NEW_HIRE_LEADS = 8;
/** Leads the BDC agent works per business day (on top of the salespeople's own). */
const BDC_LEADS_PER_BUSINESS_DAY = 2;
/** Calendar days kept after `now` for appointments booked and deals expected to close. */
const FUTURE_DAYS = 21;
/** Stream ids for the random generators, apart from salespeople's (their index + 1). */
const BDC_STREAM = 0x0bdc;

/**
 * Generates the demo dealership: a pure function of `options` and the ids `newId` returns, so
 * the same options and id sequence give byte-identical data. See types.ts for the contract and
 * profiles.ts for what each salesperson is meant to show.
 */
export function generateDealership(options: DemoOptions, newId: NewId): DemoDataset {
  validate(options);
  const calendar = new BusinessCalendar(options.now, options.days, options.timeZone, FUTURE_DAYS);
  const factory = new RecordFactory(calendar, newId);
  const staff = hireStaff(options, calendar, factory);
  const ctx: JourneyContext = { calendar, factory, integrationUserId: staff.integrationUserId };
  const actorOf = (worker: LeadWorker, stream: number, effort?: WeeklyEffort) =>
    new Actor(worker, new Rng(mixSeed(options.seed >>> 0, stream)), effort);

  const salespeople = staff.salespeople.map((worker) =>
    actorOf(
      worker,
      worker.index + 1,
      swingsWeekly(worker.profile) ? new WeeklyEffort(mixSeed(options.seed >>> 0, worker.index + 1)) : undefined,
    ),
  );
  for (const actor of salespeople) {
    const { startB, profile, traits } = actor.worker;
    const count =
      profile === 'new_hire'
        ? NEW_HIRE_LEADS
        : leadCount(LEADS_PER_BUSINESS_DAY, traits.leadShare, startB, calendar.nowB);
    // The new hire's leads all arrived at least a day ago, so their short history is complete.
    const toB = profile === 'new_hire' ? Math.max(startB + 1, calendar.nowB - BUSINESS_DAY_SECONDS) : calendar.nowB;
    const firstTask = factory.records.Task.length;
    const leads = workLeads(ctx, actor, count, startB, toB, () => actor);
    logFakeCallBursts(ctx, actor, leads);
    logStrayRecords(ctx, actor, leads);
    leaveFollowUpsOverdue(ctx, actor, factory.records.Task.slice(firstTask));
  }

  const bdc = actorOf(staff.bdc, BDC_STREAM);
  const takers = salespeople.filter(
    (a) => a.worker.index < staff.plantedCount && a.worker.startB === 0 && takesBdcAppointments(a.worker.profile),
  );
  const owners = takers.length > 0 ? takers : salespeople;
  const bdcCount = leadCount(BDC_LEADS_PER_BUSINESS_DAY, 1, 0, calendar.nowB);
  // Round robin: each appointment the BDC books goes to the next salesperson in line.
  const bdcLeads = workLeads(ctx, bdc, bdcCount, 0, calendar.nowB, (i) => owners[i % owners.length] as Actor);
  logStrayRecords(ctx, bdc, bdcLeads);

  const records: DemoDataset['records'] = {};
  for (const object of DEMO_OBJECTS) records[object] = factory.records[object];
  const planted = [...staff.salespeople.slice(0, staff.plantedCount), staff.bdc];
  return {
    records,
    profiles: planted.map((w) => ({ userId: w.id, name: w.person.name, profile: w.profile, store: w.store })),
    integrationUserId: staff.integrationUserId,
  };
}

function validate(options: DemoOptions): void {
  const problems: string[] = [];
  if (!Number.isInteger(options.seed)) problems.push(`seed must be an integer (got ${options.seed})`);
  if (!Number.isFinite(options.now)) problems.push(`now must be an instant in epoch ms (got ${options.now})`);
  if (!Number.isInteger(options.days) || options.days < 1)
    problems.push(`days must be a whole number ≥ 1 (got ${options.days})`);
  if (!Number.isInteger(options.reps) || options.reps < 1)
    problems.push(`reps must be a whole number ≥ 1 (got ${options.reps})`);
  if (!Number.isFinite(options.scale) || options.scale < 1)
    problems.push(`scale must be a number ≥ 1 (got ${options.scale})`);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: options.timeZone });
  } catch {
    problems.push(`timeZone must be an IANA time zone such as America/Chicago (got ${options.timeZone})`);
  }
  if (problems.length === 0) return;
  throw new CoachError({
    code: 'SANDBOX_DEMO_OPTIONS_INVALID',
    message: `The demo dealership cannot be generated: ${problems.join('; ')}.`,
    actions: [
      'Pass --seed, --reps, --days and --scale as positive whole numbers (scale may be fractional, ≥ 1) and a valid IANA time zone.',
    ],
    exitCode: ExitCode.usage,
    data: { problems },
  });
}
