import { randomUUID } from "node:crypto";
import { badUserInput } from "@skyddsnat/schema";
import { requireOperation, requireRole } from "@skyddsnat/subgraph-kit";
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { EmergencyGrant as GrantRow } from "../../generated/prisma/client.js";
import type { AuditEntry } from "../chain.js";
import { eventEntry } from "../entries.js";
import { type DecisionRow, decisionRecordId, deciderOf, emergencyReasonProblem, requestRecordId, reviewRecordId } from "../grants.js";
import type { AuditContext } from "./audit.resolver.js";
import {
  EmergencyGrant,
  EmergencyReviewQueue,
  GrantEmergencyDisclosureInput,
  RefuseEmergencyDisclosureInput,
  RequestEmergencyAccessInput,
  ReviewEmergencyAccessInput,
} from "./emergency-grant.type.js";
import { EmergencyStatus } from "./emergency-ground.js";

/** The bounds of a disclosure's length, in minutes; the default is the hub's configured grantMinutes. */
export const EMERGENCY_MINUTES_MIN = 1;
export const EMERGENCY_MINUTES_MAX = 60;
const NOTE_MAX = 1000;
/** Grants the gateway still honours or the review still concerns: decided by someone, or self-granted before the rule. */
const GRANTED: string[] = [EmergencyStatus.GRANTED, EmergencyStatus.SELF_GRANTED];

/**
 * Emergency disclosure by the holding agency, two people: a requester asks (opens nothing), social
 * services' on-call grants for a ground and a time or refuses, and an auditor other than both
 * reviews it afterwards. Each step's chained record comes first and carries the step's digest
 * (grants.ts): a decision is never in force without it.
 */
@Resolver()
export class EmergencyResolver {
  @Query(() => [EmergencyGrant], { description: "Requests awaiting the holding agency's decision, oldest first (social services' on-call). Ids and the stated emergency; no person data." })
  pendingEmergencyRequests(@Ctx() context: AuditContext) {
    // Whoever may decide a request sees what there is to decide.
    requireRole(context, "grantEmergencyDisclosure");
    return context.loaders.trail.store.prisma.emergencyGrant.findMany({ where: { status: EmergencyStatus.PENDING }, orderBy: { requestedAt: "asc" }, take: 200 });
  }

  @Query(() => [EmergencyGrant], { description: "The caller's own emergency requests and how each stands, newest first." })
  myEmergencyRequests(@Ctx() context: AuditContext) {
    requireRole(context, "requestEmergencyAccess");
    const { staffId, agency } = context.actor;
    return context.loaders.trail.store.prisma.emergencyGrant.findMany({ where: { staffId, agency }, orderBy: { requestedAt: "desc" }, take: 50 });
  }

  @Query(() => EmergencyReviewQueue, { description: "Granted emergency disclosures awaiting review by someone other than who asked and who granted. Refused and pending requests opened nothing and are not queued." })
  async emergencyReviewQueue(@Ctx() context: AuditContext) {
    requireRole(context, "readAuditLog");
    const { prisma } = context.loaders.trail.store;
    const grants = await prisma.emergencyGrant.findMany({ where: { status: { in: GRANTED } }, orderBy: { decidedAt: "asc" } });
    // Reviewed is what the chain says: a review filled in on the row alone does not count.
    const chained = new Set(
      (
        await prisma.auditRecord.findMany({
          where: { kind: "EMERGENCY_REVIEWED", id: { in: grants.filter((g) => g.reviewedAt).map(reviewRecordId) } },
          select: { id: true },
        })
      ).map((record) => record.id),
    );
    const unreviewed = grants.filter((grant) => !grant.reviewedAt || !chained.has(reviewRecordId(grant)));
    return { unreviewed: unreviewed.length, grants: unreviewed };
  }

