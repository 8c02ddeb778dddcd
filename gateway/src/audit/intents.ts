import { widensAccess } from "@skyddsnat/schema";
import type { GatewayContext } from "../context.js";
import type { MutationOutcome } from "../guard/guarded-gateway.js";
import type { RootMutation } from "../guard/root-mutations.js";
import type { AuditEntry } from "./chain.js";
import { changeCoordinate, eventEntry } from "./entries.js";

/**
 * Write-ahead intents: before the gateway runs a mutation it records, for each root mutation
 * field, that it is about to (CHANGE_INTENDED); after, one outcome per field (CHANGE,
 * REQUEST_DENIED or CHANGE_FAILED). The outcome's id is its intent's with `outcome-` for
 * `intent-` — the link an auditor follows, and unique in the store, so an intent has at most
 * one outcome. An intent without its outcome is a change whose result was not recorded (the
 * verifier lists them).
 */
export const intentRecordId = (requestId: string, ordinal: number) => `intent-${requestId}-${ordinal}`;
export const outcomeRecordId = (requestId: string, ordinal: number) => `outcome-${requestId}-${ordinal}`;
/** The intent an outcome settles (null for any other record). */
export const intentOf = (outcomeId: string) => (outcomeId.startsWith("outcome-") ? `intent-${outcomeId.slice("outcome-".length)}` : null);

/**
 * One CHANGE_INTENDED per root mutation field: the write operation, the person its input names,
 * and as further field paths the ids its input names (`input.caseId=cas_1`). Ids only: free
 * text of an input (a reason, an assessment) is never read.
 */
export function intentEntries(mutations: readonly RootMutation[], context: GatewayContext, operationHash: string): AuditEntry[] {
  return mutations.map((mutation) => ({
    ...eventEntry("CHANGE_INTENDED", context, { subjectId: mutation.subjectId, fieldPaths: [changeCoordinate(mutation.field), ...mutation.inputIds], operationHash }),
    id: intentRecordId(context.requestId, mutation.ordinal),
  }));
}

/** The outcome of one intended change, linked to its intent by id. */
export function outcomeEntry(mutation: MutationOutcome, context: GatewayContext, operationHash: string): AuditEntry {
  const fieldPaths = [changeCoordinate(mutation.field)];
  const entry =
    mutation.outcome === "CHANGED"
      ? // A change that can widen someone's access is flagged, so review finds each one.
        eventEntry("CHANGE", context, { subjectId: mutation.subjectId, fieldPaths, reason: widensAccess(mutation.field) ? "ACCESS_WIDENED" : null, operationHash })
      : mutation.outcome === "REFUSED"
        ? eventEntry("REQUEST_DENIED", context, { subjectId: mutation.subjectId, fieldPaths, decision: "DENY", reason: mutation.code, operationHash })
        : eventEntry("CHANGE_FAILED", context, { subjectId: mutation.subjectId, fieldPaths, decision: "FAILED", reason: mutation.code ?? mutation.outcome, operationHash });
  return { ...entry, id: outcomeRecordId(context.requestId, mutation.ordinal) };
}
