import { z } from 'zod';
import { count, positiveCount, snakeId } from './primitives';

/** Defaults of the coaching section (ARCHITECTURE.md §6). */
export const COACHING_DEFAULTS = {
  windowDays: 30,
  confidence: 0.9,
  minSample: 30,
  peerMargin: 0.08,
  maxFlagsPerRep: 2,
  severity: { medium: 0.5, high: 1.5 },
  oneOnOne: 'weekly',
  priorStrength: 20,
  followUpDueDays: 1,
  outcomeWaitDays: 28,
  leakSource: 'chain',
} as const;

/** A missed appointment older than a week is a lost customer to work as a lead, not a rebooking call. */
const NO_SHOW_DAYS = 7;

export const coachingSchema = z
  .strictObject({
    windowDays: positiveCount()
      .default(COACHING_DEFAULTS.windowDays)
      .describe('Days measured, ending with the last complete day.'),
    confidence: z
      .number()
      .gt(0, { error: 'must be between 0 and 1, e.g. 0.9' })
      .lt(1, { error: 'must be between 0 and 1, e.g. 0.9' })
      .default(COACHING_DEFAULTS.confidence)
      .describe(
        'Two-sided confidence of the intervals: a flag needs the whole interval beyond the threshold; false flags are ' +
          'controlled across all the tests of a run at the one-sided level, (1 − confidence) / 2 of its flags.',
      ),
    minSample: positiveCount()
      .default(COACHING_DEFAULTS.minSample)
      .describe(
        'Smallest sample any measure is judged on unless it sets its own minSample: customers (or events) for a ' +
          'rate or a share, expected events for a volume. A new rep with 5 contacts, or one late lead, is not flagged.',
      ),
    peerMargin: z
      .number()
      .min(0, { error: 'must be between 0 and 1, e.g. 0.08' })
      .lt(1, { error: 'must be between 0 and 1, e.g. 0.08' })
      .default(COACHING_DEFAULTS.peerMargin)
      .describe(
        'How much worse than their peers (same role, same store when it has 3 or more) a rep must be to get a flag ' +
          "of their own: a rate 8 points below, a count 8% worse. A gap the whole team shares is not one rep's.",
      ),
    maxFlagsPerRep: positiveCount()
      .default(COACHING_DEFAULTS.maxFlagsPerRep)
      .describe('Most coaching flags per salesperson per period, biggest leak first: few flags, the ones that matter.'),
    severity: z
      .strictObject({
        medium: z
          .number()
          .min(0, { error: 'must not be negative' })
          .describe('Lost units per month from which a finding is Medium.'),
        high: z
          .number()
          .min(0, { error: 'must not be negative' })
          .describe('Lost units per month from which a finding is High.'),
      })
      .refine((levels) => levels.medium < levels.high, {
        error: 'the High threshold must be above the Medium one',
        path: ['high'],
      })
      .default({ ...COACHING_DEFAULTS.severity })
      .describe('Severity thresholds in lost units per month.'),
    oneOnOne: z
      .enum(['weekly', 'biweekly', 'monthly'])
      .default(COACHING_DEFAULTS.oneOnOne)
      .describe('How often managers hold one-on-ones; one agenda per salesperson per period.'),
    priorStrength: count()
      .default(COACHING_DEFAULTS.priorStrength)
      .describe(
        "Pseudo-observations of the team rate mixed into a rep's own ratio when planning; larger trusts the team more.",
      ),
    followUpDueDays: count()
      .default(COACHING_DEFAULTS.followUpDueDays)
      .describe('Days a salesperson is given to do a follow-up task after it is created.'),
    outcomeWaitDays: count()
      .default(COACHING_DEFAULTS.outcomeWaitDays)
      .describe(
        'Days after the follow-up date a commitment may wait for enough data (minSample) to be judged Improved or Not Improved; then it is decided on what there is, and its Outcome says so.',
      ),
    leakSource: z
      .enum(['chain', 'store'])
      .default(COACHING_DEFAULTS.leakSource)
      .describe(
        "How a finding's leak (units a month, which ranks the flags and picks the focus) is priced. chain: the " +
          "shortfall × the conversion from its step to a sale. store: for a salesperson's volume or response-time " +
          'finding whose activity the store\'s own history shows predicts sales (the `analyze` verdict "predictive ' +
          'here"), the shortfall × the low end of that effect\'s 95% interval over the weeks it shows in; any other ' +
          'finding keeps the chain. store reads the whole stored history on every run.',
      ),
    noShowFollowUp: z
      .strictObject({
        step: snakeId().describe(
          'The step whose events are missed appointments, e.g. an Event with Appointment_Status__c = No Show.',
        ),
        rebookedBy: snakeId().describe(
          'A later event of this step for the same customer means they rebooked: no task. E.g. appointment_set.',
        ),
        withinDays: positiveCount()
          .default(NO_SHOW_DAYS)
          .describe(`No-shows of the last N days get a task; older ones are left alone. Default ${NO_SHOW_DAYS}.`),
      })
      .optional()
      .describe(
        'A follow-up task for the salesperson after each missed appointment ("No-show on 2026-12-03: call to rebook"), unless the customer has rebooked. Left out: no such tasks.',
      ),
  })
  .prefault({})
  .describe('How findings are judged and coaching is paced.');