  @Mutation(() => EmergencyGrant, { description: "Break the glass: ask the holding agency (social services' on-call) to disclose where one person is, with a stated reason. Opens nothing until granted." })
  async requestEmergencyAccess(@Arg("input", () => RequestEmergencyAccessInput) input: RequestEmergencyAccessInput, @Ctx() context: AuditContext) {
    requireOperation(context, "requestEmergencyAccess");
    if (context.actor.purpose !== "EMERGENCY") throw badUserInput("Break-the-glass is for an emergency: state the purpose EMERGENCY.", "purpose", "PURPOSE_NOT_EMERGENCY");
    const problem = emergencyReasonProblem(input.reason);
    if (problem) throw badUserInput(problem, "reason", "REASON_WITHOUT_CONTENT");
    // Social services' facts: a person it does not know (or facts that cannot be had) is refused.
    if (!(await context.policy.isKnownSubject(input.subjectId))) throw badUserInput("No person with that id is known.", "subjectId", "UNKNOWN_PERSON");
    const { trail } = context.loaders;
    const request = {
      id: `egr_${randomUUID().replaceAll("-", "").slice(0, 16)}`,
      staffId: context.actor.staffId,
      agency: context.actor.agency,
      role: context.actor.role,
      subjectId: input.subjectId,
      reason: input.reason.trim().replace(/\s+/gu, " "),
      requestedAt: trail.clock(),
      status: EmergencyStatus.PENDING,
    };
    await trail.writer.append([recordOf("EMERGENCY_REQUESTED", context, request.subjectId, requestRecordId(request))]);
    return trail.store.prisma.emergencyGrant.create({ data: request });
  }

  @Mutation(() => EmergencyGrant, { description: "The holding agency discloses: social services' on-call grants another's pending request for a ground and a time." })
  async grantEmergencyDisclosure(@Arg("input", () => GrantEmergencyDisclosureInput) input: GrantEmergencyDisclosureInput, @Ctx() context: AuditContext) {
    requireRole(context, "grantEmergencyDisclosure");
    const minutes = input.minutes ?? context.loaders.grantMinutes;
    if (!Number.isInteger(minutes) || minutes < EMERGENCY_MINUTES_MIN || minutes > EMERGENCY_MINUTES_MAX) {
      throw badUserInput(`A disclosure lasts ${EMERGENCY_MINUTES_MIN}–${EMERGENCY_MINUTES_MAX} minutes.`, "minutes", "MINUTES_OUT_OF_RANGE");
    }
    const note = noteOf(input.note, false);
    const request = await pendingRequest(context, input.requestId, "grantEmergencyDisclosure");
    const decidedAt = context.loaders.trail.clock();
    return decide(context, request, {
      status: EmergencyStatus.GRANTED,
      decidedBy: context.actor.staffId,
      decidedAt,
      ground: input.ground,
      expiresAt: new Date(decidedAt.getTime() + minutes * 60_000),
      decisionNote: note,
    });
  }

  @Mutation(() => EmergencyGrant, { description: "The holding agency finds no ground to disclose: social services' on-call refuses another's pending request. Opens nothing." })
  async refuseEmergencyDisclosure(@Arg("input", () => RefuseEmergencyDisclosureInput) input: RefuseEmergencyDisclosureInput, @Ctx() context: AuditContext) {
    requireRole(context, "refuseEmergencyDisclosure");
    const note = noteOf(input.note, true);
    const request = await pendingRequest(context, input.requestId, "refuseEmergencyDisclosure");
    return decide(context, request, {
      status: EmergencyStatus.REFUSED,
      decidedBy: context.actor.staffId,
      decidedAt: context.loaders.trail.clock(),
      ground: null,
      expiresAt: null,
      decisionNote: note,
    });
  }

