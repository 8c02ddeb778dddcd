import { randomUUID } from "node:crypto";
import { badUserInput } from "@skyddsnat/schema";
import { GraphQLError } from "graphql";
import { decodeCursor, PageArgs, requireOperation, type SubgraphContext } from "@skyddsnat/subgraph-kit";
import { Arg, Args, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { AuditRecord as AuditRow } from "../../generated/prisma/client.js";
import type { AuditTrail } from "../audit-trail.js";
import { eventEntry } from "../entries.js";
import { emergencyReasonProblem, grantRecordId, reviewRecordId } from "../grants.js";
import { readChainStatus } from "../read-chain.js";
import { AuditFilter, auditWhere } from "./audit-filter.js";
import { AuditRecord, AuditRecordConnection, ChainStatus } from "./audit-record.type.js";
import { EmergencyGrant, EmergencyReviewQueue, RequestEmergencyAccessInput, ReviewEmergencyAccessInput } from "./emergency-grant.type.js";

export type AuditContext = SubgraphContext<{ trail: AuditTrail; grantMinutes: number }>;

const toRecord = (row: AuditRow): AuditRecord => ({ ...row, seq: row.seq.toString() });

@Resolver()
export class AuditResolver {
  @Query(() => AuditRecordConnection, { description: "Search the audit trail (auditors only), newest first." })
  async auditRecords(
    @Arg("filter", () => AuditFilter, { nullable: true }) filter: AuditFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: AuditContext,
  ) {
    requireOperation(context, "readAuditLog");
    const cursor = decodeCursor(page.after);
    if (cursor !== undefined && !/^\d+$/.test(cursor)) throw badUserInput("`after` is not a cursor from this list.", "after");
    const rows = await context.loaders.trail.store.prisma.auditRecord.findMany({
      where: { AND: [auditWhere(filter), cursor ? { seq: { lt: BigInt(cursor) } } : {}] },
      orderBy: { seq: "desc" },
      take: page.first + 1,
    });
    const nodes = rows.slice(0, page.first).map(toRecord);
    const last = nodes.at(-1);
    return {
      nodes,
      pageInfo: { hasNextPage: rows.length > page.first, endCursor: last ? Buffer.from(last.seq).toString("base64url") : null },
    };
  }

  @Query(() => AuditRecordConnection, { description: "Everything the hub recorded about one person: who saw what, when, why." })
  subjectAccessHistory(@Arg("subjectId", () => String) subjectId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() context: AuditContext) {
    return this.auditRecords(Object.assign(new AuditFilter(), { subjectId }), page, context);
  }

  @Query(() => ChainStatus, { description: "Verifies the hash chain and its signed checkpoints now." })
  async auditChainStatus(@Ctx() context: AuditContext): Promise<ChainStatus> {
    requireOperation(context, "readAuditLog");
    return readChainStatus(context.loaders.trail.store.prisma, context.loaders.trail.verification, context.loaders.trail.witness);
  }

  @Query(() => EmergencyReviewQueue, { description: "Emergency accesses awaiting review by someone other than who used them." })
  async emergencyReviewQueue(@Ctx() context: AuditContext) {
    requireOperation(context, "readAuditLog");
    const { prisma } = context.loaders.trail.store;
    const grants = await prisma.emergencyGrant.findMany({ orderBy: { grantedAt: "asc" } });
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

  @Mutation(() => EmergencyGrant, { description: "Break the glass: time-limited access to one person, with a stated reason." })
  async requestEmergencyAccess(@Arg("input", () => RequestEmergencyAccessInput) input: RequestEmergencyAccessInput, @Ctx() context: AuditContext) {
    requireOperation(context, "requestEmergencyAccess");
    if (context.actor.purpose !== "EMERGENCY") {
      throw refusal("Break-the-glass is for an emergency: state the purpose EMERGENCY.", "purpose", "PURPOSE_NOT_EMERGENCY");
    }
    const problem = emergencyReasonProblem(input.reason);
    if (problem) throw refusal(problem, "reason", "REASON_WITHOUT_CONTENT");
    // Social services' facts: a person it does not know (or facts that cannot be had) is refused.
    if (!(await context.policy.isKnownSubject(input.subjectId))) throw refusal("No person with that id is known.", "subjectId", "UNKNOWN_PERSON");
    const { trail, grantMinutes } = context.loaders;
    const grantedAt = new Date();
    const grant = {
      id: `egr_${randomUUID().replaceAll("-", "").slice(0, 16)}`,
      staffId: context.actor.staffId,
      agency: context.actor.agency,
      role: context.actor.role,
      subjectId: input.subjectId,
      reason: input.reason.trim().replace(/\s+/gu, " "),
      grantedAt,
      expiresAt: new Date(grantedAt.getTime() + grantMinutes * 60_000),
    };
    // The record first, carrying the grant's digest: a grant is never in force without it.
    await trail.writer.append([{ ...eventEntry("EMERGENCY_GRANTED", gatewayLike(context), { subjectId: input.subjectId, emergency: true }), id: grantRecordId(grant) }]);
    return trail.store.prisma.emergencyGrant.create({ data: grant });
  }

  @Mutation(() => EmergencyGrant, { description: "Review an emergency access; never by the person who used it." })
  async reviewEmergencyAccess(@Arg("input", () => ReviewEmergencyAccessInput) input: ReviewEmergencyAccessInput, @Ctx() context: AuditContext) {
    requireOperation(context, "reviewEmergencyAccess");
    const { trail } = context.loaders;
    const grant = await trail.store.prisma.emergencyGrant.findUnique({ where: { id: input.grantId } });
    if (!grant) throw badUserInput("No emergency grant with that id.", "grantId");
    if (grant.staffId === context.actor.staffId) throw badUserInput("An emergency access is reviewed by someone else.", "grantId");
    if (grant.reviewedAt) throw badUserInput("That emergency access is already reviewed.", "grantId");
    const review = { reviewedBy: context.actor.staffId, reviewedAt: new Date(), outcome: input.outcome, reviewNote: input.note };
    await trail.writer.append([
      {
        ...eventEntry("EMERGENCY_REVIEWED", gatewayLike(context), { subjectId: grant.subjectId, decision: input.outcome, emergency: true }),
        id: reviewRecordId({ id: grant.id, ...review }),
      },
    ]);
    return trail.store.prisma.emergencyGrant.update({ where: { id: grant.id, reviewedAt: null }, data: review });
  }
}

/** A 400-class refusal of a break-the-glass request, with the argument and a code saying why. */
function refusal(message: string, argument: string, reason: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", argument, reason } });
}

/** The audit entry helpers take the gateway's context shape; the subgraph's carries the same actor. */
function gatewayLike(context: AuditContext) {
  return { actor: context.actor, requestId: context.requestId, logger: context.logger, emergencyGrants: [...context.emergencyGrants] };
}
