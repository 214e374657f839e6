/**
 * A unique key refused a row: two people saved the same thing at the same moment (a username, a template
 * version). Both engines say so in their own words; the edge answers 409 instead of 500.
 */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
