import { OPAQUE_ID, STAFF_ID } from "@skyddsnat/subgraph-kit";
import { IsEnum, IsOptional, Length, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ChildCaseStatus, ChildConcern } from "../enums.js";

@InputType()
export class OpenChildCaseInput {
  @Matches(OPAQUE_ID, { message: "childId is not an id" })
  @Field(() => ID)
  childId!: string;

  @IsEnum(ChildConcern)
  @Field(() => ChildConcern)
  concern!: ChildConcern;

  @Length(10, 4000)
  @Field(() => String)
  notes!: string;
}

@InputType()
export class ChildCaseFilter {
  @IsOptional()
  @IsEnum(ChildCaseStatus)
  @Field(() => ChildCaseStatus, { nullable: true })
  status?: ChildCaseStatus;

  @IsOptional()
  @IsEnum(ChildConcern)
  @Field(() => ChildConcern, { nullable: true })
  concern?: ChildConcern;

  @IsOptional()
  @Matches(STAFF_ID, { message: "officerId must look like cs-5001" })
  @Field(() => ID, { nullable: true })
  officerId?: string;
}
