/**
 * The boundary where the connector calls the pure core. The core may not import src/lib, so it
 * throws a bare CoreError with a stable code; here each code becomes a CoachError with the same
 * code, the exit code and the actions a person needs. Most of them are config mistakes the
 * loader normally catches first (a model built another way, or a runtime that lacks a time
 * zone the loader's runtime knew, still reaches them).
 */
import { CoreError } from '../core';
import { CoachError, type CoachErrorOptions, ExitCode } from '../lib/errors';

type Meaning = Pick<CoachErrorOptions, 'actions' | 'exitCode'>;

const VALIDATE = 'Run `execution-coach validate` to check the whole config.';
/** For broken invariants: nothing the user configured explains them. */
const REPORT = 'Nothing was written. Report it with the command you ran, its log and the config.';

const MEANING_BY_CODE: Readonly<Record<string, Meaning>> = {
  INVALID_TIME_ZONE: {
    actions: ['Set dealership.timeZone to an IANA time zone this Node.js knows, e.g. America/Chicago.', VALIDATE],
    exitCode: ExitCode.usage,
  },
  INVALID_DATE: {
    actions: ['Write every date of dealership.holidays as YYYY-MM-DD.', VALIDATE],
    exitCode: ExitCode.usage,
  },
  INVALID_TIME: {
    actions: ['Write dealership.hours.open and .close as HH:MM, e.g. 09:00.', VALIDATE],
    exitCode: ExitCode.usage,
  },
  TOO_MANY_STEPS: {
    actions: ['Merge or remove steps: the message says how many a config may define.', VALIDATE],
    exitCode: ExitCode.usage,
  },
  // Two records the rules want to write share a key: writing either would overwrite the other.
  DUPLICATE_KEY: { actions: [REPORT], exitCode: ExitCode.failure },
  NOT_SERIALISABLE: { actions: [REPORT], exitCode: ExitCode.failure },
};

/** `error` as the product's error when the core threw it; anything else unchanged. */
export function fromCore(error: unknown): unknown {
  if (!(error instanceof CoreError)) return error;
  const meaning = Object.hasOwn(MEANING_BY_CODE, error.code) ? MEANING_BY_CODE[error.code] : undefined;
  return new CoachError({
    code: error.code,
    message: error.message,
    actions: meaning?.actions ?? [REPORT],
    exitCode: meaning?.exitCode ?? ExitCode.failure,
    cause: error,
  });
}
