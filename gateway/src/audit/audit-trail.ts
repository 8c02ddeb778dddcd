import type { AccessDecision } from "@skyddsnat/schema";
import type { JWK } from "jose";
import type { GatewayContext } from "../context.js";
import type { GuardOutcome } from "../guard/guarded-gateway.js";
import type { RootMutation } from "../guard/root-mutations.js";
import { type AuditEntry, type ChainedEntry, type ChainKey, hashEntry, operationHash, operationHashKey } from "./chain.js";
import { Checkpointer } from "./checkpointer.js";
import { DoorRefusals, type DoorRefusalOptions } from "./door-refusals.js";
import { accessEntries, auditQueryEntries, refusalEntries, withholdUnrecorded } from "./entries.js";
import { decisionRecordId } from "./grants.js";
import { intentEntries, outcomeEntry } from "./intents.js";
import { AUDIT_WAIT_MS, type AuditStore } from "./store.js";
import type { ChainVerificationKeys } from "./verify.js";
import type { Witness } from "./witness/witness.js";
import { AuditWriter } from "./writer.js";

export interface AuditKeys {
  /** Signs checkpoints (EdDSA). */
  checkpoint: { privateJwk: JWK; kid: string };
  /** Verify checkpoints (the public half of `checkpoint`). */
  publicJwks: { keys: JWK[] };
  /** Links the records (HMAC); see chain.ts. */
  chainKey: ChainKey;
}

export interface AuditTrailOptions {
  /** Where signed tree heads go besides the store; null: the store only (tests, tools). */
  witness?: Witness | null;
  /** How long a release waits for its record before withholding (default AUDIT_WAIT_MS). */
  releaseWaitMs?: number;
  doorRefusals?: DoorRefusalOptions;
  /** The clock emergency disclosures are granted and expire by (default the system's; tests move it). */
  clock?: () => Date;
}

