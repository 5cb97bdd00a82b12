import { CoreError } from '../../src/core';
import { CoachError, ExitCode, isCoachError } from '../../src/lib/errors';
import { fromCore } from '../../src/sync/core-errors';

function converted(error: unknown): CoachError {
  const result = fromCore(error);
  if (!isCoachError(result)) throw new Error('expected a CoachError');
  return result;
}

describe('core errors at the boundary where the connector calls the core', () => {
  it.each([
    ['INVALID_TIME_ZONE', ExitCode.usage, /dealership\.timeZone/],
    ['INVALID_DATE', ExitCode.usage, /dealership\.holidays/],
    ['INVALID_TIME', ExitCode.usage, /dealership\.hours/],
    ['TOO_MANY_STEPS', ExitCode.usage, /steps/],
    ['DUPLICATE_KEY', ExitCode.failure, /Report it/],
    ['NOT_SERIALISABLE', ExitCode.failure, /Report it/],
  ] as const)(
    'given the core throws %s, then it becomes a CoachError with that code, exit %d and actions',
    (code, exitCode, action) => {
      const core = new CoreError(code, `The core refused: ${code}.`);

      const error = converted(core);

      expect(error).toMatchObject({ code, exitCode, message: core.message, cause: core });
      expect(error.actions.join(' ')).toMatch(action);
      expect(error.actions.join(' ')).not.toMatch(/This is a bug/);
    },
  );

  it('given a core code the boundary does not know, then it keeps the code, exits 1 and asks for a report', () => {
    const error = converted(new CoreError('NEW_INVARIANT', 'Something the core checks now.'));
    expect(error).toMatchObject({ code: 'NEW_INVARIANT', exitCode: ExitCode.failure });
    expect(error.actions.join(' ')).toMatch(/Report it/);
  });

  it('given any other error, then it passes through unchanged', () => {
    const coach = new CoachError({ code: 'SF_UNAVAILABLE', message: 'down' });
    const plain = new TypeError('x is undefined');
    expect(fromCore(coach)).toBe(coach);
    expect(fromCore(plain)).toBe(plain);
  });
});
