/**
 * Counts the SQL statements each schema's connections send, in this process: what
 * test/src/sql-per-request.test.ts reads to prove that one request's statements do not grow with
 * the data (no N+1). A counter per schema, nothing else: no SQL text, no parameter, so no
 * protected value can reach it.
 */
const counts = new Map<string, number>();

/** One more statement sent on a connection bound to `schema`. */
export function countStatement(schema: string): void {
  counts.set(schema, (counts.get(schema) ?? 0) + 1);
}

/** Statements sent so far, per schema (a copy: take one before and one after the work). */
export function statementCounts(): Record<string, number> {
  return Object.fromEntries(counts);
}

/** The statements per schema between two readings of statementCounts(). */
export function statementsBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([schema, n]) => [schema, n - (before[schema] ?? 0)]).filter(([, n]) => (n as number) > 0));
}
