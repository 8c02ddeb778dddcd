import { badUserInput } from "@skyddsnat/schema";
import { newId, PageArgs, pageById, requireOperation } from "@skyddsnat/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { Incident as IncidentRow } from "../generated/prisma/client.js";
import { IncidentFilter, RecordIncidentInput } from "./incident.input.js";
import { Incident, IncidentConnection } from "./incident.type.js";

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { nullable: true })
  incident(@Arg("id", () => ID) id: string, @Ctx() context: Context) {
    return context.loaders.db.incident.findUnique({ where: { id } });
  }

  @Query(() => IncidentConnection)
  incidents(
    @Arg("filter", () => IncidentFilter, { nullable: true }) filter: IncidentFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    const where = {
      ...(filter?.category ? { category: filter.category } : {}),
      ...(filter?.subjectId ? { personId: filter.subjectId } : {}),
      ...(filter?.occurredFrom || filter?.occurredTo
        ? { occurredAt: { ...(filter.occurredFrom ? { gte: filter.occurredFrom } : {}), ...(filter.occurredTo ? { lte: filter.occurredTo } : {}) } }
        : {}),
    };
    const filtersOnSafety = Boolean(filter?.category || filter?.occurredFrom || filter?.occurredTo);
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.incident.findMany({
          where: { AND: [where, cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      filtersOnSafety ? (rows) => context.policy.admit(rows, (row) => row.personId, "SAFETY") : undefined,
    );
  }

  @FieldResolver(() => ID)
  subjectId(@Root() row: IncidentRow): string {
    return row.personId;
  }

  @Mutation(() => Incident, { description: "Record an incident reported to the police liaison." })
  recordIncident(@Arg("input", () => RecordIncidentInput) input: RecordIncidentInput, @Ctx() context: Context) {
    requireOperation(context, "recordIncident");
    if (input.occurredAt.getTime() > Date.now()) throw badUserInput("occurredAt cannot be in the future.", "occurredAt");
    return context.loaders.db.incident.create({
      data: {
        id: newId("inc"),
        personId: input.subjectId,
        occurredAt: input.occurredAt,
        category: input.category,
        place: input.place,
        description: input.description,
        reportedBy: context.actor.staffId,
      },
    });
  }
}
