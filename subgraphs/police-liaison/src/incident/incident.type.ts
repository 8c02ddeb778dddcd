import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { IncidentCategory } from "../enums.js";
import type { Incident as IncidentRow } from "../generated/prisma/client.js";

@ObjectType({ description: "An incident reported to the police liaison about one person." })
export class Incident implements Partial<IncidentRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "The person the incident is about." })
  subjectId!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { nullable: true, description: "Always null: police records have no per-record steward." })
  stewardId!: string | null;

  @Classified("SAFETY")
  @Field(() => Date)
  occurredAt!: Date;

  @Classified("SAFETY")
  @Field(() => IncidentCategory)
  category!: IncidentCategory;

  @Classified("LOCATION")
  @Field(() => String, { description: "Where it happened: often near where she lives." })
  place!: string;

  @Classified("SAFETY")
  @Field(() => String)
  description!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "The staff member who recorded it." })
  reportedBy!: string;

  @Classified("POLICY")
  @Field(() => String, { description: "For the gateway's guard: the unit that holds the record (need to know within the agency is that unit's)." })
  policyUnit!: string;
}

@ObjectType()
export class IncidentConnection extends Connection(Incident) {}