  @Mutation(() => EmergencyGrant, { description: "Review a granted emergency disclosure; never by who asked for it or who granted it." })
  async reviewEmergencyAccess(@Arg("input", () => ReviewEmergencyAccessInput) input: ReviewEmergencyAccessInput, @Ctx() context: AuditContext) {
    requireRole(context, "reviewEmergencyAccess");
    const { trail } = context.loaders;
    const grant = await trail.store.prisma.emergencyGrant.findUnique({ where: { id: input.grantId } });
    if (!grant) throw badUserInput("No emergency grant with that id.", "grantId", "UNKNOWN_GRANT");
    requireOperation(context, "reviewEmergencyAccess", { emergency: { requesterId: grant.staffId, deciderId: deciderOf(grant) } });
    if (!GRANTED.includes(grant.status)) throw badUserInput("Only a granted disclosure is reviewed: this one opened nothing.", "grantId", "NOT_GRANTED");
    if (grant.reviewedAt) throw badUserInput("That emergency access is already reviewed.", "grantId", "ALREADY_REVIEWED");
    const review = { reviewedBy: context.actor.staffId, reviewedAt: new Date(), outcome: input.outcome, reviewNote: input.note };
    await trail.writer.append([
      { ...recordOf("EMERGENCY_REVIEWED", context, grant.subjectId, reviewRecordId({ id: grant.id, ...review })), decision: input.outcome },
    ]);
    return trail.store.prisma.emergencyGrant.update({ where: { id: grant.id, reviewedAt: null }, data: review });
  }
}

/** The request a decision is about: known, decided on by someone other than who asked (the write policy), and still pending. */
async function pendingRequest(context: AuditContext, requestId: string, operation: "grantEmergencyDisclosure" | "refuseEmergencyDisclosure"): Promise<GrantRow> {
  const request = await context.loaders.trail.store.prisma.emergencyGrant.findUnique({ where: { id: requestId } });
  if (!request) throw badUserInput("No emergency request with that id.", "requestId", "UNKNOWN_REQUEST");
  requireOperation(context, operation, { emergency: { requesterId: request.staffId, deciderId: deciderOf(request) } });
  if (request.status !== EmergencyStatus.PENDING) throw badUserInput("That emergency request is already decided.", "requestId", "ALREADY_DECIDED");
  return request;
}

/** Records the decision (its digest as the record's id), then fills it in on the row, once: only a pending row is updated. */
async function decide(context: AuditContext, request: GrantRow, decision: Pick<DecisionRow, "status" | "decidedBy" | "decidedAt" | "ground" | "expiresAt" | "decisionNote">) {
  const { trail } = context.loaders;
  const decided = { ...request, ...decision };
  const kind = decision.status === EmergencyStatus.GRANTED ? "EMERGENCY_GRANTED" : "EMERGENCY_REFUSED";
  await trail.writer.append([recordOf(kind, context, request.subjectId, decisionRecordId(decided) as string)]);
  return trail.store.prisma.emergencyGrant.update({ where: { id: request.id, status: EmergencyStatus.PENDING }, data: decision });
}

/** A decision's note: trimmed, at most NOTE_MAX characters; a refusal must give one. */
function noteOf(note: string | null | undefined, required: boolean): string | null {
  const text = note?.trim().replace(/\s+/gu, " ") ?? "";
  if (text.length > NOTE_MAX) throw badUserInput(`A note is at most ${NOTE_MAX} characters.`, "note", "NOTE_TOO_LONG");
  if (required && text.length < 5) throw badUserInput("Say why no ground to disclose was found.", "note", "NOTE_REQUIRED");
  return text === "" ? null : text;
}

/** The chained record of one emergency step, with the step's digest as its id; ids and the subject only. */
function recordOf(kind: AuditEntry["kind"], context: AuditContext, subjectId: string, id: string): AuditEntry {
  const gatewayLike = { actor: context.actor, requestId: context.requestId, logger: context.logger, emergencyGrants: [...context.emergencyGrants] };
  return { ...eventEntry(kind, gatewayLike, { subjectId, emergency: true }), id };
}
