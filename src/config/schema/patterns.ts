/**
 * The textual formats the config accepts, each with the message and the hint an admin sees
 * when a value does not match. The loader finds the hint again from the regex zod reports
 * (`issue.pattern`), so a format's wording lives in one place.
 */

export interface NamedPattern {
  readonly regex: RegExp;
  /** What is wrong, completing "<path>: …". */
  readonly message: string;
  readonly hint: string;
}

/**
 * A Salesforce API name: letters, digits and single underscores, starting with a letter, with
 * an optional namespace prefix (`ns__`) and suffix (`__c`, `__r`, `__mdt`, …).
 */
const API_NAME = '(?:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*__)?[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*(?:__[A-Za-z]+)?';

export const PATTERNS = {
  apiName: {
    regex: new RegExp(`^${API_NAME}$`),
    message: 'not a valid Salesforce API name',
    hint: 'use the API name from Setup > Object Manager, e.g. `Account`, `Appointment_Status__c` or `ns__Thing__c`',
  },
  fieldPath: {
    regex: new RegExp(`^${API_NAME}(?:\\.${API_NAME}){0,4}$`),
    message: 'not a valid Salesforce field path',
    hint: 'use a field API name, or up to five names joined by dots through relationships, e.g. `OwnerId`, `Opportunity.OwnerId`',
  },
  snakeId: {
    regex: /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/,
    message: 'not a snake_case id',
    hint: 'ids are lower case words joined by single underscores, e.g. `appointment_set`',
  },
  envName: {
    regex: /^[A-Z_][A-Z0-9_]*$/,
    message: 'not an environment variable name',
    hint: 'put the NAME of the environment variable here (e.g. `SF_ACCESS_TOKEN`), never the secret itself: secrets belong in the environment',
  },
  date: {
    regex: /^\d{4}-\d{2}-\d{2}$/,
    message: 'not a date in YYYY-MM-DD form',
    hint: 'write dates as YYYY-MM-DD, e.g. `2026-12-25`',
  },
  clock: {
    regex: /^(?:[01]\d|2[0-3]):[0-5]\d$/,
    message: 'not a time of day in HH:MM form',
    hint: 'use 24-hour HH:MM, e.g. `09:00` or `20:30`',
  },
  apiVersion: {
    regex: /^[1-9]\d{1,2}\.0$/,
    message: 'not a Salesforce API version',
    hint: 'write the version as a quoted string, e.g. `"62.0"`',
  },
  userId: {
    regex: /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/,
    message: 'not a Salesforce record Id',
    hint: 'use the 15- or 18-character User Id, e.g. `005000000000001AAA`',
  },
} as const satisfies Record<string, NamedPattern>;

/** The pattern whose regex zod reported (as `/source/flags`), if it is one of ours. */
export function patternFor(reported: string | undefined): NamedPattern | undefined {
  if (reported === undefined) return undefined;
  return Object.values(PATTERNS).find((pattern) => pattern.regex.toString() === reported);
}
