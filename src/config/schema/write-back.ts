import { z } from 'zod';
import type { WriteBackModel } from '../../core/model';
import { apiName, nonEmpty } from './primitives';
import { effectivenessSchema, scorecardSchema } from './scorecard';

/** Leaves most of the 255 characters of a Subject to the words that say what to do. */
const SUBJECT_PREFIX_MAX = 40;

type FlagFieldKey = keyof WriteBackModel['flagFields'];

/** The API names of ARCHITECTURE.md §5.2, as deployed from manifests/salesforce/, with what each holds. */
const FLAG_FIELDS: Readonly<Record<FlagFieldKey, { name: string; meaning: string }>> = {
  key: {
    name: 'Flag_Key__c',
    meaning:
      'External id, unique: v1:<measure>:<rep Id>:<date opened>, or v1:<measure>:team:<role>:<manager Id>:<date opened>',
  },
  scope: { name: 'Scope__c', meaning: "Picklist Rep / Team: one rep's flag, or a manager's whole team of one role" },
  salesperson: { name: 'Salesperson__c', meaning: 'Lookup(User): the salesperson (empty on a team flag)' },
  manager: { name: 'Manager__c', meaning: 'Lookup(User): their manager' },
  measure: { name: 'Measure__c', meaning: 'Measure id' },
  step: { name: 'Step__c', meaning: 'Step id where the weakness is' },
  diagnosis: { name: 'Diagnosis__c', meaning: 'Picklist Knowledge / Skill / Activity' },
  severity: { name: 'Severity__c', meaning: 'Picklist Low / Medium / High' },
  actual: { name: 'Actual__c', meaning: "The salesperson's value" },
  target: { name: 'Target__c', meaning: 'The target' },
  teamValue: { name: 'Team_Value__c', meaning: "The team's value" },
  sampleSize: { name: 'Sample_Size__c', meaning: 'The denominator the value rests on' },
  lostUnits: { name: 'Lost_Units__c', meaning: 'Estimated units per month the weakness costs' },
  periodStart: { name: 'Period_Start__c', meaning: 'First day measured' },
  periodEnd: { name: 'Period_End__c', meaning: 'Last day measured' },
  summary: { name: 'Summary__c', meaning: 'One line a manager reads' },
  evidence: { name: 'Evidence__c', meaning: 'How it was computed' },
  isFocus: { name: 'Is_Focus__c', meaning: 'Checkbox: the weakness to coach first' },
  status: { name: 'Status__c', meaning: 'Picklist New / Committed / Improved / Not Improved / Resolved' },
  commitment: {
    name: 'Commitment__c',
    meaning: 'Manager-owned, never written by the connector: the commitment from the one-on-one',
  },
  followUpDate: { name: 'Follow_Up_Date__c', meaning: 'Manager-owned, never written by the connector: when to check' },
  outcome: { name: 'Outcome__c', meaning: 'What the follow-up check found' },
};

function flagFieldsShape(): Record<FlagFieldKey, z.ZodDefault<z.ZodString>> {
  const entries = Object.entries(FLAG_FIELDS).map(([key, { name, meaning }]) => [
    key,
    apiName().default(name).describe(`${meaning}. Default ${name}.`),
  ]);
  return Object.fromEntries(entries) as Record<FlagFieldKey, z.ZodDefault<z.ZodString>>;
}

export const writeBackSchema = z
  .strictObject({
    mode: z
      .enum(['preview', 'live'])
      .default('preview')
      .describe(
        'preview: compute and show what would be written, write nothing. live: write flags, tasks and agendas to Salesforce.',
      ),
    flagObject: apiName().default('Coaching_Flag__c').describe('Custom object holding coaching flags.'),
    flagFields: z
      .strictObject(flagFieldsShape())
      .prefault({})
      .describe('API names of the coaching-flag fields, if your org renamed them.'),
    taskKeyField: apiName()
      .default('Coaching_Key__c')
      .describe('External-id field on Activity that marks tasks the product wrote (they never count as activity).'),
    followUpTaskType: nonEmpty()
      .default('Call')
      .describe(
        "Task Type of follow-up tasks for salespeople: a value of the org's Task Type picklist. Default Call, which a standard org has.",
      ),
    agendaTaskType: nonEmpty()
      .default('Meeting')
      .describe(
        "Task Type of one-on-one agenda tasks for managers: a value of the org's Task Type picklist. Default Meeting, which a standard org has.",
      ),
    subjectPrefix: z
      .string()
      .max(SUBJECT_PREFIX_MAX)
      .default('')
      .describe(
        `Text put before the Subject of every task Execution Coach writes, e.g. "[Coach] ", so list views and reports can pick them out. At most ${SUBJECT_PREFIX_MAX} characters; default none.`,
      ),
    scorecard: scorecardSchema,
    effectiveness: effectivenessSchema,
  })
  .prefault({})
  .describe('What is written back to Salesforce, and whether anything is written at all.');
