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
  @Field(() => Date)
  occurredAt!: Date;

  @IsEnum(IncidentCategory)
  @Field(() => IncidentCategory)
  category!: IncidentCategory;

  @Length(2, 200)
  @Field(() => String)
  place!: string;

  @Length(10, 4000)
  @Field(() => String)
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
  @Field(() => Date, { nullable: true })
  occurredFrom?: Date;

  @IsOptional()
  @IsDate()
  @Field(() => Date, { nullable: true })
  occurredTo?: Date;

  @IsOptional()
  @Matches(OPAQUE_ID, { message: "subjectId is not an id" })
  @Field(() => ID, { nullable: true })
  subjectId?: string;
}
