/**
 * An error as Salesforce reports it: an HTTP status plus one `{message, errorCode, fields}`
 * element of the REST error array. Every layer of the sandbox throws this, so that what a client
 * sees is decided where the rule lives, and the HTTP layer only serialises it.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly fields: readonly string[] | undefined;

  constructor(status: number, errorCode: string, message: string, fields?: readonly string[]) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.errorCode = errorCode;
    this.fields = fields;
  }

  /** The element of Salesforce's error array (REST bodies use `errorCode`). */
  toBody(): { message: string; errorCode: string; fields?: readonly string[] } {
    return this.fields === undefined
      ? { message: this.message, errorCode: this.errorCode }
      : { message: this.message, errorCode: this.errorCode, fields: this.fields };
  }

  /** The element of a collection result's `errors` (collections use `statusCode`). */
  toSaveError(): { statusCode: string; message: string; fields: readonly string[] } {
    return { statusCode: this.errorCode, message: this.message, fields: this.fields ?? [] };
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export const notFound = (): ApiError => new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
