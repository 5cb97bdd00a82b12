import { z } from 'zod';
import { fieldPath, matchConditions } from './primitives';

/** An empty condition set would select every User, managers and integration users included. */
const userConditions = (who: string) =>
  matchConditions().refine((conditions) => Object.keys(conditions).length > 0, {
    error: `needs at least one condition: without one, every User would count as ${who}`,
  });

export const teamSchema = z
  .strictObject({
    salespeople: userConditions('a salesperson').describe(
      'Conditions on User fields that select the salespeople who are measured on sales and coached, e.g. {Title: "Sales Consultant", IsActive: true}.',
    ),
    setters: userConditions('an appointment setter').describe(
      'Conditions on User fields that select appointment setters (BDC agents); they are measured on the steps credited to them, not on sales.',
    ),
    managerField: fieldPath()
      .default('ManagerId')
      .describe("User field pointing at the person's manager, who receives the coaching flags and one-on-one agendas."),
    storeField: fieldPath()
      .optional()
      .describe("User field naming the person's store, e.g. Department, for groups with several rooftops."),
  })
  .describe("How salespeople, appointment setters and their managers are found among the org's Users.");
