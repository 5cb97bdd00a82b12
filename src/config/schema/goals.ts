import { z } from 'zod';
import { PATTERNS } from './patterns';
import { fieldPath, snakeId } from './primitives';

/** About 10 units per salesperson per month, flat for 35+ years (NADA via Automotive News). */
const DEFAULT_MONTHLY_UNITS = 10;

export const goalsSchema = z
  .strictObject({
    step: snakeId().describe('The result step goals are counted in, e.g. "sold"; the last step of `funnel`.'),
    defaultMonthly: z
      .number()
      .positive({ error: 'must be more than 0' })
      .default(DEFAULT_MONTHLY_UNITS)
      .describe('Units per month for a salesperson with no override and no goal on their User record.'),
    overrides: z
      .record(
        z.string().regex(PATTERNS.userId.regex, { error: PATTERNS.userId.message }),
        z.number().min(0, { error: 'must not be negative' }).describe('Units per month for this salesperson.'),
      )
      .default({})
      .describe('Monthly goals per salesperson, keyed by User Id; they win over `defaultMonthly`.'),
    userField: fieldPath()
      .optional()
      .describe(
        "User field holding each salesperson's monthly goal, e.g. Monthly_Unit_Goal__c; when filled it wins over the default.",
      ),
    funnel: z
      .array(snakeId().describe('A step id from `steps`.'))
      .min(2, { error: 'needs at least two steps, ending with the goal step' })
      .describe(
        'Steps of the funnel in order, ending with `step`; the goal plan works backwards along it to daily activity.',
      ),
  })
  .describe('Result goals and the funnel the goal plan converts them along.');
