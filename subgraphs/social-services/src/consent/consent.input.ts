import { ArrayMinSize, ArrayUnique, IsDate, IsEnum, Matches } from "class-validator";
import { OPAQUE_ID } from "@skyddsnat/subgraph-kit";
import { Field, ID, InputType } from "type-graphql";
import { DbAgency, DbFieldClass, DbPurpose } from "../enums.js";

@InputType()
export class RecordConsentInput {
  @Matches(OPAQUE_ID, { message: "subjectId is not an id" })
  @Field(() => ID)
  subjectId!: string;

  @IsEnum(DbAgency)
  @Field(() => DbAgency)
  recipientAgency!: DbAgency;

  @IsEnum(DbPurpose)
  @Field(() => DbPurpose)
  purpose!: DbPurpose;

  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(DbFieldClass, { each: true })
  @Field(() => [DbFieldClass])
  scope!: DbFieldClass[];

  @IsDate()
  @Field(() => Date)
  validFrom!: Date;

  @IsDate()
  @Field(() => Date)
  validTo!: Date;
}
