/**
 * The scorecard and coaching-effectiveness records written into the org (ARCHITECTURE.md §5.2), with the API names
 * deployed from manifests/salesforce/. Each section can be turned off for an org that has not deployed its object.
 */
import { z } from 'zod';
import type { WriteBackModel } from '../../core/model';
import { apiName, snakeId } from './primitives';

type ScorecardFieldKey = keyof WriteBackModel['scorecard']['fields'];
type EffectivenessFieldKey = keyof WriteBackModel['effectiveness']['fields'];

const SCORECARD_FIELDS: Readonly<Record<ScorecardFieldKey, { name: string; meaning: string }>> = {
  key: { name: 'Scorecard_Key__c', meaning: 'External id, unique: v1:scorecard:<rep Id>:month:<YYYY-MM> or …:window' },
  salesperson: { name: 'Salesperson__c', meaning: 'Lookup(User): whose scorecard it is (also its owner)' },
  manager: { name: 'Manager__c', meaning: 'Lookup(User): their manager' },
  role: { name: 'Role__c', meaning: 'Picklist Salesperson / Setter' },
  period: { name: 'Period__c', meaning: 'Picklist Month to date / Window' },
  periodStart: { name: 'Period_Start__c', meaning: 'First day counted' },
  periodEnd: { name: 'Period_End__c', meaning: 'Last day counted' },
  todayNeeds: { name: 'Today_Needs__c', meaning: 'What each working day left needs to reach the goal, and the pace' },
  goal: { name: 'Goal__c', meaning: "The month's unit goal" },
  expectedByNow: { name: 'Expected_By_Now__c', meaning: 'Units the goal plan expects by now' },
  pace: { name: 'Pace__c', meaning: 'Picklist Ahead / On pace / Behind' },
  openFlags: { name: 'Open_Flags__c', meaning: 'Open coaching flags after the run' },
  focus: { name: 'Focus__c', meaning: 'The weakness to coach first, or that there is none' },
  measures: { name: 'Measures__c', meaning: "Each measure's value, target and the team's value" },
};

const EFFECTIVENESS_FIELDS: Readonly<Record<EffectivenessFieldKey, { name: string; meaning: string }>> = {
  key: {
    name: 'Effectiveness_Key__c',
    meaning: 'External id, unique: v1:effectiveness:<manager Id | store>:<YYYY-MM>',
  },
  scope: { name: 'Scope__c', meaning: 'Picklist Manager / Store' },
  manager: { name: 'Manager__c', meaning: 'Lookup(User): the manager (empty for the store)' },
  month: { name: 'Month__c', meaning: 'First day of the month the commitments were made in' },
  committed: { name: 'Committed__c', meaning: 'Flags committed on' },
  improved: { name: 'Improved__c', meaning: 'Of those, Improved' },
  notImproved: { name: 'Not_Improved__c', meaning: 'Of those, Not Improved' },
  waiting: { name: 'Waiting__c', meaning: 'Of those, not checked yet' },
  improvedShare: { name: 'Improved_Share__c', meaning: 'Percent: Improved of those checked' },
  medianDaysToImprove: { name: 'Median_Days_To_Improve__c', meaning: 'Median days from commitment to improvement' },
  byDiagnosis: { name: 'By_Diagnosis__c', meaning: 'The same counts by Knowledge / Skill / Activity' },
  byMeasure: { name: 'By_Measure__c', meaning: 'The same counts by measure' },
};

function namesShape<K extends string>(
  fields: Readonly<Record<K, { name: string; meaning: string }>>,
): Record<K, z.ZodDefault<z.ZodString>> {
  const entries = Object.entries<{ name: string; meaning: string }>(fields).map(([key, { name, meaning }]) => [
    key,
    apiName().default(name).describe(`${meaning}. Default ${name}.`),
  ]);
  return Object.fromEntries(entries) as Record<K, z.ZodDefault<z.ZodString>>;
}

export const scorecardSchema = z
  .strictObject({
    enabled: z
      .boolean()
      .default(true)
      .describe('Write a scorecard per rep: month to date (kept as history) and the measuring window (rolling).'),
    object: apiName().default('Coaching_Scorecard__c').describe('Custom object holding scorecards.'),
    fields: z.strictObject(namesShape(SCORECARD_FIELDS)).prefault({}).describe('API names of the scorecard fields.'),
    stepFields: z
      .record(snakeId(), apiName())
      .default({})
      .describe(
        "Which Number field of the scorecard holds each step's count, e.g. `contact: Contacts__c`. Steps left out are not counted on the scorecard; a step the config does not define is an error.",
      ),
  })
  .prefault({})
  .describe("Each rep's scorecard in Salesforce, owned by the rep and read-only for them.");

export const effectivenessSchema = z
  .strictObject({
    enabled: z
      .boolean()
      .default(true)
      .describe('Write coaching effectiveness per manager and for the store, per month of commitment.'),
    object: apiName().default('Coaching_Effectiveness__c').describe('Custom object holding coaching effectiveness.'),
    fields: z
      .strictObject(namesShape(EFFECTIVENESS_FIELDS))
      .prefault({})
      .describe('API names of the coaching-effectiveness fields.'),
  })
  .prefault({})
  .describe(
    "Each manager's coaching effectiveness in Salesforce: of the commitments made in a month, how many worked.",
  );
