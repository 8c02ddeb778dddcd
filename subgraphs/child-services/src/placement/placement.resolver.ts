import { badUserInput, filteredFields } from "@skyddsnat/schema";
import { actingUnit, heldBy, newId, PageArgs, pageById, requireOperation, requireRole } from "@skyddsnat/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { BarnahusConsultation as ConsultationRow, SchoolPlacement as PlacementRow } from "../generated/prisma/client.js";
import { BarnahusConsultation } from "./consultation.type.js";
import { PlaceChildInput, PlacementFilter } from "./placement.input.js";
import { SchoolPlacement, SchoolPlacementConnection } from "./placement.type.js";

@Resolver(() => SchoolPlacement)
export class PlacementResolver {
  @Query(() => SchoolPlacementConnection)
  schoolPlacements(
    @Arg("filter", () => PlacementFilter, { nullable: true }) filter: PlacementFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    const where = {
      ...(filter?.kind ? { kind: filter.kind } : {}),
      ...(filter?.municipality ? { municipality: { equals: filter.municipality, mode: "insensitive" as const } } : {}),
    };
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.schoolPlacement.findMany({
          where: { AND: [where, cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      (rows) =>
        context.policy.existing(rows, heldBy((row) => row.childId), "Person.schoolPlacements", (known) =>
          context.policy.admitOn(known, heldBy((row) => row.childId), filteredFields("schoolPlacements", filter)),
        ),
    );
  }

  @FieldResolver(() => ID)
  subjectId(@Root() row: PlacementRow): string {
    return row.childId;
  }

  @FieldResolver(() => Boolean)
  /** Current or upcoming: where the child is, or is about to be. */
  policyCurrent(@Root() row: PlacementRow): boolean {
    return row.endsOn === null || row.endsOn.getTime() > Date.now();
  }

  @FieldResolver(() => ID, { nullable: true })
  async stewardId(@Root() row: PlacementRow, @Ctx() context: Context): Promise<string | null> {
    const current = row.endsOn === null || row.endsOn.getTime() > Date.now();
    const childCase = await context.loaders.caseById.load(row.childCaseId);
    return current && childCase?.status === "OPEN" ? childCase.officerId : null;
  }

  @FieldResolver(() => String)
  policyUnit(@Root() row: PlacementRow): string {
    return row.unit;
  }

  @Mutation(() => SchoolPlacement, { description: "Place a child in a school or preschool within an open child case." })
  async placeChild(@Arg("input", () => PlaceChildInput) input: PlaceChildInput, @Ctx() context: Context) {
    requireRole(context, "placeChild");
    const unit = actingUnit(context, "placeChild");
    return context.loaders.db.$transaction(async (tx) => {
      const childCase = await tx.childCase.findUnique({ where: { id: input.childCaseId } });
      if (!childCase) throw badUserInput("No child case with that id.", "childCaseId");
      // The placements the new one would end, with the officer responsible for each while its
      // case is open: ending another officer's placement is hers to decide, not the caller's.
      const ending = await tx.schoolPlacement.findMany({
        where: { childId: childCase.childId, kind: input.kind, endsOn: null },
        select: { childCase: { select: { officerId: true, status: true } } },
      });
      requireOperation(context, "placeChild", {
        childCase: { officerId: childCase.officerId },
        endsPlacementsOf: ending.flatMap((placement) => (placement.childCase.status === "OPEN" ? [placement.childCase.officerId] : [])),
      });
      if (childCase.status !== "OPEN") throw badUserInput("Placements are made in an open child case.", "childCaseId");
      // The child leaves the current school or preschool of that kind when the new one starts,
      // which therefore cannot start before the current one did.
      const current = await tx.schoolPlacement.findFirst({
        where: { childId: childCase.childId, kind: input.kind, endsOn: null, startsOn: { gte: input.startsOn } },
      });
      if (current) throw badUserInput("A placement cannot start before the child's current one of that kind.", "startsOn");
      await tx.schoolPlacement.updateMany({
        where: { childId: childCase.childId, kind: input.kind, endsOn: null },
        data: { endsOn: input.startsOn },
      });
      return tx.schoolPlacement.create({
        data: {
          id: newId("plc"),
          childCaseId: childCase.id,
          childId: childCase.childId,
          kind: input.kind,
          schoolName: input.schoolName,
          municipality: input.municipality,
          startsOn: input.startsOn,
          unit,
        },
      });
    });
  }
}

@Resolver(() => BarnahusConsultation)
export class ConsultationResolver {
  @FieldResolver(() => ID)
  async subjectId(@Root() row: ConsultationRow, @Ctx() context: Context): Promise<string | null> {
    return (await context.loaders.caseById.load(row.childCaseId))?.childId ?? null;
  }

  @FieldResolver(() => Boolean)
  async policyCurrent(@Root() row: ConsultationRow, @Ctx() context: Context): Promise<boolean> {
    return (await context.loaders.caseById.load(row.childCaseId))?.status === "OPEN";
  }

  @FieldResolver(() => ID, { nullable: true })
  async stewardId(@Root() row: ConsultationRow, @Ctx() context: Context): Promise<string | null> {
    const childCase = await context.loaders.caseById.load(row.childCaseId);
    return childCase?.status === "OPEN" ? childCase.officerId : null;
  }

  /** A consultation is held by the unit that holds its child case. */
  @FieldResolver(() => String, { nullable: true })
  async policyUnit(@Root() row: ConsultationRow, @Ctx() context: Context): Promise<string | null> {
    return (await context.loaders.caseById.load(row.childCaseId))?.unit ?? null;
  }
}
