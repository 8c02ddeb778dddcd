import { OPAQUE_ID, PageArgs, pageById } from "@skyddsnat/subgraph-kit";
import { Classified } from "@skyddsnat/subgraph-kit";
import { IsDate, IsOptional, Matches } from "class-validator";
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { RestrainingOrder as OrderRow } from "../generated/prisma/client.js";
import { Person } from "../person/person.type.js";
import { RestrainingOrder, RestrainingOrderConnection } from "./restraining-order.type.js";

@InputType()
export class RestrainingOrderFilter {
  @IsOptional()
  @IsDate()
  @Field(() => Date, { nullable: true, description: "Only orders in force on this date." })
  activeOn?: Date;

  @IsOptional()
  @Matches(OPAQUE_ID, { message: "subjectId is not an id" })
  @Field(() => ID, { nullable: true })
  subjectId?: string;
}

@Resolver(() => RestrainingOrder)
export class RestrainingOrderResolver {
  @Query(() => RestrainingOrderConnection)
  restrainingOrders(
    @Arg("filter", () => RestrainingOrderFilter, { nullable: true }) filter: RestrainingOrderFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    const where = {
      ...(filter?.subjectId ? { protectedPersonId: filter.subjectId } : {}),
      ...(filter?.activeOn ? { validFrom: { lte: filter.activeOn }, validTo: { gte: filter.activeOn } } : {}),
    };
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.restrainingOrder.findMany({
          where: { AND: [where, cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      filter?.activeOn ? (rows) => context.policy.admit(rows, (row) => row.protectedPersonId, "SAFETY") : undefined,
    );
  }

  @FieldResolver(() => ID)
  subjectId(@Root() row: OrderRow): string {
    return row.protectedPersonId;
  }

  @Classified("SAFETY")
  @FieldResolver(() => Boolean, { description: "In force now." })
  active(@Root() row: OrderRow): boolean {
    const now = Date.now();
    return row.validFrom.getTime() <= now && now <= row.validTo.getTime();
  }

  @Classified("REFERENCE")
  @FieldResolver(() => Person)
  protectedPerson(@Root() row: OrderRow) {
    return { id: row.protectedPersonId };
  }

  @Classified("SAFETY")
  @FieldResolver(() => Person, { description: "Who is restrained is safety data of the protected person." })
  restrainedPerson(@Root() row: OrderRow) {
    return { id: row.restrainedPersonId };
  }
}
