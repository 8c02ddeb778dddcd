import { filteredFields } from "@skyddsnat/schema";
import { heldBy, Classified, PageArgs, pageById } from "@skyddsnat/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { RestrainingOrder as OrderRow, Prisma } from "../generated/prisma/client.js";
import { Person } from "../person/person.type.js";
import { RestrainingOrderFilter } from "./restraining-order.input.js";
import { RestrainingOrder, RestrainingOrderConnection } from "./restraining-order.type.js";

function orderWhere(filter: RestrainingOrderFilter | undefined): Prisma.RestrainingOrderWhereInput {
  return {
    ...(filter?.subjectId ? { protectedPersonId: filter.subjectId } : {}),
    ...(filter?.activeOn ? { validFrom: { lte: filter.activeOn }, validTo: { gte: filter.activeOn } } : {}),
  };
}

@Resolver(() => RestrainingOrder)
export class RestrainingOrderResolver {
  @Query(() => RestrainingOrderConnection)
  restrainingOrders(
    @Arg("filter", () => RestrainingOrderFilter, { nullable: true }) filter: RestrainingOrderFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    // activeOn reads the validity dates (SAFETY): only orders whose dates the actor may see.
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.restrainingOrder.findMany({
          where: { AND: [orderWhere(filter), cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      (rows) =>
        context.policy.existing(rows, heldBy((row) => row.protectedPersonId), "Person.restrainingOrders", (known) =>
          context.policy.admitOn(known, heldBy((row) => row.protectedPersonId), filteredFields("restrainingOrders", filter)),
        ),
    );
  }

  @FieldResolver(() => ID)
  subjectId(@Root() row: OrderRow): string {
    return row.protectedPersonId;
  }

  @FieldResolver(() => ID, { nullable: true })
  stewardId(): string | null {
    return null;
  }

  @FieldResolver(() => String)
  policyUnit(@Root() row: OrderRow): string {
    return row.unit;
  }

  @Classified("SAFETY")
  @FieldResolver(() => Boolean, { description: "Whether the order is in force now." })
  active(@Root() row: OrderRow, @Ctx() context: Context): boolean {
    const now = context.policy.now.getTime();
    return row.validFrom.getTime() <= now && now <= row.validTo.getTime();
  }

  @Classified("REFERENCE")
  @FieldResolver(() => Person)
  protectedPerson(@Root() row: OrderRow): Person {
    return { id: row.protectedPersonId };
  }

  @Classified("SAFETY")
  @FieldResolver(() => Person, { description: "Who is restrained: safety data of the protected person." })
  restrainedPerson(@Root() row: OrderRow): Person {
    return { id: row.restrainedPersonId };
  }
}
