import { filteredFields } from "@skyddsnat/schema";
import { heldBy, PageArgs, pageById } from "@skyddsnat/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { ThreatAssessment as AssessmentRow, Prisma } from "../generated/prisma/client.js";
import { ThreatAssessmentFilter } from "./threat-assessment.input.js";
import { ThreatAssessment, ThreatAssessmentConnection } from "./threat-assessment.type.js";

function assessmentWhere(filter: ThreatAssessmentFilter | undefined): Prisma.ThreatAssessmentWhereInput {
  return {
    ...(filter?.level ? { level: filter.level } : {}),
    ...(filter?.subjectId ? { personId: filter.subjectId } : {}),
  };
}

@Resolver(() => ThreatAssessment)
export class ThreatAssessmentResolver {
  @Query(() => ThreatAssessmentConnection)
  threatAssessments(
    @Arg("filter", () => ThreatAssessmentFilter, { nullable: true }) filter: ThreatAssessmentFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    // level is SAFETY: a level filter only finds assessments whose level the actor may see.
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.threatAssessment.findMany({
          where: { AND: [assessmentWhere(filter), cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      (rows) =>
        context.policy.existing(rows, heldBy((row) => row.personId), "Person.threatAssessments", (known) =>
          context.policy.admitOn(known, heldBy((row) => row.personId), filteredFields("threatAssessments", filter)),
        ),
    );
  }

  @FieldResolver(() => ID)
  subjectId(@Root() row: AssessmentRow): string {
    return row.personId;
  }

  @FieldResolver(() => ID, { nullable: true })
  stewardId(): string | null {
    return null;
  }

  @FieldResolver(() => String)
  policyUnit(@Root() row: AssessmentRow): string {
    return row.unit;
  }
}
