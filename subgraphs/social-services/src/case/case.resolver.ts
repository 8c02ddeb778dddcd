import { badUserInput, existsFor, filteredFields, knowsFormerIdentities } from "@skyddsnat/schema";
import { Classified, heldBy, newId, PageArgs, pageById, requireOperation, requireRole } from "@skyddsnat/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { loadSubjectFacts } from "../facts/subject-facts.js";
import type { Case as CaseRow, Prisma } from "../generated/prisma/client.js";
import { Person } from "../person/person.type.js";
import { agencyHoldsRole } from "./assignment-role.js";
import { AssignStaffInput, CaseFilter, OpenCaseInput } from "./case.input.js";
import { Assignment, Case, CaseConnection } from "./case.type.js";

function caseWhere(filter: CaseFilter | undefined): Prisma.CaseWhereInput {
  return {
    ...(filter?.status ? { status: filter.status } : {}),
    ...(filter?.type ? { type: filter.type } : {}),
    ...(filter?.assignedTo ? { assignments: { some: { staffId: filter.assignedTo, endedAt: null } } } : {}),
  };
}

/**
 * The unit that holds a new case: the opener's. A token without a unit (from before units were
 * carried) gives a unit no one works in: no team lead handles the case until its unit is recorded.
 */
function caseUnitOf(context: Context): string {
  const unit = context.actor.unit;
  return unit?.startsWith("social-services/") ? unit : "social-services/unit-not-recorded";
}

@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { nullable: true, name: "case" })
  async caseById(@Arg("id", () => ID) id: string, @Ctx() context: Context) {
    const row = await context.loaders.db.case.findUnique({ where: { id } });
    return context.policy.existingOne(row, heldBy((found) => found.personId), "Person.cases");
  }

  @Query(() => CaseConnection)
  cases(
    @Arg("filter", () => CaseFilter, { nullable: true }) filter: CaseFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    // Being a client is itself secret: only cases whose existence the actor may know. Filters on
    // status and staff are STATUS-class; on type, CASE_DETAIL (an exit programme is life-threatening to reveal).
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.case.findMany({
          where: { AND: [caseWhere(filter), cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      (rows) =>
        context.policy.existing(rows, heldBy((row) => row.personId), "Person.cases", (known) =>
          context.policy.admitOn(known, (row) => row.personId, filteredFields("cases", filter)),
        ),
    );
  }

  @FieldResolver(() => ID)
  subjectId(@Root() row: CaseRow): string {
    return row.personId;
  }

  @FieldResolver(() => String)
  policyUnit(@Root() row: CaseRow): string {
    return row.unit;
  }

  @FieldResolver(() => Boolean)
  policyCurrent(@Root() row: CaseRow): boolean {
    return row.status === "OPEN";
  }

  /** A shelter is secret by nature (places.ts): whoever is placed there. */
  @FieldResolver(() => String, { nullable: true })
  policyPlaceLevel(@Root() row: CaseRow, @Ctx() context: Context): Promise<string | null> {
    return context.policy.placeLevel("shelter", [row.personId]);
  }

  @Classified("REFERENCE")
  @FieldResolver(() => Person)
  person(@Root() row: CaseRow, @Ctx() context: Context) {
    return context.loaders.personById.load(row.personId);
  }

  @Classified("REFERENCE")
  @FieldResolver(() => [Assignment])
  assignments(@Root() row: CaseRow, @Ctx() context: Context) {
    return context.loaders.assignmentsOf.load(row.id);
  }

  @Mutation(() => Case, { description: "Open a case for a person known to social services; the opener owns it." })
  async openCase(@Arg("input", () => OpenCaseInput) input: OpenCaseInput, @Ctx() context: Context) {
    requireRole(context, "openCase");
    const { db } = context.loaders;
    return db.$transaction(async (tx) => {
      const [subject] = await loadSubjectFacts(tx, [input.subjectId]);
      if (!existsFor(context.actor, subject)) throw badUserInput("No person with that id.", "subjectId");
      requireOperation(context, "openCase", { subject });
      const created = await tx.case.create({
        data: {
          id: newId("cas"),
          personId: subject.id,
          type: input.type,
          assessment: input.assessment,
          shelterPlacement: input.shelterPlacement ?? null,
          ownerId: context.actor.staffId,
          unit: caseUnitOf(context),
        },
      });
      // A secretary who opens a case works on it; a team lead owns it and staffs it separately.
      if (context.actor.role === "SOCIAL_SECRETARY") {
        await tx.assignment.create({
          data: { id: newId("asg"), caseId: created.id, staffId: context.actor.staffId, role: "SOCIAL_SECRETARY" },
        });
      }
      return created;
    });
  }

  @Mutation(() => Assignment, {
    description:
      "Assign staff to an open case (its owner or a team lead): a social secretary or contact person, or another agency's officer as a member of the case's coordinated plan (SIP) in her agency's role.",
  })
  async assignStaff(@Arg("input", () => AssignStaffInput) input: AssignStaffInput, @Ctx() context: Context) {
    requireRole(context, "assignStaff");
    const { db } = context.loaders;
    return db.$transaction(async (tx) => {
      const found = await tx.case.findUnique({ where: { id: input.caseId }, select: { status: true, ownerId: true, person: { select: { quarantinedAt: true } } } });
      if (!found || !caseExistsFor(context, found)) throw badUserInput("No case with that id.", "caseId");
      requireOperation(context, "assignStaff", { case: { ownerId: found.ownerId }, assignee: { staffId: input.staffId } });
      if (!agencyHoldsRole(input.staffId, input.role)) throw badUserInput("That staff member's agency does not hold that role.", "role", "ROLE_NOT_OF_AGENCY");
      if (found.status !== "OPEN") throw badUserInput("Staff can only be assigned to an open case.", "caseId");
      const existing = await tx.assignment.findFirst({
        where: { caseId: input.caseId, staffId: input.staffId, role: input.role, endedAt: null },
      });
      if (existing) throw badUserInput("That staff member already holds that role on the case.", "staffId");
      return tx.assignment.create({
        data: { id: newId("asg"), caseId: input.caseId, staffId: input.staffId, role: input.role },
      });
    });
  }

  @Mutation(() => Case, { description: "Close an open case (its owner or a team lead); its assignments end with it." })
  async closeCase(@Arg("id", () => ID) id: string, @Ctx() context: Context) {
    requireRole(context, "closeCase");
    const { db } = context.loaders;
    return db.$transaction(async (tx) => {
      const found = await tx.case.findUnique({ where: { id }, select: { status: true, ownerId: true, person: { select: { quarantinedAt: true } } } });
      if (!found || !caseExistsFor(context, found)) throw badUserInput("No case with that id.", "id");
      requireOperation(context, "closeCase", { case: { ownerId: found.ownerId } });
      if (found.status !== "OPEN") throw badUserInput("The case is already closed.", "id");
      const now = new Date();
      await tx.assignment.updateMany({ where: { caseId: id, endedAt: null }, data: { endedAt: now } });
      return tx.case.update({ where: { id }, data: { status: "CLOSED", closedAt: now } });
    });
  }
}

/** A former identity's case exists for no one but personal security: answered like no case. */
function caseExistsFor(context: Context, found: { person: { quarantinedAt: Date | null } }): boolean {
  return found.person.quarantinedAt === null || knowsFormerIdentities(context.actor);
}
