import { OPAQUE_ID } from "@skyddsnat/subgraph-kit";
import { IsEnum, IsInt, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { ApplicationStatus, Urgency } from "../enums.js";

@InputType()
export class RegisterApplicationInput {
  @Matches(OPAQUE_ID, { message: "subjectId is not an id" })
  @Field(() => ID)
  subjectId!: string;

  @IsEnum(Urgency)
  @Field(() => Urgency)
  urgency!: Urgency;

  @Length(2, 80)
  @Field(() => String)
  requestedArea!: string;

  @IsInt()
  @Min(1)
  @Max(12)
  @Field(() => Int)
  householdSize!: number;
}

@InputType()
export class ApplicationFilter {
  @IsOptional()
  @IsEnum(ApplicationStatus)
  @Field(() => ApplicationStatus, { nullable: true })
  status?: ApplicationStatus;

  @IsOptional()
  @IsEnum(Urgency)
  @Field(() => Urgency, { nullable: true })
  urgency?: Urgency;

  @IsOptional()
  @Length(2, 80)
  @Field(() => String, { nullable: true })
  requestedArea?: string;
}
