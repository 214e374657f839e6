/** One way to validate a payload everywhere: errors name the field that is wrong. */
import * as v from 'valibot';

export interface FieldError {
  path: string;
  /** What is wrong, in English, for logs and English screens. */
  message: string;
  /** Which rule it broke (valibot's issue type: max_value, min_length, …, or `unknown` for a reference to nothing), so a client can say it in its user's language. */
  rule?: string;
  /** The rule's number, where it has one (the 12 of "at most 12"). */
  limit?: number;
  /** The server's own Chinese words, where no rule says it (a line of an imported file). */
  zh?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map((p) => p.key)
    .reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

export function parse<S extends v.GenericSchema>(schema: S, input: unknown): Parsed<v.InferOutput<S>> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  return {
    ok: false,
    errors: result.issues.map((issue) => ({
      path: pathOf(issue) || '(body)',
      message: issue.message,
      rule: issue.type,
      ...(typeof issue.requirement === 'number' ? { limit: issue.requirement } : {}),
    })),
  };
}

/** "answers[2].value: must be …; id: must be a UUID" — for a 4xx body or an on-screen message. */
export function describeErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('; ');
}
