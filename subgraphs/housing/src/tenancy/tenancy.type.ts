import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { TenancyStatus } from "../enums.js";
import type { Tenancy as TenancyRow } from "../generated/prisma/client.js";

/**
 * A tenancy of a transitional flat (genomgångslägenhet). The flat's address and details are
 * fields of the tenancy, and the flat has no id or type in the graph. Every field that tells
 * which flat it is (address, landlord, rooms) is LOCATION and follows the flat's own level: the
 * strictest of everyone who rents or rented it (schema's places.ts), so an earlier or later
 * tenant's record of the same flat can't be joined to hers.
 */
@ObjectType()
export class Tenancy implements Partial<TenancyRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  subjectId!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { nullable: true, description: "The administering officer while the tenancy is active." })
  stewardId!: string | null;

  @Classified("STATUS")
  @Field(() => TenancyStatus)
  status!: TenancyStatus;

  @Classified("HOUSING")
  @Field(() => Date)
  startsOn!: Date;

  @Classified("HOUSING")
  @Field(() => Date, { nullable: true })
  endsOn!: Date | null;

  @Classified("REFERENCE")
  @Field(() => ID)
  administratorId!: string;

  /** With rooms and dates, the landlord tells which flat it is: place-identifying. */
  @Classified("LOCATION")
  @Field(() => String, { nullable: true })
  landlord!: string | null;

  @Classified("LOCATION")
  @Field(() => Int, { nullable: true })
  rooms!: number | null;

  @Classified("LOCATION")
  @Field(() => String, { nullable: true })
  streetAddress!: string | null;

  @Classified("LOCATION")
  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Classified("LOCATION")
  @Field(() => String, { nullable: true })
  city!: string | null;

  @Classified("POLICY")
  @Field(() => Boolean, { description: "For the gateway's guard: the tenancy is in force (an emergency opens only the present)." })
  policyCurrent!: boolean;

  @Classified("POLICY")
  @Field(() => String, { nullable: true, description: "For the gateway's guard: the flat's level over every tenant it has had; null if unknown." })
  policyPlaceLevel!: string | null;

  @Classified("POLICY")
  @Field(() => String, { description: "For the gateway's guard: the unit that holds the record (need to know within the agency is that unit's)." })
  policyUnit!: string;
}

@ObjectType()
export class TenancyConnection extends Connection(Tenancy) {}
