/**
 * Why a service will not do what was asked, in the domain's own terms. Services know nothing of HTTP: the edge
 * (app.ts) turns each kind into a status code, and sends the kind as `code` so a client can word it in its
 * user's language.
 */
import type { FieldError } from '../../shared/index.ts';

export type RefusalKind = 'invalid' | 'notFound' | 'forbidden' | 'conflict' | 'tooLarge' | 'unsupported';

export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    message: string,
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }
}

/** The request names something wrong: each field and what is wrong with it. */
export const invalid = (message: string, fields: FieldError[] = []) => new Refusal('invalid', message, fields);
export const notFound = (what: string) => new Refusal('notFound', `${what} not found`);
export const forbidden = (message = 'not allowed') => new Refusal('forbidden', message);
/** It cannot be done in the state things are in (already rated, a UUID used for another record). */
export const conflict = (message: string) => new Refusal('conflict', message);
export const tooLarge = (message: string) => new Refusal('tooLarge', message);
export const unsupported = (message: string) => new Refusal('unsupported', message);
