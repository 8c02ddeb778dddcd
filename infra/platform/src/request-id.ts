import { randomUUID } from "node:crypto";

/** The header a request id travels in, from the caller, to the subgraphs and back. */
export const REQUEST_ID_HEADER = "x-request-id";

/** What a caller's request id may look like to be kept: short, and nothing a log could misread. */
const WELL_FORMED = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The request's id: the caller's own (a front end's or proxy's correlation id) when it is
 * well-formed, else a new one. A caller's id is a correlation handle, not proof of anything: the
 * audit trail and logs treat it as text the caller chose.
 */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? undefined : header?.trim();
  return given && WELL_FORMED.test(given) ? given : randomUUID();
}
