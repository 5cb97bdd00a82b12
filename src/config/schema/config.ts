/**
 * The whole config file: the single source of truth for what an admin may write, from which
 * the types, the validation and the JSON Schema for editors all derive.
 */
import { z } from 'zod';
import { coachingSchema } from './coaching';
import { dealershipSchema } from './dealership';
import { goalsSchema } from './goals';
import { measuresSchema } from './measures';
import { scheduleSchema, stateSchema, syncSchema } from './operations';
import { findSecrets, SECRET_HINT } from '../secrets';
import { checkReferences } from './references';
import { salesforceSchema } from './salesforce';
import { stepsSchema } from './steps';
import { teamSchema } from './team';
import { writeBackSchema } from './write-back';

export const CONFIG_VERSION = 1;

export const configSchema = z
  .strictObject({
    version: z
      .literal(CONFIG_VERSION, { error: `unsupported config version: this release reads version ${CONFIG_VERSION}` })
      .describe("Version of this file's format. Always 1 for now."),
    dealership: dealershipSchema,
    salesforce: salesforceSchema,
    team: teamSchema,
    steps: stepsSchema,
    measures: measuresSchema,
    goals: goalsSchema,
    coaching: coachingSchema,
    writeBack: writeBackSchema,
    sync: syncSchema,
    schedule: scheduleSchema,
    state: stateSchema,
  })
  // Runs even when other parts failed (`when`), so a file's problems are all reported at once.
  .superRefine((config, ctx) => checkReferences(config, ctx as z.core.$RefinementCtx<unknown>), { when: () => true })
  // A secret in the file is in version control and every copy of it: refused wherever it was pasted.
  .superRefine(
    (config, ctx) => {
      for (const { path, what } of findSecrets(config))
        ctx.addIssue({
          code: 'custom',
          message: `looks like ${what} (not shown); this file must not hold secrets`,
          path,
          params: { hint: SECRET_HINT },
        });
    },
    { when: () => true },
  )
  .transform((config) => ({
    ...config,
    schedule: { ...config.schedule, timeZone: config.schedule.timeZone ?? config.dealership.timeZone },
  }))
  .describe(
    "Execution Coach configuration: how a dealership's Salesforce org maps onto the steps to the sale, and how salespeople are measured and coached.",
  );

/** The config as the admin writes it (defaults optional). */
export type ConfigInput = z.input<typeof configSchema>;
/** The validated config with every default filled in. */
export type Config = z.output<typeof configSchema>;
