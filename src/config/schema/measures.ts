import { z } from 'zod';
import type { DiagnosisKind, MeasureKind, RepRole } from '../../core/model';
import {
  apiName,
  count,
  fieldPath,
  matchConditions,
  nonEmpty,
  positiveCount,
  readableId,
  share,
  snakeId,
} from './primitives';

export const DIAGNOSES = ['Knowledge', 'Skill', 'Activity'] as const satisfies readonly DiagnosisKind[];

/**
 * The diagnosis each kind of measure implies (ARCHITECTURE.md §6): a ratio below target despite enough
 * volume is a missing skill; a skipped step is a process the rep does not know; anything else
 * is activity not done.
 */
export const DEFAULT_DIAGNOSIS: Readonly<Record<MeasureKind, DiagnosisKind>> = {
  volume: 'Activity',
  ratio: 'Skill',
  responseTime: 'Activity',
  overdue: 'Activity',
  staleLead: 'Activity',
  sequence: 'Knowledge',
  integrity: 'Activity',
};

/** The OEM norm for a first response to a lead (dealership-benchmarks.md). */
const DEFAULT_SLA_MINUTES = 30;
/** ARCHITECTURE.md §5.1: a lead is stale after this many days without activity. */
const DEFAULT_STALE_DAYS = 3;
/** ARCHITECTURE.md §6: "≥10 completed calls within 5 minutes" is not real dialling. */
const DEFAULT_BURST = { count: 10, withinMinutes: 5 } as const;

/** Every Task and Event about a lead touches it unless the admin narrows them: e-mailed yesterday is not idle. */
const DEFAULT_LEAD_TOUCHES = [
  { object: 'Task', subjectField: 'WhoId' },
  { object: 'Event', subjectField: 'WhoId' },
] as const;

const leadTouch = z.strictObject({
  object: z
    .enum(['Task', 'Event'])
    .describe('Activity object whose records touch a lead (their standard time fields say when).'),
  subjectField: fieldPath().default('WhoId').describe('Field holding the lead the activity is about, e.g. WhoId.'),
  match: matchConditions()
    .default({})
    .describe(
      'Conditions a record must meet to count as a touch, e.g. {TaskSubtype: [Call, Email]}; none: every record.',
    ),
});

const stepRef = (what: string) => snakeId().describe(`${what} (a step id from \`steps\`).`);

const base = {
  id: snakeId().describe(
    'snake_case id of the measure, unique. It appears in coaching-flag keys: renaming it opens new flags.',
  ),
  label: z.string().min(1).optional().describe('Readable name shown to managers; defaults to the id in words.'),
  minSample: positiveCount()
    .optional()
    .describe(
      'Smallest sample this measure is judged on, when it differs from coaching.minSample: customers (or events) ' +
        'for a rate or a share, expected events for a volume. Sales are rarer than calls: a measure over sales may ' +
        'need a smaller one to ever be judged. Open items (overdue, staleLead) are counted, not sampled.',
    ),
  diagnosis: z
    .enum(DIAGNOSES)
    .optional()
    .describe(
      'Kind of weakness a flag on this measure means; defaults by kind (ratio: Skill, sequence: Knowledge, others: Activity).',
    ),
};

/**
 * Thresholds that differ by role (ARCHITECTURE.md §6): the kind's own threshold fields and
 * minSample, nothing else, so a key that does not apply to the kind is refused where it is
 * written. The roles are the model's (a compile-time check in to-model.ts keeps them in step).
 */
function byRole<T extends z.ZodRawShape>(kind: MeasureKind, thresholds: T) {
  const forRole = (who: string) =>
    z
      .strictObject({
        ...thresholds,
        minSample: positiveCount()
          .optional()
          .describe(`Smallest sample ${who} are judged on, when it differs from the measure's.`),
      })
      .optional()
      .describe(`Thresholds of this ${kind} measure for ${who}; a field left out keeps the measure's.`);
  return z
    .strictObject({
      salesperson: forRole('salespeople'),
      setter: forRole('setters (BDC)'),
    } satisfies Record<RepRole, z.ZodType>)
    .optional()
    .describe(
      `Thresholds that differ by role, e.g. {setter: {minSample: 20}}: this kind's ` +
        `${Object.keys(thresholds).join(', ')} and minSample. Each rep is judged against their own role's, and ` +
        "compared with peers of that role only; a role left out keeps the measure's.",
    );
}

const perDay = z
  .union([z.number().min(0, { error: 'must not be negative' }), z.literal('goal')], {
    error: 'must be a number of events per working day, or "goal"',
  })
  .describe('Expected count per working day, or "goal": what the salesperson\'s goal plan requires.');
const ratioTarget = share().describe('Target conversion in [0, 1], e.g. 0.6 for 60%.');
const responseTarget = share().describe('Target share of customers answered within the SLA, in [0, 1].');
const maxAllowedOverdue = count().describe('Overdue items tolerated per rep before a flag.');
const maxAllowedStale = count().describe('Stale leads tolerated per rep before a flag.');
const maxSkipShare = share().describe('Share of customers who skipped that is tolerated, in [0, 1].');
const maxSuspiciousShare = share().describe('Share of suspicious events tolerated before a flag, in [0, 1].');

const volume = z.strictObject({
  ...base,
  kind: z.literal('volume').describe('Count of one step per working day against an expectation.'),
  step: stepRef('Step counted'),
  perDay,
  byRole: byRole('volume', { perDay: perDay.optional() }),
});

