import { Classified } from "@skyddsnat/subgraph-kit";
import { IsIn, Length, Matches, MaxLength } from "class-validator";
import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { EmergencyGround, EmergencyStatus } from "./emergency-ground.js";

/**
 * What the request, its decision and its review say. Ids, times, the state and the ground are
 * references: they tell who asked and how it stands, never anything about the person, so the
 * requester sees how her own request stands. The free texts (the stated emergency, the notes) are
 * AUDIT: for the on-call duty that decides and for the auditors.
 */
@ObjectType({
  description: "An emergency disclosure (break-the-glass): a request, the holding agency's decision on it for a ground and a time, and the review afterwards by someone other than both.",
})
export class EmergencyGrant {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  subjectId!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "Who asked." })
  staffId!: string;

  @Classified("REFERENCE")
  @Field(() => String, { description: "The requester's role." })
  role!: string;

  @Classified("REFERENCE")
  @Field(() => Date)
  requestedAt!: Date;

  @Classified("REFERENCE")
  @Field(() => EmergencyStatus)
  status!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { nullable: true, description: "Who granted or refused it: social services' on-call, never the requester." })
  decidedBy!: string | null;

  @Classified("REFERENCE")
  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Classified("REFERENCE")
  @Field(() => EmergencyGround, { nullable: true, description: "The ground it was granted on." })
  ground!: string | null;

  @Classified("REFERENCE")
  @Field(() => Date, { nullable: true, description: "After this the grant widens nothing." })
  expiresAt!: Date | null;

  @Classified("AUDIT")
  @Field(() => String, { description: "The stated emergency." })
  reason!: string;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true, description: "The decider's note (why granted, or why refused)." })
  decisionNote!: string | null;

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
  @Field(() => Int, { description: "Granted emergency disclosures not yet reviewed." })
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
  @Field(() => String, { description: "Why: the threat to life or health. Read by social services' on-call, reviewed afterwards." })
  reason!: string;
}

@InputType()
export class GrantEmergencyDisclosureInput {
  @Matches(/^[A-Za-z0-9_-]{3,64}$/, { message: "requestId is not an id" })
  @Field(() => ID)
  requestId!: string;

  @Field(() => EmergencyGround)
  ground!: EmergencyGround;

  // Bounds are the resolver's (EMERGENCY_MINUTES_MAX), with their own code.
  @Field(() => Int, { nullable: true, description: "How long the disclosure lasts, 1–60 minutes; default 30." })
  minutes?: number | null;

  @MaxLength(2000, { message: "a note is at most 1000 characters" })
  @Field(() => String, { nullable: true, description: "The assessment, in short. Reviewed afterwards." })
  note?: string | null;
}

@InputType()
export class RefuseEmergencyDisclosureInput {
  @Matches(/^[A-Za-z0-9_-]{3,64}$/, { message: "requestId is not an id" })
  @Field(() => ID)
  requestId!: string;

  @MaxLength(2000, { message: "a note is at most 1000 characters" })
  @Field(() => String, { description: "Why no ground to disclose was found. Reviewed afterwards." })
  note!: string;
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
