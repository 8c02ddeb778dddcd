import { Classified } from "@skyddsnat/subgraph-kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { HousingApplication } from "../application/application.type.js";
import type { Context } from "../context.js";
import { Tenancy } from "../tenancy/tenancy.type.js";
import { Person } from "./person.type.js";

@Resolver(() => Person)
export class PersonResolver {
  @Classified("HOUSING")
  @FieldResolver(() => [HousingApplication], { nullable: true })
  housingApplications(@Root() person: Person, @Ctx() context: Context) {
    return context.loaders.applicationsOf.load(person.id);
  }

  @Classified("HOUSING")
  @FieldResolver(() => [Tenancy], { nullable: true })
  tenancies(@Root() person: Person, @Ctx() context: Context) {
    return context.loaders.tenanciesOf.load(person.id);
  }
}
