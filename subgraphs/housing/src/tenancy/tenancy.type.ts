import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { TenancyStatus } from "../enums.js";
import type { Tenancy as TenancyRow } from "../generated/prisma/client.js";

/**
 * A tenancy of a transitional flat. The flat's address is a field of the tenancy, never a flat
 * of its own: an address is always judged against the tenant of this tenancy, so a protected
 * person's previous address can't be looked up through the flat.
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

  @Classified("HOUSING")
  @Field(() => String)
  landlord!: string;

  @Classified("HOUSING")
  @Field(() => Int)
  rooms!: number;

  @Classified("LOCATION")
  @Field(() => String)
  streetAddress!: string;

  @Classified("LOCATION")
  @Field(() => String)
  postalCode!: string;

  @Classified("LOCATION")
  @Field(() => String)
  city!: string;
}

@ObjectType()
export class TenancyConnection extends Connection(Tenancy) {}
