import { CoachError } from '../../src/lib/errors';
import type { ErrorAction } from '../../src/salesforce/error-policy';
import {
  SalesforceRequestError,
  classifyFailure,
  classifyItemError,
  classifyLoginFailure,
  toCoachError,
} from '../../src/salesforce/error-policy';
import type { SalesforceFailure } from '../../src/salesforce/request-error';
import { describeFailure } from '../../src/salesforce/request-error';

function failure(
  status: number | null,
  codes: Array<[string, string?]> = [],
  transportCode: string | null = null,
): SalesforceFailure {
  return {
    status,
    errors: codes.map(([errorCode, message = '']) => ({ errorCode, message })),
    transportCode,
    retryAfterMs: null,
  };
}

describe('the error policy table', () => {
  it.each<[string, SalesforceFailure, ErrorAction]>([
    ['401 INVALID_SESSION_ID', failure(401, [['INVALID_SESSION_ID', 'Session expired or invalid']]), 'reauth'],
    ['401 without a body', failure(401), 'reauth'],
    [
      '403 REQUEST_LIMIT_EXCEEDED TotalRequests',
      failure(403, [['REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.']]),
      'stopTryLater',
    ],
    [
      '403 REQUEST_LIMIT_EXCEEDED ConcurrentRequests',
      failure(403, [['REQUEST_LIMIT_EXCEEDED', 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.']]),
      'retry',
    ],
    [
      '403 REQUEST_LIMIT_EXCEEDED with an unknown message',
      failure(403, [['REQUEST_LIMIT_EXCEEDED', 'Something new']]),
      'stopTryLater',
    ],
    ['400 INVALID_QUERY_LOCATOR', failure(400, [['INVALID_QUERY_LOCATOR']]), 'requery'],
    ['UNABLE_TO_LOCK_ROW', failure(400, [['UNABLE_TO_LOCK_ROW']]), 'retryItem'],
    ['400 INVALID_FIELD', failure(400, [['INVALID_FIELD']]), 'failConfig'],
    ['400 INVALID_TYPE', failure(400, [['INVALID_TYPE']]), 'failConfig'],
    ['400 MALFORMED_QUERY', failure(400, [['MALFORMED_QUERY']]), 'failConfig'],
    ['404 NOT_FOUND', failure(404, [['NOT_FOUND']]), 'failConfig'],
    ['403 INSUFFICIENT_ACCESS_OR_READONLY', failure(403, [['INSUFFICIENT_ACCESS_OR_READONLY']]), 'failPermission'],
    ['403 API_DISABLED_FOR_ORG', failure(403, [['API_DISABLED_FOR_ORG']]), 'failPermission'],
    ['403 with an unknown code', failure(403, [['FORBIDDEN_THING']]), 'failPermission'],
    ['500 UNKNOWN_EXCEPTION', failure(500, [['UNKNOWN_EXCEPTION']]), 'retry'],
    ['503 SERVER_UNAVAILABLE', failure(503, [['SERVER_UNAVAILABLE']]), 'retry'],
    ['502 with an HTML body', failure(502), 'retry'],
    ['429', failure(429), 'retry'],
    ['420', failure(420), 'retry'],
    ['ECONNRESET', failure(null, [], 'ECONNRESET'), 'retry'],
    ['UND_ERR_SOCKET', failure(null, [], 'UND_ERR_SOCKET'), 'retry'],
    ['a request timeout', failure(null, [], 'REQUEST_TIMEOUT'), 'retry'],
    ['ENOTFOUND', failure(null, [], 'ENOTFOUND'), 'failConfig'],
    ['400 REQUIRED_FIELD_MISSING', failure(400, [['REQUIRED_FIELD_MISSING']]), 'fail'],
    ['400 with an unknown code', failure(400, [['SOMETHING_ELSE']]), 'fail'],
  ])('given %s, then the action is %s', (_name, input, action) => {
    expect(classifyFailure(input).action).toBe(action);
  });

  it('given retries that rarely help, then the table caps them', () => {
    expect(classifyFailure(failure(400, [['QUERY_TIMEOUT']]))).toEqual({ action: 'retry', maxRetries: 1 });
    expect(classifyFailure(failure(420))).toEqual({ action: 'retry', maxRetries: 2 });
  });

  it('given several codes in one error array, then the most severe action wins', () => {
    expect(classifyFailure(failure(400, [['UNABLE_TO_LOCK_ROW'], ['INVALID_FIELD']])).action).toBe('failConfig');
    expect(
      classifyFailure(
        failure(403, [['INSUFFICIENT_ACCESS'], ['REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.']]),
      ).action,
    ).toBe('stopTryLater');
  });

  it('given the message text of a different code, then classification ignores it', () => {
    expect(
      classifyFailure(failure(400, [['INVALID_FIELD', 'Session expired or invalid, REQUEST_LIMIT_EXCEEDED']])).action,
    ).toBe('failConfig');
  });

  it('given collection item codes, then row locks are retried per item and others are not', () => {
    expect(classifyItemError('UNABLE_TO_LOCK_ROW')).toBe('retryItem');
    expect(classifyItemError('DUPLICATE_VALUE')).toBe('fail');
  });
});

describe('the login exceptions to the table', () => {
  it('given a refused connection, when logging in, then it is config; once logged in, a retry', () => {
    const refused = failure(null, [], 'ECONNREFUSED');
    expect(classifyLoginFailure(refused)).toEqual({ action: 'failConfig' });
    expect(classifyFailure(refused)).toEqual({ action: 'retry' });
  });

  it('given a 503 or a reset connection at login, then it is retried as anywhere else', () => {
    expect(classifyLoginFailure(failure(503))).toEqual({ action: 'retry' });
    expect(classifyLoginFailure(failure(null, [], 'ECONNRESET'))).toEqual({ action: 'retry' });
  });
});

describe('jsforce errors reduced to failures', () => {
  it('given a MULTIPLE_API_ERRORS error, then every element of its data is kept, statusCode or errorCode', () => {
    const jsforceError = Object.assign(new Error('Multiple errors returned.'), {
      errorCode: 'MULTIPLE_API_ERRORS',
      data: [
        { errorCode: 'INVALID_FIELD', message: 'a' },
        { statusCode: 'MALFORMED_QUERY', message: 'b' },
      ],
    });

    expect(describeFailure(jsforceError, { statusCode: 400, headers: {} })).toEqual(
      failure(400, [
        ['INVALID_FIELD', 'a'],
        ['MALFORMED_QUERY', 'b'],
      ]),
    );
  });

  it('given a non-JSON error body (ERROR_HTTP_503), then only the status remains to classify', () => {
    const jsforceError = Object.assign(new Error('<html>down</html>'), { errorCode: 'ERROR_HTTP_503', data: {} });

    expect(describeFailure(jsforceError, { statusCode: 503, headers: { 'retry-after': '7' } })).toEqual({
      ...failure(503),
      retryAfterMs: 7000,
    });
  });

  it('given a socket error without a response, then its code is the transport code', () => {
    const socket = Object.assign(new Error('request failed, reason: read ECONNRESET'), {
      name: 'FetchError',
      code: 'ECONNRESET',
    });

    expect(describeFailure(socket, null)).toEqual(failure(null, [], 'ECONNRESET'));
  });
});

describe('CoachErrors from failures', () => {
  const requestError = (input: SalesforceFailure): SalesforceRequestError =>
    new SalesforceRequestError(input, classifyFailure(input), 1);

  it.each<[SalesforceFailure, string, number]>([
    [failure(401, [['INVALID_SESSION_ID']]), 'SF_SESSION_EXPIRED', 1],
    [failure(403, [['REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.']]), 'SF_API_LIMIT', 75],
    [failure(503, [['SERVER_UNAVAILABLE']]), 'SF_UNAVAILABLE', 75],
    [failure(400, [['INVALID_FIELD']]), 'SF_CONFIG_MISMATCH', 2],
    [failure(403, [['INSUFFICIENT_ACCESS']]), 'SF_PERMISSION', 1],
    [failure(400, [['REQUIRED_FIELD_MISSING']]), 'SF_REQUEST_FAILED', 1],
  ])('given %j, then the code is %s with exit %i', (input, code, exitCode) => {
    expect(toCoachError(requestError(input), { doing: 'Reading Task' })).toMatchObject({ code, exitCode });
  });

  it('given a config field in the context, then the action names it', () => {
    const error = toCoachError(requestError(failure(400, [['INVALID_FIELD', "No such column 'X'"]])), {
      doing: 'Reading Task',
      configField: 'steps[contact].match',
    });

    expect(error.message).toContain(
      "Reading Task failed: Salesforce answered HTTP 400 INVALID_FIELD: No such column 'X'",
    );
    expect(error.actions[0]).toContain('`steps[contact].match`');
  });

  it('given a Salesforce message ending with a period, then the sentence after it starts after one period, not two', () => {
    const error = toCoachError(
      requestError(failure(403, [['REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.']])),
      { doing: 'Writing Task' },
    );

    expect(error.message).toContain('TotalRequests Limit exceeded. The org');
  });

  it('given a CoachError, then it passes through unchanged', () => {
    const original = new CoachError({ code: 'SF_API_BUDGET', message: 'x', exitCode: 75 });

    expect(toCoachError(original, { doing: 'x' })).toBe(original);
  });
});
