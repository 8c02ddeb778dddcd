import { Classified } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import type { BarnahusConsultation as ConsultationRow } from "../generated/prisma/client.js";

/** A Barnahus consultation: when and where are appointment data, so location. */
@ObjectType()
export class BarnahusConsultation implements Partial<ConsultationRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "The child." })
  subjectId!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { nullable: true })
  stewardId!: string | null;

  @Classified("LOCATION")
  @Field(() => Date)
  heldAt!: Date;

  @Classified("LOCATION")
  @Field(() => String)
  location!: string;

  @Classified("CHILD")
  @Field(() => String)
  summary!: string;

  @Classified("POLICY")
  @Field(() => Boolean, { description: "For the gateway's guard: the consultation's case is open (an emergency opens only the present)." })
  policyCurrent!: boolean;

  @Classified("POLICY")
  @Field(() => String, { nullable: true, description: "For the gateway's guard: the unit that holds the record (its case's); null if unknown." })
  policyUnit!: string | null;
}
