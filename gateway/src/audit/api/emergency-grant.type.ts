import { Classified } from "@skyddsnat/subgraph-kit";
import { IsIn, Length, Matches, MaxLength } from "class-validator";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Break-the-glass: emergency access to one person, time-limited, reviewed by someone else." })
export class EmergencyGrant {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  subjectId!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  staffId!: string;

  @Classified("REFERENCE")
  @Field(() => Date)
  grantedAt!: Date;

  @Classified("REFERENCE")
  @Field(() => Date, { description: "After this the grant widens nothing." })
  expiresAt!: Date;

  @Classified("AUDIT")
  @Field(() => String)
  reason!: string;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true })
  reviewedBy!: string | null;

  @Classified("AUDIT")
  @Field(() => Date, { nullable: true })
  reviewedAt!: Date | null;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true })
  outcome!: string | null;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true })
  reviewNote!: string | null;
}

@ObjectType()
export class EmergencyReviewQueue {
  @Classified("AUDIT")
  @Field(() => Int, { description: "Emergency accesses not yet reviewed." })
  unreviewed!: number;

  @Classified("REFERENCE")
  @Field(() => [EmergencyGrant])
  grants!: EmergencyGrant[];
}

@InputType()
export class RequestEmergencyAccessInput {
  @Matches(/^[A-Za-z0-9_-]{3,64}$/, { message: "subjectId is not an id" })
  @Field(() => ID)
  subjectId!: string;

  // The content rule (grants.ts) is checked by the resolver, with its own code; this only caps the raw input.
  @MaxLength(2000, { message: "state the emergency in at most 500 characters" })
  @Field(() => String, { description: "Why: the threat to life or health. Reviewed afterwards." })
  reason!: string;
}

@InputType()
export class ReviewEmergencyAccessInput {
  @Matches(/^[A-Za-z0-9_-]{3,64}$/, { message: "grantId is not an id" })
  @Field(() => ID)
  grantId!: string;

  @IsIn(["JUSTIFIED", "UNJUSTIFIED"])
  @Field(() => String, { description: "JUSTIFIED or UNJUSTIFIED." })
  outcome!: string;

  @Length(5, 1000)
  @Field(() => String)
  note!: string;
}
