import type { IncomingMessage } from "node:http";
import { HttpError, type Logger } from "@skyddsnat/platform";
import type { AuditTrail } from "../audit/audit-trail.js";
import type { GatewayContext } from "../context.js";
import type { GatewayStep } from "../pipeline.js";
import { AuthenticationError, IssuerUnavailableError } from "./errors.js";
import type { IssuerRegistry } from "./issuers.js";
import { callerVerifier } from "./verified-tokens.js";

/** How long a caller should wait before retrying when an issuer's keys could not be fetched. */
const ISSUER_RETRY_AFTER_SECONDS = "5";

export interface AuthenticationOptions {
  registry: IssuerRegistry;
  audience: string;
  logger: Logger;
  /** Records refusals at the door and reads the caller's break-the-glass grants. */
  audit?: AuditTrail;
}

/**
 * The caller's token, from the Authorization header alone: the request's context once it is
 * verified; 401 (with WWW-Authenticate, recorded by the door's aggregation) when it is not; 503
 * when its issuer's keys cannot be fetched.
 */
export function authenticate(options: AuthenticationOptions) {
  // A token sent again is not verified again while its key is still the issuer's and its time
  // claims hold (verified-tokens.ts); a verification remembered for a fixed 30 s kept a token
  // alive after its issuer withdrew the key (test/src/oidc-sign-in.test.ts, rotation).
  const verifyHeader = callerVerifier(options.registry, { audience: options.audience });
  return async (req: IncomingMessage, requestId: string): Promise<GatewayContext> => {
    try {
      const actor = await verifyHeader(req.headers.authorization);
      const logger = options.logger.child({ requestId, actor: actor.staffId, role: actor.role });
      let emergencyGrants: string[] = [];
      try {
        emergencyGrants = (await options.audit?.emergencyGrants({ actor })) ?? [];
      } catch (error) {
        logger.warn({ err: error }, "emergency grants unavailable: none apply");
      }
      return { actor, requestId, logger, emergencyGrants, filterExclusions: [], outcome: { withheld: [] } };
    } catch (error) {
      if (error instanceof AuthenticationError) {
        options.logger.info({ requestId, reason: error.reason }, "caller refused");
        await options.audit?.denied(error.reason, requestId, req.socket.remoteAddress).catch(() => {});
        throw new HttpError(
          401,
          "UNAUTHENTICATED",
          "A valid token from a configured agency issuer is required.",
          { reason: error.reason, requestId },
          {
            "x-request-id": requestId,
            // RFC 6750: how to authenticate; invalid_token once a token was sent.
            "www-authenticate": error.reason === "NO_TOKEN" ? 'Bearer realm="skyddsnat"' : 'Bearer realm="skyddsnat", error="invalid_token"',
          },
        );
      }
      if (error instanceof IssuerUnavailableError) {
        // Fail closed, but not the caller's fault: try again shortly.
        options.logger.warn({ requestId, issuer: error.issuer, detail: error.detail }, "issuer keys unavailable: caller not checked");
        throw new HttpError(
          503,
          "ISSUER_UNAVAILABLE",
          "The token's issuer keys cannot be fetched right now; try again shortly.",
          { requestId },
          { "x-request-id": requestId, "retry-after": ISSUER_RETRY_AFTER_SECONDS },
        );
      }
      throw error;
    }
  };
}

/** The pipeline's authentication step: no verified token, no GraphQL work. */
export function authenticationStep(verify: ReturnType<typeof authenticate>): GatewayStep {
  return { name: "authentication", door: ({ req, requestId }) => verify(req, requestId) };
}
