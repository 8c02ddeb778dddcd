import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { PlacementKind } from "../enums.js";
import type { SchoolPlacement as PlacementRow } from "../generated/prisma/client.js";

/** Where a child goes to school or preschool: location data that follows the parent's protection. */
@ObjectType()
export class SchoolPlacement implements Partial<PlacementRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "The child." })
  subjectId!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { nullable: true, description: "The case officer while the case is open and the placement current." })
  stewardId!: string | null;

  @Classified("CHILD")
  @Field(() => PlacementKind)
  kind!: PlacementKind;

  @Classified("LOCATION")
  @Field(() => String)
  schoolName!: string;

  @Classified("LOCATION")
  @Field(() => String)
  municipality!: string;

  @Classified("CHILD")
  @Field(() => Date)
  startsOn!: Date;

  @Classified("CHILD")
  @Field(() => Date, { nullable: true })
  endsOn!: Date | null;

  @Classified("POLICY")
  @Field(() => Boolean, { description: "For the gateway's guard: the record describes the present (an emergency opens only the present)." })
  policyCurrent!: boolean;

  @Classified("POLICY")
  @Field(() => String, { description: "For the gateway's guard: the unit that holds the record (need to know within the agency is that unit's)." })
  policyUnit!: string;
}

@ObjectType()
export class SchoolPlacementConnection extends Connection(SchoolPlacement) {}
