import { Classified } from "@skyddsnat/subgraph-kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ChildCase } from "../child-case/child-case.type.js";
import type { Context } from "../context.js";
import { SchoolPlacement } from "../placement/placement.type.js";
import { Person } from "./person.type.js";

@Resolver(() => Person)
export class PersonResolver {
  @Classified("CHILD")
  @FieldResolver(() => [ChildCase], { nullable: true, description: "Child cases where this person is the child." })
  childCases(@Root() person: Person, @Ctx() context: Context) {
    return context.loaders.casesOfChild.load(person.id);
  }

  @Classified("CHILD")
  @FieldResolver(() => [SchoolPlacement], { nullable: true })
  schoolPlacements(@Root() person: Person, @Ctx() context: Context) {
    return context.loaders.placementsOfChild.load(person.id);
  }
}
