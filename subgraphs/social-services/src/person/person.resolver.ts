import { badUserInput, filteredFields, forbiddenOperation, HANDLING_INSTRUCTIONS, displayedLevel, mayResolveIdentityNumbers } from "@skyddsnat/schema";
import { Arg, Args, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Classified, Connection, PageArgs, pageById } from "@skyddsnat/subgraph-kit";
import { Case } from "../case/case.type.js";
import { Consent } from "../consent/consent.type.js";
import type { Context } from "../context.js";
import type { Person as PersonRow, Prisma } from "../generated/prisma/client.js";
import { Custody, ThreatRelation } from "../household/household.type.js";
import { PersonFilter } from "./person.filter.js";
import { ProtectionLevel } from "../enums.js";
import { Person } from "./person.type.js";

@ObjectType()
export class PersonConnection extends Connection(Person) {}

/** Personnummer as the hub stores it: YYYYMMDD-NNNN. */
const IDENTITY_NUMBER = /^\d{8}-\d{4}$/;


export function personWhere(filter: PersonFilter | undefined): Prisma.PersonWhereInput {
  const where: Prisma.PersonWhereInput = {};
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

/**
 * No directory: a list or search answers only persons whose identity the actor may know (she
 * handles them: IDENTITY class), after the filter's own admission on the fields it matches on
 * (which records the protected persons it matched and excluded, for the audit trail). Anyone
 * else is simply not in the answer: no count, and a page is filled only with admitted rows.
 */
async function admitted(rows: PersonRow[], filter: PersonFilter | undefined, context: Context) {
  const byFilter = await context.policy.admitOn(rows, (row: PersonRow) => row.id, filteredFields("persons", filter));
  return context.policy.existing(byFilter, (row) => row.id, "Person.givenName");
}

/** A person link that drops whoever the actor may not know exists (a quarantined former identity). */
function known(context: Context, persons: PersonRow[]) {
  return context.policy.existing(persons, (person) => person.id, "Person.id");
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true })
  async person(@Arg("id", () => ID) id: string, @Ctx() context: Context): Promise<PersonRow | null> {
    return context.policy.existingOne(await context.loaders.personById.load(id), (row) => row.id, "Person.id");
  }

  @Query(() => PersonConnection, { description: "Persons the caller handles, optionally searched by name or municipality of residence." })
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
      (rows) => admitted(rows, filter, context),
    );
  }

  @Query(() => Person, {
    nullable: true,
    description:
      "For agency systems: the person with this identity number (personnummer, YYYYMMDD-NNNN), as a reference (its id); null when social services does not know it. Every other field follows the policy as anywhere.",
  })
  async personByIdentityNumber(@Arg("identityNumber", () => String) identityNumber: string, @Ctx() context: Context): Promise<PersonRow | null> {
    const { actor } = context;
    if (!mayResolveIdentityNumbers(actor)) throw forbiddenOperation("personByIdentityNumber", "REQUIRES_AGENCY_SYSTEM");
    if (!IDENTITY_NUMBER.test(identityNumber)) throw badUserInput("identityNumber must look like YYYYMMDD-NNNN.", "identityNumber");
    const row = await context.loaders.db.person.findUnique({ where: { identityNumber } });
    // A former identity does not exist for the caller: null, exactly as for an unknown number.
    return context.policy.existingOne(row, (found) => found.id, "Person.id");
  }

  /**
   * Whom she lives with now, in both directions. LOCATION class: co-residence tells where she is
   * as much as an address does (a protected child's school reveals her mother's home and the
   * mother's address the child's), so it follows the household's strictest level and the same
   * needs as an address.
   */
  @Classified("LOCATION")
  @FieldResolver(() => [Person], { nullable: true, description: "Whom the person lives with now (co-residents)." })
  async household(@Root() person: PersonRow, @Ctx() context: Context) {
    return known(context, await context.loaders.coResidentsOf.load(person.id));
  }

  /** The child's custodians: CHILD class, as the custody records themselves. */
  @Classified("CHILD")
  @FieldResolver(() => [Custody], { nullable: true, description: "The person's custodians (vårdnadshavare), with the kind of custody." })
  async custodians(@Root() person: PersonRow, @Ctx() context: Context) {
    return context.policy.existing(await context.loaders.custodiansOf.load(person.id), (row) => row.childId, "Custody.kind");
  }

  /**
   * The children in the person's custody. Each custody record is the child's (its subject), so it
   * exists for the actor only if she may see the child's CHILD data: a threat person's own
   * secretary learns nothing of the children through him.
   */
  @Classified("CHILD")
  @FieldResolver(() => [Custody], { nullable: true, description: "The children in the person's custody." })
  async custodyOf(@Root() person: PersonRow, @Ctx() context: Context) {
    return context.policy.existing(await context.loaders.custodyOf.load(person.id), (row) => row.childId, "Custody.kind");
  }

  @Classified("SAFETY")
  @FieldResolver(() => [ThreatRelation], { nullable: true, description: "Threat persons to her (e.g. the restrained person of a kontaktförbud)." })
  threatRelations(@Root() person: PersonRow, @Ctx() context: Context) {
    return context.loaders.threatRelationsOf.load(person.id);
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
   * parent's protection is handled as protected — without saying whose it is; an assumed identity
   * reads as protected registration (schema/src/policy/identities.ts).
   */
  @FieldResolver(() => ProtectionLevel)
  async protectionLevel(@Root() person: PersonRow, @Ctx() context: Context): Promise<ProtectionLevel> {
    const level = (await context.policy.householdLevelOf(person.id)) ?? person.protectionLevel;
    return displayedLevel(level, context.actor);
  }

  @Classified("PROTECTION")
  @FieldResolver(() => [String], { description: "How staff must handle this person's data and mail." })
  async handlingInstructions(@Root() person: PersonRow, @Ctx() context: Context): Promise<readonly string[]> {
    return HANDLING_INSTRUCTIONS[await this.protectionLevel(person, context)];
  }
}
