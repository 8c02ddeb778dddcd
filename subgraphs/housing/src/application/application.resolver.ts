import { newId, PageArgs, pageById, requireOperation } from "@skyddsnat/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { HousingApplication as ApplicationRow, Prisma } from "../generated/prisma/client.js";
import { ApplicationFilter, RegisterApplicationInput } from "./application.input.js";
import { HousingApplication, HousingApplicationConnection } from "./application.type.js";

const OPEN_STATUSES = new Set(["SUBMITTED", "APPROVED"]);

@Resolver(() => HousingApplication)
export class ApplicationResolver {
  @Query(() => HousingApplication, { nullable: true })
  housingApplication(@Arg("id", () => ID) id: string, @Ctx() context: Context) {
    return context.loaders.db.housingApplication.findUnique({ where: { id } });
  }

  @Query(() => HousingApplicationConnection)
  housingApplications(
    @Arg("filter", () => ApplicationFilter, { nullable: true }) filter: ApplicationFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    const where: Prisma.HousingApplicationWhereInput = {
      ...(filter?.status ? { status: filter.status } : {}),
      ...(filter?.urgency ? { urgency: filter.urgency } : {}),
      ...(filter?.requestedArea ? { requestedArea: { equals: filter.requestedArea, mode: "insensitive" } } : {}),
    };
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.housingApplication.findMany({
          where: { AND: [where, cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      async (rows) => {
        // Filtering by area is a LOCATION question; by status or urgency a STATUS/HOUSING one.
        let admitted = rows;
        if (filter?.requestedArea) admitted = await context.policy.admit(admitted, (row) => row.personId, "LOCATION");
        if (filter?.status) admitted = await context.policy.admit(admitted, (row) => row.personId, "STATUS");
        if (filter?.urgency) admitted = await context.policy.admit(admitted, (row) => row.personId, "HOUSING");
        return admitted;
      },
    );
  }

  @FieldResolver(() => ID)
  subjectId(@Root() row: ApplicationRow): string {
    return row.personId;
  }

  @FieldResolver(() => ID, { nullable: true })
  stewardId(@Root() row: ApplicationRow): string | null {
    return OPEN_STATUSES.has(row.status) ? row.handlerId : null;
  }

  @Mutation(() => HousingApplication, { description: "Register a housing application; the caller handles it." })
  registerApplication(@Arg("input", () => RegisterApplicationInput) input: RegisterApplicationInput, @Ctx() context: Context) {
    requireOperation(context, "registerApplication");
    return context.loaders.db.housingApplication.create({
      data: {
        id: newId("app"),
        personId: input.subjectId,
        urgency: input.urgency,
        requestedArea: input.requestedArea,
        householdSize: input.householdSize,
        handlerId: context.actor.staffId,
      },
    });
  }
}
