import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { TenancyStatus } from "../enums.js";
import type { Tenancy as TenancyRow } from "../generated/prisma/client.js";

/**
 * A tenancy of a transitional flat (genomgångslägenhet). The flat's address and details are
 * fields of the tenancy, and the flat has no id or type in the graph: an address is always
 * judged against the tenant of this tenancy, so a protected person's previous address can't be
 * looked up through the flat.
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
  @Field(() => String, { nullable: true })
  landlord!: string | null;

  @Classified("HOUSING")
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
}

@ObjectType()
export class TenancyConnection extends Connection(Tenancy) {}
