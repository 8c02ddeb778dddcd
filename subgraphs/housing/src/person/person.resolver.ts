import { Classified } from "@skyddsnat/subgraph-kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HousingApplication } from "../application/application.type.js";
import type { Context } from "../context.js";
import { Tenancy } from "../tenancy/tenancy.type.js";
import { Person } from "./person.type.js";

@Resolver(() => Person)
export class PersonResolver {
  @Classified("REFERENCE")
  @FieldResolver(() => [HousingApplication])
  housingApplications(@Root() person: Person, @Ctx() context: Context) {
    return context.loaders.applicationsOf.load(person.id);
  }

  @Classified("REFERENCE")
  @FieldResolver(() => [Tenancy])
  tenancies(@Root() person: Person, @Ctx() context: Context) {
    return context.loaders.tenanciesOf.load(person.id);
  }
}
