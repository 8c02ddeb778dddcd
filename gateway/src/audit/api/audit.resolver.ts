import { badUserInput } from "@skyddsnat/schema";
import { decodeCursor, PageArgs, requireOperation, type SubgraphContext } from "@skyddsnat/subgraph-kit";
import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import type { AuditRecord as AuditRow } from "../../generated/prisma/client.js";
import type { AuditTrail } from "../audit-trail.js";
import { readChainStatus } from "../read-chain.js";
import { AuditFilter, auditWhere } from "./audit-filter.js";
import { AuditRecord, AuditRecordConnection, ChainStatus } from "./audit-record.type.js";

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
}
