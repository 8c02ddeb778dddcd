import { HANDLING_INSTRUCTIONS, filteredFields } from "@skyddsnat/schema";
import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Classified, Connection, PageArgs, pageById } from "@skyddsnat/subgraph-kit";
import { Case } from "../case/case.type.js";
import { Consent } from "../consent/consent.type.js";
import type { Context } from "../context.js";
import type { Person as PersonRow, Prisma } from "../generated/prisma/client.js";
import { PersonFilter } from "./person.filter.js";
import { ProtectionLevel } from "../enums.js";
import { Person } from "./person.type.js";

@ObjectType()
export class PersonConnection extends Connection(Person) {}

export function personWhere(filter: PersonFilter | undefined): Prisma.PersonWhereInput {
  const where: Prisma.PersonWhereInput = {};
  if (filter?.protectionLevel) where.protectionLevel = filter.protectionLevel;
  if (filter?.residenceMunicipality) {
    where.residenceMunicipality = { equals: filter.residenceMunicipality, mode: "insensitive" };
  }
  if (filter?.name) {
    where.OR = [
      { givenName: { contains: filter.name, mode: "insensitive" } },
      { familyName: { contains: filter.name, mode: "insensitive" } },
    ];
  }
  return where;
}

/** A filter on a classified field may only find persons whose field the actor could see. */
async function admitByFilter(rows: PersonRow[], filter: PersonFilter | undefined, context: Context) {
  return context.policy.admitOn(rows, (row: PersonRow) => row.id, filteredFields("persons", filter));
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true })
  person(@Arg("id", () => ID) id: string, @Ctx() context: Context): Promise<PersonRow | null> {
    return context.loaders.personById.load(id);
  }

  @Query(() => PersonConnection)
  persons(
    @Arg("filter", () => PersonFilter, { nullable: true }) filter: PersonFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.person.findMany({
          where: { AND: [personWhere(filter), cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      (rows) => admitByFilter(rows, filter, context),
    );
  }

  @Classified("REFERENCE")
  @FieldResolver(() => [Person], { description: "The person's children in the household." })
  children(@Root() person: PersonRow, @Ctx() context: Context) {
    return context.loaders.childrenOf.load(person.id);
  }

  @Classified("STATUS")
  @FieldResolver(() => [Case], { nullable: true })
  cases(@Root() person: PersonRow, @Ctx() context: Context) {
    return context.loaders.casesOf.load(person.id);
  }

  @Classified("STATUS")
  @FieldResolver(() => [Consent], { nullable: true })
  consents(@Root() person: PersonRow, @Ctx() context: Context) {
    return context.loaders.consentsOf.load(person.id);
  }

  /**
   * The effective level: the strictest in her household, so a child whose location follows a
   * parent's protection is handled as protected — without saying which parent it comes from.
   */
  @FieldResolver(() => ProtectionLevel)
  async protectionLevel(@Root() person: PersonRow, @Ctx() context: Context): Promise<ProtectionLevel> {
    return (await context.policy.householdLevelOf(person.id)) ?? person.protectionLevel;
  }

  @Classified("PROTECTION")
  @FieldResolver(() => [String], { description: "How staff must handle this person's data and mail." })
  async handlingInstructions(@Root() person: PersonRow, @Ctx() context: Context): Promise<readonly string[]> {
    return HANDLING_INSTRUCTIONS[await this.protectionLevel(person, context)];
  }
}
