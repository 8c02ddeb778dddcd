import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "One audit record: who, when, which person, which fields, what decision, on which ground." })
export class AuditRecord {
  @Classified("AUDIT")
  @Field(() => String, { description: "Position in the hash chain." })
  seq!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("AUDIT")
  @Field(() => Date)
  at!: Date;

  @Classified("AUDIT")
  @Field(() => String)
  kind!: string;

  @Classified("AUDIT")
  @Field(() => String)
  requestId!: string;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true })
  actorStaffId!: string | null;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true })
  actorAgency!: string | null;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true })
  actorRole!: string | null;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true })
  actorIssuer!: string | null;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true })
  clientId!: string | null;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true, description: "The legal ground stated (purpose of use)." })
  purpose!: string | null;

  @Classified("REFERENCE")
  @Field(() => ID, { nullable: true, description: "The person, by opaque id." })
  subjectId!: string | null;

  @Classified("AUDIT")
  @Field(() => [String], { description: "Response paths of the fields decided, e.g. person.streetAddress." })
  fieldPaths!: string[];

  @Classified("AUDIT")
  @Field(() => String)
  decision!: string;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true })
  rule!: string | null;

  @Classified("AUDIT")
  @Field(() => Boolean)
  emergency!: boolean;

  @Classified("AUDIT")
  @Field(() => String)
  operationHash!: string;

  @Classified("AUDIT")
  @Field(() => String)
  hash!: string;
}

@ObjectType()
export class AuditRecordConnection extends Connection(AuditRecord) {}

@ObjectType({ description: "The verifier's verdict on the whole chain and its signed checkpoints." })
export class ChainStatus {
  @Classified("AUDIT")
  @Field(() => Boolean)
  ok!: boolean;

  @Classified("AUDIT")
  @Field(() => Number)
  records!: number;

  @Classified("AUDIT")
  @Field(() => Number)
  checkpoints!: number;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true })
  problemSeq!: string | null;

  @Classified("AUDIT")
  @Field(() => String, { nullable: true })
  problem!: string | null;
}
