/** Small configs for tests: a minimal valid one to break one thing at a time, and helpers to run it. */
import { stringify } from 'yaml';
import { parseConfig, type Config, type ConfigInput, type ConfigProblem } from '../../src/config';
import { isCoachError } from '../../src/lib/errors';

/** The smallest config that is valid: three steps, one ratio, a goal. Fresh on every call. */
export function minimalConfig(): ConfigInput {
  return {
    version: 1,
    dealership: { name: 'Test Motors', timeZone: 'America/Chicago', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    team: { salespeople: { Title: 'Sales Consultant' }, setters: { Title: 'BDC Agent' } },
    steps: [
      {
        id: 'contact',
        object: 'Task',
        timeField: 'CompletedDateTime',
        repField: 'OwnerId',
        subjectField: 'WhoId',
        durationField: 'CallDurationInSeconds',
      },
      {
        id: 'appointment_set',
        object: 'Event',
        timeField: 'CreatedDate',
        repField: 'CreatedById',
        subjectField: 'WhoId',
        match: { Type: 'Appointment' },
      },
      {
        id: 'sold',
        object: 'OpportunityHistory',
        timeField: 'CreatedDate',
        repField: 'Opportunity.OwnerId',
        subjectField: 'OpportunityId',
        match: { StageName: 'Closed Won' },
      },
    ],
    measures: [{ id: 'set_rate', kind: 'ratio', from: 'contact', to: 'appointment_set', target: 0.6 }],
    goals: { step: 'sold', funnel: ['contact', 'appointment_set', 'sold'] },
  };
}

/** A value the schema refuses, typed loosely so a test can put it where it does not belong. */
export function invalid(value: unknown): never {
  return value as never;
}

export const TEST_FILE = 'test.yaml';

export function parseYaml(config: unknown, cwd = '/work'): Config {
  return parseConfig(stringify(config), TEST_FILE, { cwd });
}

/** The problems a config text has, or none when it is valid. */
export function problemsOfText(text: string, file = TEST_FILE): ConfigProblem[] {
  try {
    parseConfig(text, file, { cwd: '/work' });
    return [];
  } catch (error) {
    if (isCoachError(error) && Array.isArray(error.data)) return error.data as ConfigProblem[];
    throw error;
  }
}

export function problemsOf(config: unknown): ConfigProblem[] {
  return problemsOfText(stringify(config));
}
