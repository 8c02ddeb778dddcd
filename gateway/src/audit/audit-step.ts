import type { GatewayStep } from "../pipeline.js";
import type { ResponseGuardOptions } from "../guard/guarded-gateway.js";
import type { AuditTrail } from "./audit-trail.js";
import { withholdUnrecorded } from "./entries.js";

/** The guard's two hooks, filled by the audit: a change is recorded before it is made, a value before it is released. */
export type AuditHooks = Required<Pick<ResponseGuardOptions, "beforeMutation" | "beforeRelease">>;

export interface AuditStepOptions {
  /** The audit trail; without it, protected values are never released and no change is made (fail closed). */
  audit?: AuditTrail;
  /** Benchmarks only: release decisions without recording them, to measure the audit's cost. */
  unsafeSkipAudit?: boolean;
}

/**
 * The pipeline's audit step. It has no stage of its own: the guard calls its hooks with plain
 * data (the mutations to run, the guard's outcome, the executed document), which is all a Router
 * coprocessor would hand it too.
 */
export function auditStep(options: AuditStepOptions): GatewayStep & { hooks: AuditHooks } {
  return {
    name: "audit",
    hooks: {
      beforeMutation: (mutations, context, executed) => {
        if (options.unsafeSkipAudit) return Promise.resolve();
        // With no audit trail configured no change is made: it could not be recorded.
        return options.audit ? options.audit.intend(mutations, context, executed) : Promise.reject(new Error("no audit trail configured"));
      },
      beforeRelease: (outcome, context, executed) => {
        if (options.unsafeSkipAudit) return Promise.resolve(outcome.decisions);
        // With no audit trail configured nothing protected may leave: it could not be recorded.
        return options.audit ? options.audit.beforeRelease(outcome, context, executed) : Promise.resolve(withholdUnrecorded(outcome));
      },
    },
  };
}
