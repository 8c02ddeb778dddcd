import { badUserInput, existsFor, filteredFields } from "@skyddsnat/schema";
import { actingUnit, heldBy, newId, PageArgs, pageById, requireOperation, requireRole } from "@skyddsnat/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { ApplicationStatus } from "../enums.js";
import type { HousingApplication as ApplicationRow, Prisma } from "../generated/prisma/client.js";
import { ApplicationFilter, RegisterApplicationInput } from "./application.input.js";
import { HousingApplication, HousingApplicationConnection } from "./application.type.js";

/** While an application is being decided or waits for a flat, its handler is responsible for it. */
const CURRENT_STATUSES: ReadonlySet<ApplicationStatus> = new Set<ApplicationStatus>(["SUBMITTED", "APPROVED"]);

function applicationWhere(filter: ApplicationFilter | undefined): Prisma.HousingApplicationWhereInput {
  return {
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.urgency ? { urgency: filter.urgency } : {}),
    ...(filter?.requestedArea ? { requestedArea: { equals: filter.requestedArea, mode: "insensitive" } } : {}),
  };
}

/** A filter on a classified field may only find applications whose field the actor could see. */
async function admitByFilter(rows: ApplicationRow[], filter: ApplicationFilter | undefined, context: Context) {
  return context.policy.admitOn(rows, heldBy((row) => row.personId), filteredFields("housingApplications", filter));
}

@Resolver(() => HousingApplication)
export class ApplicationResolver {
  @Query(() => HousingApplication, { nullable: true })
  async housingApplication(@Arg("id", () => ID) id: string, @Ctx() context: Context) {
    const row = await context.loaders.db.housingApplication.findUnique({ where: { id } });
    return context.policy.existingOne(row, heldBy((row) => row.personId), "Person.housingApplications");
  }

  @Query(() => HousingApplicationConnection)
  housingApplications(
    @Arg("filter", () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.housingApplication.findMany({
          where: { AND: [applicationWhere(filter), cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      (rows) => context.policy.existing(rows, heldBy((row) => row.personId), "Person.housingApplications", filter ? (known) => admitByFilter(known, filter, context) : undefined),
    );
  }

  @FieldResolver(() => ID)
  subjectId(@Root() row: ApplicationRow): string {
    return row.personId;
  }

  @FieldResolver(() => ID, { nullable: true })
  stewardId(@Root() row: ApplicationRow): string | null {
    return CURRENT_STATUSES.has(row.status) ? row.handlerId : null;
  }

  @FieldResolver(() => String)
  policyUnit(@Root() row: ApplicationRow): string {
    return row.unit;
  }

  @FieldResolver(() => Boolean)
  policyCurrent(@Root() row: ApplicationRow): boolean {
    return CURRENT_STATUSES.has(row.status);
  }

  @Mutation(() => HousingApplication, { description: "Register a housing application; the caller handles it." })
  async registerApplication(@Arg("input", () => RegisterApplicationInput) input: RegisterApplicationInput, @Ctx() context: Context) {
    requireRole(context, "registerApplication");
    const unit = actingUnit(context, "registerApplication");
    // Persons live in social services: the only reference to check is asked there, before the
    // single insert (one statement, so no transaction; nothing is written on bad input).
    const subject = await context.policy.factsOf(input.subjectId);
    if (!existsFor(context.actor, subject)) throw badUserInput("No person with that id.", "subjectId");
    requireOperation(context, "registerApplication", { subject });
    return context.loaders.db.housingApplication.create({
      data: {
        id: newId("app"),
        personId: input.subjectId,
        urgency: input.urgency,
        requestedArea: input.requestedArea,
        householdSize: input.householdSize,
        handlerId: context.actor.staffId,
        unit,
      },
    });
  }
}
