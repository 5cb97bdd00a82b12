import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CoachError, ExitCode, type ExitCodeValue } from '../../src/lib/errors';
import { StateErrorCode } from '../../src/state/state-store';
import { RESULT_BY_CODE, runResultOf } from '../../src/sync/run-result';

const SRC = path.resolve(__dirname, '../../src');

const anError = (code: string, exitCode: ExitCodeValue = ExitCode.failure): CoachError =>
  new CoachError({ code, message: `${code} happened.`, exitCode });

/** `code: 'X'`, `code: cond ? 'X' : 'Y'`, `jobError('X'`, `new CoreError('X'`. */
const THROWN_CODE = [
  /code: (?:[^'\n]*\? )?'([A-Z][A-Z0-9_]+)'(?: : '([A-Z][A-Z0-9_]+)')?/g,
  /(?:jobError|new CoreError)\('([A-Z][A-Z0-9_]+)'/g,
];

/** Codes thrown in the rooms a run goes through (the CLI's and the sandbox's never reach one). */
function codesThrownByTheConnector(): Set<string> {
  const codes = new Set<string>(Object.values(StateErrorCode));
  for (const room of ['core', 'salesforce', 'state', 'sync']) {
    for (const file of readdirSync(path.join(SRC, room)).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(path.join(SRC, room, file), 'utf8');
      for (const pattern of THROWN_CODE) {
        for (const match of text.matchAll(pattern)) {
          for (const code of match.slice(1)) if (code !== undefined) codes.add(code);
        }
      }
    }
  }
  return codes;
}

describe('the result a run records, from the error that stopped it', () => {
  it.each([
    ['SF_API_LIMIT', ExitCode.tryLater, 'stopped_api_limit'],
    ['SF_API_BUDGET', ExitCode.tryLater, 'stopped_api_limit'],
    ['SF_UNAVAILABLE', ExitCode.tryLater, 'unavailable'],
    ['SF_BULK_TIMEOUT', ExitCode.tryLater, 'unavailable'],
    ['STATE_BUSY', ExitCode.tryLater, 'locked'],
    ['STATE_LOCK_LOST', ExitCode.failure, 'locked'],
    ['RUN_LOCKED', ExitCode.tryLater, 'locked'],
    ['SF_SESSION_EXPIRED', ExitCode.failure, 'failed'],
    ['SF_CONFIG_MISMATCH', ExitCode.usage, 'failed'],
    ['SF_BULK_JOB_FAILED', ExitCode.failure, 'failed'],
    ['STATE_IO_FAILED', ExitCode.failure, 'failed'],
    ['INVALID_TIME_ZONE', ExitCode.usage, 'failed'],
  ] as const)('given %s (exit %d), then the run is recorded as %s', (code, exitCode, result) => {
    expect(runResultOf(anError(code, exitCode))).toBe(result);
  });

  it('given an unknown code that asks to try later, then the run is failed: the exit code does not decide', () => {
    expect(runResultOf(anError('SOMETHING_NEW', ExitCode.tryLater))).toBe('failed');
  });

  it('given a code named like an object property, then the run is failed', () => {
    expect(runResultOf(anError('constructor'))).toBe('failed');
  });

  it('given an error that is not a CoachError, then the run is failed', () => {
    expect(runResultOf(new TypeError('x is undefined'))).toBe('failed');
    expect(runResultOf('a string')).toBe('failed');
  });

  it('given every code the connector throws, then the table decides each one', () => {
    const thrown = codesThrownByTheConnector();
    const sample = ['SF_UNAVAILABLE', 'SF_BULK_TIMEOUT', 'SF_AUTH_INVALID', 'STATE_BUSY', 'RUN_LOCKED', 'INVALID_DATE'];
    expect([...thrown]).toEqual(expect.arrayContaining(sample));
    expect([...thrown].filter((code) => !Object.hasOwn(RESULT_BY_CODE, code))).toEqual([]);
  });
});
