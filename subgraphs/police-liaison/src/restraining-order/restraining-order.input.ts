import { OPAQUE_ID } from "@skyddsnat/subgraph-kit";
import { IsDate, IsOptional, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";

@InputType()
export class RestrainingOrderFilter {
  @IsOptional()
  @IsDate()
  @Field(() => Date, { nullable: true, description: "Only orders in force at this time." })
  activeOn?: Date;

  @IsOptional()
  @Matches(OPAQUE_ID, { message: "subjectId is not an id" })
  @Field(() => ID, { nullable: true, description: "Only orders protecting this person." })
  subjectId?: string;
}
