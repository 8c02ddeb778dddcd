import { type AccessDecision, widensAccess } from "@skyddsnat/schema";
import type { JWK } from "jose";
import type { GatewayContext } from "../context.js";
import type { GuardOutcome } from "../guard/guarded-gateway.js";
import { type AuditEntry, type ChainKey, operationHash, operationHashKey } from "./chain.js";
import { signCheckpoint } from "./checkpoint.js";
import { accessEntries, eventEntry, withholdUnrecorded } from "./entries.js";
import type { AuditStore } from "./store.js";
import type { ChainVerificationKeys } from "./verify.js";
import { AuditWriter } from "./writer.js";

export interface AuditKeys {
  /** Signs checkpoints (EdDSA). */
  checkpoint: { privateJwk: JWK; kid: string };
  /** Verify checkpoints (the public half of `checkpoint`). */
  publicJwks: { keys: JWK[] };
  /** Links the records (HMAC); see chain.ts. */
  chainKey: ChainKey;
}

/** Mutations whose effect on protected data is itself audited (consent, assignment, protection). */
const AUDITED_CHANGES = new Set(["recordConsent", "revokeConsent", "assignStaff", "openCase", "closeCase", "updateProtectionLevel"]);

/**
 * The gateway's audit step, between the guard's decisions and the response: records every
 * decision on protected data, and releases a protected value only once its record is committed.
 */
export class AuditTrail {
  readonly writer: AuditWriter;
  private timer: NodeJS.Timeout | undefined;

  /** What the auditors' chain status needs to verify the chain. */
  readonly verification: ChainVerificationKeys;

  /** Keys the operation hashes (derived from the chain key, used for nothing else). */
  private readonly operationKey: Uint8Array;

  constructor(
    readonly store: AuditStore,
    private readonly keys: AuditKeys,
  ) {
    this.writer = new AuditWriter(store.prisma, keys.chainKey);
    this.verification = { chainKey: keys.chainKey, publicJwks: keys.publicJwks };
    this.operationKey = operationHashKey(keys.chainKey);
  }

  /** Signs a checkpoint now and then every `intervalMs`. */
  startCheckpoints(intervalMs: number): void {
    this.timer = setInterval(() => void this.checkpoint().catch(() => {}), intervalMs);
    this.timer.unref();
  }

  checkpoint() {
    return signCheckpoint(this.store.prisma, this.keys.checkpoint);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.checkpoint().catch(() => {});
  }

  /** Active break-the-glass grants of the actor; consulted only when the request states EMERGENCY. */
  async emergencyGrants(context: Pick<GatewayContext, "actor">): Promise<string[]> {
    if (context.actor.purpose !== "EMERGENCY") return [];
    const grants = await this.store.prisma.emergencyGrant.findMany({
      where: { staffId: context.actor.staffId, agency: context.actor.agency, expiresAt: { gt: new Date() } },
      select: { subjectId: true },
    });
    return grants.map((grant) => grant.subjectId);
  }

  async denied(reason: string, requestId: string): Promise<void> {
    await this.writer.append([eventEntry("REQUEST_DENIED", null, { requestId, decision: "DENY", reason })]);
  }

  /** The guard's beforeRelease hook; `executed` is the operation as it ran (see ResponseGuardOptions). */
  async beforeRelease(outcome: GuardOutcome, context: GatewayContext, executed: string): Promise<AccessDecision[]> {
    const hash = operationHash(this.operationKey, executed);
    const entries: AuditEntry[] = accessEntries(outcome, context, hash);
    const auditorQuery = context.actor.role === "AUDITOR";
    if (auditorQuery) entries.push(eventEntry("AUDIT_QUERY", context, { operationHash: hash, decision: "ALLOW" }));
    for (const refused of outcome.refusedOperations) {
      entries.push(
        eventEntry("REQUEST_DENIED", context, { fieldPaths: [refused.path.join(".")], decision: "DENY", reason: refused.reason, operationHash: hash }),
      );
    }
    const refused = new Set(outcome.refusedOperations.map((r) => r.path.join(".")));
    for (const change of outcome.mutations) {
      // A refused mutation changed nothing: its REQUEST_DENIED record is all there is to say.
      if (AUDITED_CHANGES.has(change.field) && !refused.has(change.path)) {
        // A change that can widen someone's access is flagged, so review finds each one.
        const reason = widensAccess(change.field) ? "ACCESS_WIDENED" : null;
        entries.push(eventEntry("CHANGE", context, { subjectId: change.subjectId, fieldPaths: [change.field], reason, operationHash: hash }));
      }
    }
    try {
      await this.writer.append(entries);
      return outcome.decisions;
    } catch (error) {
      context.logger.error({ err: error }, "audit store unavailable: withholding protected fields");
      // Fail closed: nothing protected (and nothing from the audit trail) leaves unrecorded.
      return withholdUnrecorded(outcome);
    }
  }
}
