import { Classified } from "@skyddsnat/subgraph-kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { ProtectionLevel } from "../enums.js";
import type { Person as PersonRow } from "../generated/prisma/client.js";

@Directive('@key(fields: "id")')
@ObjectType({ description: "A person known to social services. `id` is opaque; it is never the identity number." })
export class Person implements Partial<PersonRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("IDENTITY")
  @Field(() => String, { description: "Personnummer (YYYYMMDD-NNNN)." })
  identityNumber!: string;

  @Classified("IDENTITY")
  @Field(() => String)
  givenName!: string;

  @Classified("IDENTITY")
  @Field(() => String)
  familyName!: string;

  @Classified("IDENTITY")
  @Field(() => Date)
  birthDate!: Date;

  @Classified("PROTECTION")
  @Field(() => ProtectionLevel)
  protectionLevel!: ProtectionLevel;

  @Classified("LOCATION")
  @Field(() => String, { nullable: true })
  streetAddress!: string | null;

  @Classified("LOCATION")
  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Classified("LOCATION")
  @Field(() => String, { nullable: true })
  city!: string | null;

  @Classified("LOCATION")
  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Classified("LOCATION")
  @Field(() => String, {
    description: "Where the person is registered (folkbokförd); for protected registration not where they live.",
  })
  registeredMunicipality!: string;

  @Classified("LOCATION")
  @Field(() => String, { nullable: true })
  residenceMunicipality!: string | null;
}
