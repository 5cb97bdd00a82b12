/**
 * The error the pure core throws when its input breaks a rule the config loader should have
 * caught (an unknown time zone, a malformed date) or when an invariant fails. The core may not
 * import src/lib, so callers wrap it in a CoachError with the same stable code.
 */
export class CoreError extends Error {
  readonly code: string;

  constructor(code: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CoreError';
    this.code = code;
  }
}