const ratio = z.strictObject({
  ...base,
  kind: z.literal('ratio').describe('Conversion from one step to a later one, judged with a confidence interval.'),
  from: stepRef('Step converted from (the denominator)'),
  to: stepRef('Step converted to (the numerator)'),
  target: ratioTarget,
  basis: z
    .enum(['subject', 'count'])
    .default('subject')
    .describe(
      'subject: of the customers taken through `from`, the share that reached `to`. count: events of `to` over events of `from` (use it when the two steps are about different kinds of record).',
    ),
  byRole: byRole('ratio', { target: ratioTarget.optional() }),
});

const responseTime = z.strictObject({
  ...base,
  kind: z
    .literal('responseTime')
    .describe('Minutes from a step (a new lead) to the first next step on the same customer.'),
  from: stepRef('Step the clock starts at'),
  to: stepRef('Step that answers it'),
  slaMinutes: z
    .number()
    .positive({ error: 'must be more than 0' })
    .default(DEFAULT_SLA_MINUTES)
    .describe('Minutes within which a response counts as on time.'),
  target: responseTarget,
  byRole: byRole('responseTime', { target: responseTarget.optional() }),
});

const overdue = z.strictObject({
  ...base,
  kind: z.literal('overdue').describe('Open follow-up tasks past their due date.'),
  object: apiName().describe('Object holding the follow-ups, e.g. Task.'),
  dueField: fieldPath().describe('Date field with the due date, e.g. ActivityDate.'),
  repField: fieldPath().describe('Field holding the User the follow-up item belongs to (its rep), e.g. OwnerId.'),
  subjectField: fieldPath().describe('Field holding the customer, e.g. WhoId.'),
  match: matchConditions()
    .default({})
    .describe('Conditions that select open follow-ups, e.g. {Type: "Follow-Up", IsClosed: false}.'),
  maxAllowed: maxAllowedOverdue,
  valueStep: stepRef('Step whose conversion to a sale prices one overdue item'),
  byRole: byRole('overdue', { maxAllowed: maxAllowedOverdue.optional() }),
});

const staleLead = z.strictObject({
  ...base,
  kind: z.literal('staleLead').describe('Open leads with no activity for some days; also produces follow-up tasks.'),
  object: apiName().describe('Object holding leads, e.g. Lead.'),
  repField: fieldPath().describe('Field holding the User who owns the lead (its rep), e.g. OwnerId.'),
  statusField: fieldPath().describe('Field holding the lead status, e.g. Status.'),
  closedStatuses: z
    .array(nonEmpty())
    .min(1, { error: 'needs at least one closed status' })
    .describe('Statuses meaning the lead is closed (converted or dead); any other status is open.'),
  days: positiveCount()
    .default(DEFAULT_STALE_DAYS)
    .describe('Calendar days without activity after which an open lead is stale.'),
  maxAllowed: maxAllowedStale,
  valueStep: stepRef('Step a lead is, used to price the leak'),
  touches: z
    .array(leadTouch)
    .default(DEFAULT_LEAD_TOUCHES.map((touch) => ({ ...touch, match: {} })))
    .describe(
      'Activity that touches a lead besides its steps (default: every Task and Event about it: calls, e-mails, texts, ' +
        'appointments). A closed task touches it when completed, an event at its start; an open task due today or ' +
        'later, or an appointment ahead, keeps the lead from going stale. Tasks the product wrote never count.',
    ),
  byRole: byRole('staleLead', { maxAllowed: maxAllowedStale.optional() }),
});

const sequence = z.strictObject({
  ...base,
  kind: z
    .literal('sequence')
    .describe('Process adherence: customers reaching a step who skipped a required earlier one.'),
  step: stepRef('Step checked'),
  requires: z
    .array(stepRef('Required earlier step'))
    .min(1, { error: 'needs at least one required step' })
    .describe('Steps that must come before `step`.'),
  maxSkipShare,
  byRole: byRole('sequence', { maxSkipShare: maxSkipShare.optional() }),
});

const integrity = z.strictObject({
  ...base,
  kind: z.literal('integrity').describe('Logged activity unlikely to be real: bursts and implausibly short contacts.'),
  steps: z
    .array(stepRef('Step checked'))
    .min(1, { error: 'needs at least one step' })
    .describe('Steps whose events are checked; suspicious ones are not credited.'),
  burst: z
    .strictObject({
      count: positiveCount().describe('Events in a burst, e.g. 10.'),
      withinMinutes: z
        .number()
        .positive({ error: 'must be more than 0' })
        .describe('Minutes the burst fits in, e.g. 5.'),
    })
    .default(DEFAULT_BURST)
    .describe('So many events logged within so few minutes are not real work (e.g. 10 calls within 5 minutes).'),
  minDuration: z
    .strictObject({
      steps: z
        .array(stepRef('Step with a duration'))
        .min(1, { error: 'needs at least one step' })
        .describe('Steps where a short duration is implausible, e.g. contact.'),
      minSeconds: z
        .number()
        .positive({ error: 'must be more than 0' })
        .describe('Shortest plausible duration in seconds.'),
    })
    .optional()
    .describe('A duration floor for steps that have a duration field.'),
  maxSuspiciousShare,
  byRole: byRole('integrity', { maxSuspiciousShare: maxSuspiciousShare.optional() }),
});

export const measureSchema = z
  .discriminatedUnion('kind', [volume, ratio, responseTime, overdue, staleLead, sequence, integrity])
  .transform((measure) => ({
    ...measure,
    label: measure.label ?? readableId(measure.id),
    diagnosis: measure.diagnosis ?? DEFAULT_DIAGNOSIS[measure.kind],
  }))
  .describe('One measure: what is counted, against which target, and what kind of weakness a shortfall means.');

export const measuresSchema = z
  .array(measureSchema)
  .min(1, { error: 'needs at least one measure' })
  .describe('The measures each salesperson is judged on.');
