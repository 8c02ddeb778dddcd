import { badUserInput, filteredFields, existsFor } from "@skyddsnat/schema";
import { actingUnit, heldBy, newId, PageArgs, pageById, requireOperation, requireRole } from "@skyddsnat/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { Incident as IncidentRow, Prisma } from "../generated/prisma/client.js";
import { IncidentFilter, RecordIncidentInput } from "./incident.input.js";
import { Incident, IncidentConnection } from "./incident.type.js";

function incidentWhere(filter: IncidentFilter | undefined): Prisma.IncidentWhereInput {
  const occurredAt: Prisma.DateTimeFilter = {
    ...(filter?.occurredFrom ? { gte: filter.occurredFrom } : {}),
    ...(filter?.occurredTo ? { lte: filter.occurredTo } : {}),
  };
  return {
    ...(filter?.category ? { category: filter.category } : {}),
    ...(filter?.subjectId ? { personId: filter.subjectId } : {}),
    ...(Object.keys(occurredAt).length > 0 ? { occurredAt } : {}),
  };
}

/** A filter on a SAFETY field (category, time) may only find incidents whose safety data the actor could see. */
/** A filter may only find incidents whose filtered fields the actor could see. */
async function admitByFilter(rows: IncidentRow[], filter: IncidentFilter | undefined, context: Context) {
  return context.policy.admitOn(rows, heldBy((row) => row.personId), filteredFields("incidents", filter));
}

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { nullable: true })
  async incident(@Arg("id", () => ID) id: string, @Ctx() context: Context) {
    const row = await context.loaders.db.incident.findUnique({ where: { id } });
    return context.policy.existingOne(row, heldBy((row) => row.personId), "Person.incidents");
  }

  @Query(() => IncidentConnection)
  incidents(
    @Arg("filter", () => IncidentFilter, { nullable: true }) filter: IncidentFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.incident.findMany({
          where: { AND: [incidentWhere(filter), cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      (rows) => context.policy.existing(rows, heldBy((row) => row.personId), "Person.incidents", (known) => admitByFilter(known, filter, context)),
    );
  }

  @FieldResolver(() => ID)
  subjectId(@Root() row: IncidentRow): string {
    return row.personId;
  }

  @FieldResolver(() => ID, { nullable: true })
  stewardId(): string | null {
    return null;
  }

  @FieldResolver(() => String)
  policyUnit(@Root() row: IncidentRow): string {
    return row.unit;
  }

  @Mutation(() => Incident, { description: "Record an incident about a person; the caller is its reporter." })
  async recordIncident(@Arg("input", () => RecordIncidentInput) input: RecordIncidentInput, @Ctx() context: Context) {
    requireRole(context, "recordIncident");
    const unit = actingUnit(context, "recordIncident");
    if (input.occurredAt.getTime() > Date.now()) throw badUserInput("occurredAt may not be in the future.", "occurredAt");
    // Persons live in social services: the only reference to check is asked there, before the
    // single insert (one statement, so no transaction; nothing is written on bad input).
    const subject = await context.policy.factsOf(input.subjectId);
    if (!existsFor(context.actor, subject)) throw badUserInput("No person with that id.", "subjectId");
    requireOperation(context, "recordIncident", { subject });
    return context.loaders.db.incident.create({
      data: {
        id: newId("inc"),
        personId: input.subjectId,
        occurredAt: input.occurredAt,
        category: input.category,
        place: input.place,
        description: input.description,
        reportedBy: context.actor.staffId,
        unit,
      },
    });
  }
}
