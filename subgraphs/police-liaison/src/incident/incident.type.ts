import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { IncidentCategory } from "../enums.js";
import type { Incident as IncidentRow } from "../generated/prisma/client.js";

@ObjectType()
export class Incident implements Partial<IncidentRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  subjectId!: string;

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
  @Field(() => ID)
  reportedBy!: string;
}

@ObjectType()
export class IncidentConnection extends Connection(Incident) {}
