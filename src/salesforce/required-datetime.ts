/**
 * A datetime the adapter relies on (a SystemModstamp that places a restart, a Bulk CSV datetime
 * cell) that is not one fails the read with SF_BAD_DATETIME, rather than placing a checkpoint
 * or a record in the wrong spot. The grammar is the core's, shared with the sync and the state.
 */
import { parseSfDateTime } from '../core/salesforce-datetime';
import { CoachError } from '../lib/errors';

/** Epoch ms of a Salesforce datetime; throws SF_BAD_DATETIME on anything else. */
export function requireDateTime(text: string): number {
  const instant = parseSfDateTime(text);
  if (instant !== null) return instant;
  throw new CoachError({
    code: 'SF_BAD_DATETIME',
    message: `Salesforce returned ${JSON.stringify(text)} where a datetime was expected.`,
    actions: ['Report this: the connector expects datetimes like 2026-11-20T15:04:05.000+0000.'],
  });
}
