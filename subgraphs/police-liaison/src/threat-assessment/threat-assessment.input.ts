import { OPAQUE_ID } from "@skyddsnat/subgraph-kit";
import { IsEnum, IsOptional, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ThreatLevel } from "../enums.js";

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
