import { OPAQUE_ID, STAFF_ID } from "@skyddsnat/subgraph-kit";
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsDate, IsEnum, Length, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { PlaceKind } from "../enums.js";

@InputType()
export class ScheduleAppointmentInput {
  @Matches(OPAQUE_ID, { message: "caseId is not an id" })
  @Field(() => ID)
  caseId!: string;

  @IsDate()
  @Field(() => Date)
  startsAt!: Date;

  @IsDate()
  @Field(() => Date)
  endsAt!: Date;

  @Length(2, 200)
  @Field(() => String, { description: "Where the meeting is held, 2–200 characters." })
  place!: string;

  @IsEnum(PlaceKind)
  @Field(() => PlaceKind)
  placeKind!: PlaceKind;

  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @Matches(STAFF_ID, { each: true, message: "participants must look like ss-1001" })
  @Field(() => [ID], { description: "Staff ids of those who take part; each must be assigned on the case." })
  participants!: string[];
}
