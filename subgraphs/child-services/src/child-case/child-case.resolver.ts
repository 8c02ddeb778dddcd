import { badUserInput, filteredFields, existsFor } from "@skyddsnat/schema";
import { actingUnit, heldBy, Classified, newId, PageArgs, pageById, requireOperation, requireRole } from "@skyddsnat/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { ChildCase as ChildCaseRow } from "../generated/prisma/client.js";
import { BarnahusConsultation } from "../placement/consultation.type.js";
import { SchoolPlacement } from "../placement/placement.type.js";
import { Person } from "../person/person.type.js";
import { ChildCaseFilter, OpenChildCaseInput } from "./child-case.input.js";
import { ChildCase, ChildCaseConnection } from "./child-case.type.js";

@Resolver(() => ChildCase)
export class ChildCaseResolver {
  @Query(() => ChildCase, { nullable: true })
  async childCase(@Arg("id", () => ID) id: string, @Ctx() context: Context) {
    return context.policy.existingOne(await context.loaders.caseById.load(id), heldBy((row) => row.childId), "Person.childCases");
  }

  @Query(() => ChildCaseConnection)
  childCases(
    @Arg("filter", () => ChildCaseFilter, { nullable: true }) filter: ChildCaseFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    const where = {
      ...(filter?.status ? { status: filter.status } : {}),
      ...(filter?.concern ? { concern: filter.concern } : {}),
      ...(filter?.officerId ? { officerId: filter.officerId } : {}),
    };
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.childCase.findMany({
          where: { AND: [where, cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      (rows) =>
        context.policy.existing(rows, heldBy((row) => row.childId), "Person.childCases", (known) =>
          context.policy.admitOn(known, heldBy((row) => row.childId), filteredFields("childCases", filter)),
        ),
    );
  }

  @FieldResolver(() => ID)
  subjectId(@Root() row: ChildCaseRow): string {
    return row.childId;
  }

  @FieldResolver(() => ID, { nullable: true })
  stewardId(@Root() row: ChildCaseRow): string | null {
    return row.status === "OPEN" ? row.officerId : null;
  }

  @FieldResolver(() => String)
  policyUnit(@Root() row: ChildCaseRow): string {
    return row.unit;
  }

  @Classified("REFERENCE")
  @FieldResolver(() => Person)
  child(@Root() row: ChildCaseRow) {
    return { id: row.childId };
  }

  @Classified("CHILD")
  @FieldResolver(() => [SchoolPlacement], { nullable: true })
  placements(@Root() row: ChildCaseRow, @Ctx() context: Context) {
    return context.loaders.placementsOfCase.load(row.id);
  }

  @Classified("CHILD")
  @FieldResolver(() => [BarnahusConsultation], { nullable: true })
  consultations(@Root() row: ChildCaseRow, @Ctx() context: Context) {
    return context.loaders.consultationsOfCase.load(row.id);
  }

  @Mutation(() => ChildCase, { description: "Open a child case; the caller is its officer." })
  async openChildCase(@Arg("input", () => OpenChildCaseInput) input: OpenChildCaseInput, @Ctx() context: Context) {
    requireRole(context, "openChildCase");
    const unit = actingUnit(context, "openChildCase");
    // Persons live in social services: ask there before the single insert, so a case is never
    // opened for nobody.
    const subject = await context.policy.factsOf(input.childId);
    if (!existsFor(context.actor, subject)) throw badUserInput("No person with that id.", "childId");
    requireOperation(context, "openChildCase", { subject });
    return context.loaders.db.childCase.create({
      data: {
        id: newId("chc"),
        childId: input.childId,
        concern: input.concern,
        notes: input.notes,
        officerId: context.actor.staffId,
        unit,
      },
    });
  }
}
