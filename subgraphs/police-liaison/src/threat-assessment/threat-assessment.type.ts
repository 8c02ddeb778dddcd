import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { ThreatLevel } from "../enums.js";
import type { ThreatAssessment as AssessmentRow } from "../generated/prisma/client.js";

@ObjectType({ description: "A police threat assessment about one person." })
export class ThreatAssessment implements Partial<AssessmentRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "The person the assessment is about." })
  subjectId!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { nullable: true, description: "Always null: police records have no per-record steward." })
  stewardId!: string | null;

  @Classified("SAFETY")
  @Field(() => ThreatLevel)
  level!: ThreatLevel;

  @Classified("SAFETY")
  @Field(() => Date)
  assessedAt!: Date;

  @Classified("SAFETY")
  @Field(() => String)
  summary!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "The officer who made the assessment." })
  assessorId!: string;

  @Classified("POLICY")
  @Field(() => String, { description: "For the gateway's guard: the unit that holds the record (need to know within the agency is that unit's)." })
  policyUnit!: string;
}

@ObjectType()
export class ThreatAssessmentConnection extends Connection(ThreatAssessment) {}
