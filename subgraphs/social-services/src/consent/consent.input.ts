import { ArrayMinSize, ArrayUnique, IsDate, IsEnum, Length, Matches } from "class-validator";
import { OPAQUE_ID } from "@skyddsnat/subgraph-kit";
import { Field, ID, InputType } from "type-graphql";
import { ConsentForm, DbAgency, DbFieldClass, DbPurpose } from "../enums.js";

@InputType()
export class RecordConsentInput {
  @Matches(OPAQUE_ID, { message: "subjectId is not an id" })
  @Field(() => ID)
  subjectId!: string;

  @IsEnum(DbAgency)
  @Field(() => DbAgency)
  recipientAgency!: DbAgency;

  @Length(3, 120)
  @Field(() => String, { description: "The named unit of the recipient agency, e.g. housing/malmo (its first segment is the agency)." })
  recipientUnit!: string;

  @Matches(OPAQUE_ID, { message: "givenBy is not an id" })
  @Field(() => ID, { description: "Who gave the consent: the person herself, or for a child under 15 one of her custodians." })
  givenBy!: string;

  @IsEnum(ConsentForm)
  @Field(() => ConsentForm)
  form!: ConsentForm;

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
