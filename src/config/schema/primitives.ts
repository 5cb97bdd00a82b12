/**
 * Building blocks shared by the sections of the config schema: names, ids, shares, match
 * conditions, time zones and cron expressions, each with the message an admin sees when it is
 * wrong. Descriptions are set where a block is used, since the same block means different things.
 */
import { validateDetailed } from 'node-cron';
import { z } from 'zod';
import { closestTimeZone, isTimeZone } from '../hints';
import { shown } from '../shown';
import { PATTERNS, type NamedPattern } from './patterns';

function matching(pattern: NamedPattern): z.ZodString {
  return z.string().regex(pattern.regex, { error: pattern.message });
}

export const apiName = (): z.ZodString => matching(PATTERNS.apiName);
export const fieldPath = (): z.ZodString => matching(PATTERNS.fieldPath);
export const snakeId = (): z.ZodString => matching(PATTERNS.snakeId);
export const envName = (): z.ZodString => matching(PATTERNS.envName);
export const clock = (): z.ZodString => matching(PATTERNS.clock);
export const nonEmpty = (): z.ZodString => z.string().min(1, { error: 'must not be empty' });

/** A share or rate in [0, 1] (0.63 means 63%). */
export const share = (): z.ZodNumber =>
  z.number().min(0, { error: 'must be a share between 0 and 1 (0.63 means 63%)' }).max(1, {
    error: 'must be a share between 0 and 1 (0.63 means 63%)',
  });

export const count = (): z.ZodNumber =>
  z.int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' });
export const positiveCount = (): z.ZodNumber =>
  z.int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' });

/** A calendar date that exists (2026-02-30 does not). */
export const calendarDate = (): z.ZodString =>
  matching(PATTERNS.date).refine(isRealDate, { error: 'not a real calendar date' });

function isRealDate(text: string): boolean {
  // A text that is not YYYY-MM-DD at all is the format check's to report, not this one's.
  if (!PATTERNS.date.regex.test(text)) return true;
  const [year, month, day] = text.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const matchScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * Conditions a record must meet: field path → value (equality; null means empty) or list of
 * values (one of). Nested objects are refused: every condition is a plain comparison.
 */
export const matchConditions = () =>
  z.record(
    fieldPath(),
    z
      .union([matchScalar, z.array(matchScalar)], {
        error: 'a match value must be text, a number, true/false, null, or a list of those',
      })
      .describe('A value the field must equal (null: the field is empty), or a list of values it must be one of.'),
  );

export const TIME_ZONE_HINT = 'use an IANA time zone name such as `America/Chicago`';

/** An IANA time zone that this Node.js knows (so the core can count days in it). */
export const timeZone = (): z.ZodString =>
  z.string().superRefine((name, ctx) => {
    if (isTimeZone(name)) return;
    const suggestion = closestTimeZone(name);
    ctx.addIssue({
      code: 'custom',
      message: `unknown time zone ${shown(name)}`,
      params: { hint: suggestion === undefined ? TIME_ZONE_HINT : `did you mean "${suggestion}"?` },
    });
  });

export const CRON_HINT =
  'five fields: minute hour day-of-month month day-of-week, e.g. "0 * * * *" (every hour) or "*/30 8-20 * * mon-sat"';

export const cronExpression = (): z.ZodString =>
  z.string().superRefine((expression, ctx) => {
    const result = validateDetailed(expression);
    if (result.valid) return;
    const reason = result.errors.map((error) => error.message).join('; ');
    ctx.addIssue({
      code: 'custom',
      message: `invalid cron expression ${shown(expression)}: ${reason}`,
      params: { hint: CRON_HINT },
    });
  });

/** `appointment_set` → `Appointment set`: the label a step or measure gets when none is given. */
export function readableId(id: string): string {
  const words = id.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