/** Rejects after `ms`: a release never waits longer than that for its record. */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`audit store did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The gateway's audit step, between the guard's decisions and the response: records every
 * decision on protected data, and releases a protected value only once its record is committed.
 */
export class AuditTrail {
  readonly writer: AuditWriter;
  private readonly checkpointer: Checkpointer;
  private readonly door: DoorRefusals;
  private readonly releaseWaitMs: number;
  private timer: NodeJS.Timeout | undefined;
  /** Why the last checkpoint failed (logged once per change, not every interval). */
  private lastCheckpointError: string | null = null;
  readonly witness: Witness | null;
  /** When an emergency disclosure is granted, and whether it has expired. */
  readonly clock: () => Date;

  /** What the auditors' chain status needs to verify the chain. */
  readonly verification: ChainVerificationKeys;

  /** Keys the operation hashes (derived from the chain key, used for nothing else). */
  private readonly operationKey: Uint8Array;

  constructor(
    readonly store: AuditStore,
    private readonly keys: AuditKeys,
    options: AuditTrailOptions = {},
  ) {
    this.witness = options.witness ?? null;
    this.clock = options.clock ?? (() => new Date());
    this.checkpointer = new Checkpointer(store.prisma, keys.checkpoint, this.witness);
    this.writer = new AuditWriter(store.prisma, keys.chainKey, { sql: store.db, onCommitted: (chained) => this.checkpointer.observe(chained) });
    this.door = new DoorRefusals((entries) => this.writer.append(entries), options.doorRefusals);
    this.releaseWaitMs = options.releaseWaitMs ?? AUDIT_WAIT_MS;
    this.verification = { chainKey: keys.chainKey, publicJwks: keys.publicJwks };
    this.operationKey = operationHashKey(keys.chainKey);
  }

  /**
   * Signs a tree head (when the chain grew) every `intervalMs` and hands it to the witness: the
   * newest records are at most one interval plus one publish away from being anchored.
   */
  startCheckpoints(intervalMs: number, logger?: { error(obj: object, msg: string): void }): void {
    this.door.start();
    this.timer = setInterval(
      () =>
        void this.checkpoint().then(
          () => {
            this.lastCheckpointError = null;
          },
          (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            if (message !== this.lastCheckpointError) logger?.error({ err: error }, "audit tree head not signed or not witnessed");
            this.lastCheckpointError = message;
          },
        ),
      intervalMs,
    );
    this.timer.unref();
  }

  checkpoint() {
    return this.checkpointer.checkpoint();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.door.stop().catch(() => {});
    await this.checkpoint().catch(() => {});
    await this.witness?.close().catch(() => {});
  }

  /**
   * Active emergency disclosures to the actor; consulted only when the request states EMERGENCY.
   * Only a GRANTED request counts — pending and refused ones open nothing — and only while a
   * chained decision record carries its digest (grants.ts), names someone other than the
   * requester as its granter, and the grant has not expired: a row written, extended, re-pointed
   * or re-grounded in the table alone opens nothing.
   */
  async emergencyGrants(context: Pick<GatewayContext, "actor">): Promise<string[]> {
    if (context.actor.purpose !== "EMERGENCY") return [];
    const grants = await this.store.prisma.emergencyGrant.findMany({
      where: { staffId: context.actor.staffId, agency: context.actor.agency, status: "GRANTED", expiresAt: { gt: this.clock() } },
    });
    if (grants.length === 0) return [];
    const ids = grants.map(decisionRecordId).filter((id): id is string => id !== null);
    const records = (await this.store.prisma.auditRecord.findMany({ where: { id: { in: ids }, kind: "EMERGENCY_GRANTED" } })) as unknown as ChainedEntry[];
    const vouched = new Map(
      records.filter((record) => hashEntry(this.keys.chainKey, record.prevHash, record.seq, record) === record.hash).map((record) => [record.id, record]),
    );
    return grants.flatMap((grant) => {
      const record = vouched.get(decisionRecordId(grant) ?? "");
      const twoPeople = grant.decidedBy !== null && grant.decidedBy !== grant.staffId && record?.actorStaffId === grant.decidedBy;
      return record && twoPeople && record.subjectId === grant.subjectId ? [grant.subjectId] : [];
    });
  }

  /** A request refused at the door: recorded, or counted into its interval's aggregate. */
  async denied(reason: string, requestId: string, source?: string): Promise<void> {
    await within(this.door.refused(reason, requestId, source), this.releaseWaitMs);
  }

  /**
   * The guard's beforeMutation hook: the intent of every root mutation field, committed before
   * any of them runs. Rejects (store refusing, or slower than the release wait): nothing runs.
   */
  async intend(mutations: readonly RootMutation[], context: GatewayContext, executed: string): Promise<void> {
    await within(this.writer.append(intentEntries(mutations, context, operationHash(this.operationKey, executed))), this.releaseWaitMs);
  }

  /** The guard's beforeRelease hook; `executed` is the operation as it ran (see ResponseGuardOptions). */
  async beforeRelease(outcome: GuardOutcome, context: GatewayContext, executed: string): Promise<AccessDecision[]> {
    const hash = operationHash(this.operationKey, executed);
    const entries: AuditEntry[] = accessEntries(outcome, context, hash);
    const auditorQuery = context.actor.role === "AUDITOR";
    if (auditorQuery) entries.push(...auditQueryEntries(outcome, context, hash));
    entries.push(...refusalEntries(outcome, context, hash));
    // Every intended change's outcome: CHANGE, REQUEST_DENIED or CHANGE_FAILED, linked to its intent.
    for (const change of outcome.mutations) entries.push(outcomeEntry(change, context, hash));
    try {
      await within(this.writer.append(entries), this.releaseWaitMs);
      return outcome.decisions;
    } catch (error) {
      context.logger.error({ err: error }, "audit store unavailable: withholding protected fields");
      // Fail closed: nothing protected (and nothing from the audit trail) leaves unrecorded.
      return withholdUnrecorded(outcome);
    }
  }
}
