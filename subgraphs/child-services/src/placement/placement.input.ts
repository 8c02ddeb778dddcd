import { OPAQUE_ID } from "@skyddsnat/subgraph-kit";
import { IsDate, IsEnum, IsOptional, Length, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { PlacementKind } from "../enums.js";

@InputType()
export class PlaceChildInput {
  @Matches(OPAQUE_ID, { message: "childCaseId is not an id" })
  @Field(() => ID)
  childCaseId!: string;

  @IsEnum(PlacementKind)
  @Field(() => PlacementKind)
  kind!: PlacementKind;

  @Length(2, 120)
  @Field(() => String)
  schoolName!: string;

  @Length(2, 60)
  @Field(() => String)
  municipality!: string;

  @IsDate()
  @Field(() => Date)
  startsOn!: Date;
}

@InputType()
export class PlacementFilter {
  @IsOptional()
  @Length(2, 60)
  @Field(() => String, { nullable: true })
  municipality?: string;

  @IsOptional()
  @IsEnum(PlacementKind)
  @Field(() => PlacementKind, { nullable: true })
  kind?: PlacementKind;
}
