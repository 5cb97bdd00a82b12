import { z } from 'zod';
import { apiName, fieldPath, matchConditions, readableId, snakeId } from './primitives';

export const stepSchema = z
  .strictObject({
    id: snakeId().describe(
      'snake_case id of the step, unique, e.g. "appointment_set". Measures and goals refer to it.',
    ),
    label: z
      .string()
      .min(1)
      .optional()
      .describe('Readable name shown to managers; defaults to the id in words ("Appointment set").'),
    object: apiName().describe('Salesforce object the step is read from, e.g. Lead, Task, Event, OpportunityHistory.'),
    timeField: fieldPath().describe(
      'Date or datetime field saying when the step happened, e.g. CreatedDate, CompletedDateTime.',
    ),
    repField: fieldPath().describe(
      'Field (path) holding the User credited with the step (the rep, when that user is a salesperson or setter), e.g. OwnerId, CreatedById, Opportunity.OwnerId.',
    ),
    subjectField: fieldPath().describe(
      "Field (path) holding the customer the step is about, linking one customer's steps: Id for Lead, WhoId for Task and Event, OpportunityId for OpportunityHistory.",
    ),
    match: matchConditions()
      .default({})
      .describe(
        'Conditions a record must meet to count as this step, e.g. {Type: "Call", CallDisposition: "Contacted"}. Empty: every record of the object.',
      ),
    durationField: fieldPath()
      .optional()
      .describe(
        'Numeric field with the call duration in seconds, e.g. CallDurationInSeconds; used by integrity checks.',
      ),
  })
  .transform((step) => ({ ...step, label: step.label ?? readableId(step.id) }))
  .describe("One step to the sale and how it is recognised among the org's records.");

export const stepsSchema = z
  .array(stepSchema)
  .min(1, { error: 'needs at least one step' })
  .describe('The steps to the sale, in funnel order, from first contact to the sale (ARCHITECTURE.md §5.1).');
