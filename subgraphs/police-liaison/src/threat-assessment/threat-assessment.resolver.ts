import { OPAQUE_ID, PageArgs, pageById } from "@skyddsnat/subgraph-kit";
import { IsEnum, IsOptional, Matches } from "class-validator";
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { ThreatLevel } from "../enums.js";
import type { ThreatAssessment as AssessmentRow } from "../generated/prisma/client.js";
import { ThreatAssessment, ThreatAssessmentConnection } from "./threat-assessment.type.js";

@InputType()
export class ThreatAssessmentFilter {
  @IsOptional()
  @IsEnum(ThreatLevel)
  @Field(() => ThreatLevel, { nullable: true })
  level?: ThreatLevel;

  @IsOptional()
  @Matches(OPAQUE_ID, { message: "subjectId is not an id" })
  @Field(() => ID, { nullable: true })
  subjectId?: string;
}

@Resolver(() => ThreatAssessment)
export class ThreatAssessmentResolver {
  @Query(() => ThreatAssessmentConnection)
  threatAssessments(
    @Arg("filter", () => ThreatAssessmentFilter, { nullable: true }) filter: ThreatAssessmentFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    const where = {
      ...(filter?.level ? { level: filter.level } : {}),
      ...(filter?.subjectId ? { personId: filter.subjectId } : {}),
    };
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.threatAssessment.findMany({
          where: { AND: [where, cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      filter?.level ? (rows) => context.policy.admit(rows, (row) => row.personId, "SAFETY") : undefined,
    );
  }

  @FieldResolver(() => ID)
  subjectId(@Root() row: AssessmentRow): string {
    return row.personId;
  }
}
