import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { ThreatLevel } from "../enums.js";
import type { ThreatAssessment as AssessmentRow } from "../generated/prisma/client.js";

@ObjectType()
export class ThreatAssessment implements Partial<AssessmentRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  subjectId!: string;

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
  @Field(() => ID)
  assessorId!: string;
}

@ObjectType()
export class ThreatAssessmentConnection extends Connection(ThreatAssessment) {}
