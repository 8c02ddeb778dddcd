import { IsEnum, IsOptional, Length, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { AssignmentRole, CaseStatus, CaseType } from "../enums.js";

import { OPAQUE_ID, STAFF_ID } from "@skyddsnat/subgraph-kit";

@InputType()
export class OpenCaseInput {
  @Matches(OPAQUE_ID, { message: "subjectId is not an id" })
  @Field(() => ID)
  subjectId!: string;

  @IsEnum(CaseType)
  @Field(() => CaseType)
  type!: CaseType;

  @Length(10, 4000)
  @Field(() => String, { description: "The initial assessment, 10–4000 characters." })
  assessment!: string;

  @IsOptional()
  @Length(2, 200)
  @Field(() => String, { nullable: true })
  shelterPlacement?: string;
}

@InputType()
export class AssignStaffInput {
  @Matches(OPAQUE_ID, { message: "caseId is not an id" })
  @Field(() => ID)
  caseId!: string;

  @Matches(STAFF_ID, { message: "staffId must look like ss-1001" })
  @Field(() => ID)
  staffId!: string;

  @IsEnum(AssignmentRole)
  @Field(() => AssignmentRole)
  role!: AssignmentRole;
}

@InputType()
export class CaseFilter {
  @IsOptional()
  @IsEnum(CaseStatus)
  @Field(() => CaseStatus, { nullable: true })
  status?: CaseStatus;

  @IsOptional()
  @IsEnum(CaseType)
  @Field(() => CaseType, { nullable: true })
  type?: CaseType;

  @IsOptional()
  @Matches(STAFF_ID, { message: "assignedTo must look like ss-1001" })
  @Field(() => ID, { nullable: true, description: "Only cases this staff member is currently assigned to." })
  assignedTo?: string;
}
