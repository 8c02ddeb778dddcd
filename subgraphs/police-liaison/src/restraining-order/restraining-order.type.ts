import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { RestrainingOrderKind } from "../enums.js";
import type { RestrainingOrder as OrderRow } from "../generated/prisma/client.js";

/** Kontaktförbud: the restrained person may not contact or approach the protected person. */
@ObjectType({ description: "A restraining order (kontaktförbud) protecting one person." })
export class RestrainingOrder implements Partial<OrderRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "The protected person: the order is her record." })
  subjectId!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { nullable: true, description: "Always null: police records have no per-record steward." })
  stewardId!: string | null;

  @Classified("SAFETY")
  @Field(() => RestrainingOrderKind)
  kind!: RestrainingOrderKind;

  @Classified("SAFETY")
  @Field(() => Date)
  validFrom!: Date;

  @Classified("SAFETY")
  @Field(() => Date)
  validTo!: Date;

  @Classified("POLICY")
  @Field(() => String, { description: "For the gateway's guard: the unit that holds the record (need to know within the agency is that unit's)." })
  policyUnit!: string;
}

@ObjectType()
export class RestrainingOrderConnection extends Connection(RestrainingOrder) {}
