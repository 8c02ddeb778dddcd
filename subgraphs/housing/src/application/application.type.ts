import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { ApplicationStatus, Urgency } from "../enums.js";
import type { HousingApplication as ApplicationRow } from "../generated/prisma/client.js";

@ObjectType({ description: "A registered housing need: urgency, household size and the area asked for." })
export class HousingApplication implements Partial<ApplicationRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  subjectId!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { nullable: true, description: "The handler while the application is being decided." })
  stewardId!: string | null;

  @Classified("HOUSING")
  @Field(() => Urgency)
  urgency!: Urgency;

  @Classified("LOCATION")
  @Field(() => String, { description: "Where the person asks to live: reveals where she is going." })
  requestedArea!: string;

  @Classified("HOUSING")
  @Field(() => Int)
  householdSize!: number;

  @Classified("STATUS")
  @Field(() => ApplicationStatus)
  status!: ApplicationStatus;

  @Classified("STATUS")
  @Field(() => Date)
  submittedAt!: Date;

  @Classified("STATUS")
  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Classified("REFERENCE")
  @Field(() => ID)
  handlerId!: string;

  @Classified("POLICY")
  @Field(() => Boolean, { description: "For the gateway's guard: the record describes the present (an emergency opens only the present)." })
  policyCurrent!: boolean;

  @Classified("POLICY")
  @Field(() => String, { description: "For the gateway's guard: the unit that holds the record (need to know within the agency is that unit's)." })
  policyUnit!: string;
}

@ObjectType()
export class HousingApplicationConnection extends Connection(HousingApplication) {}
