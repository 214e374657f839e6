/** Every refusal is a 4xx with a JSON body that names what is wrong; nothing else escapes as a 500. */
import { codeOfStatus, type ErrorCode, type FieldError } from '../../shared/index.ts';

export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    message: string,
    readonly fields: FieldError[] = [],
    readonly headers: Record<string, string> = {},
    /** What the client words for its user; by default what the status means. */
    readonly code: ErrorCode = codeOfStatus(status),
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields: FieldError[] = []) => new HttpError(400, message, fields);
export const unauthorized = (message = 'sign in first') => new HttpError(401, message);
export const forbidden = (message = 'not allowed', code: ErrorCode = 'forbidden') => new HttpError(403, message, [], {}, code);
export const notFound = (what: string) => new HttpError(404, `${what} not found`);
