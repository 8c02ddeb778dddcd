import { OPAQUE_ID } from "@skyddsnat/subgraph-kit";
import { IsDate, IsEnum, IsOptional, Length, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { IncidentCategory } from "../enums.js";

@InputType()
export class RecordIncidentInput {
  @Matches(OPAQUE_ID, { message: "subjectId is not an id" })
  @Field(() => ID)
  subjectId!: string;

  @IsDate()
  @Field(() => Date, { description: "When it happened; not in the future." })
  occurredAt!: Date;

  @IsEnum(IncidentCategory)
  @Field(() => IncidentCategory)
  category!: IncidentCategory;

  @Length(2, 200)
  @Field(() => String, { description: "Where it happened, 2–200 characters." })
  place!: string;

  @Length(10, 4000)
  @Field(() => String, { description: "What happened, 10–4000 characters." })
  description!: string;
}

@InputType()
export class IncidentFilter {
  @IsOptional()
  @IsEnum(IncidentCategory)
  @Field(() => IncidentCategory, { nullable: true })
  category?: IncidentCategory;

  @IsOptional()
  @IsDate()
  @Field(() => Date, { nullable: true, description: "Only incidents that occurred at or after this time." })
  occurredFrom?: Date;

  @IsOptional()
  @IsDate()
  @Field(() => Date, { nullable: true, description: "Only incidents that occurred at or before this time." })
  occurredTo?: Date;

  @IsOptional()
  @Matches(OPAQUE_ID, { message: "subjectId is not an id" })
  @Field(() => ID, { nullable: true })
  subjectId?: string;
}
