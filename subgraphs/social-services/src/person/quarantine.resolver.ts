import { badUserInput, type SubjectFacts } from "@skyddsnat/schema";
import { Classified, OPAQUE_ID, requireOperation, requireRole } from "@skyddsnat/subgraph-kit";
import { Matches } from "class-validator";
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import type { Prisma } from "../generated/prisma/client.js";
import { loadSubjectFacts } from "../facts/subject-facts.js";

// Descriptions say "the identity it replaces", never "former": the SDL names no link between identities (supergraph.test.ts).
@InputType({ description: "The identity the police's personal-security unit quarantines: only the one an assumed identity replaces; the new one is never named." })
export class QuarantineIdentityInput {
  @Matches(OPAQUE_ID, { message: "subjectId is not an id" })
  @Field(() => ID)
  subjectId!: string;
}

/**
 * What the change answers: the id the caller gave and when the quarantine began. Nothing of the
 * person's data, and nothing of the new identity. `quarantinedAt` is PROTECTION (how she is to
 * be handled from now on): decided on her facts after the change, which only PERSONAL_SECURITY
 * reads.
 */
@ObjectType({ description: "An identity, quarantined: from now on it exists for the personal-security unit alone." })
export class IdentityQuarantine {
  @Classified("REFERENCE")
  @Field(() => ID)
  subjectId!: string;

  @Classified("PROTECTION")
  @Field(() => Date)
  quarantinedAt!: Date;
}

type Tx = Prisma.TransactionClient;

const alreadyQuarantined = () => badUserInput("That person is already quarantined.", "subjectId", "ALREADY_QUARANTINED");

/** Everyone she lives with now (a current member of a household she is a current member of). */
async function coResidentsOf(tx: Tx, personId: string): Promise<string[]> {
  const mine = await tx.householdMembership.findMany({ where: { personId, endedAt: null }, select: { householdId: true } });
  const others = await tx.householdMembership.findMany({
    where: { householdId: { in: mine.map((m) => m.householdId) }, endedAt: null, personId: { not: personId } },
    select: { personId: true },
  });
  return [...new Set(others.map((m) => m.personId))];
}

/**
 * A custodian who was a threat person to someone only through her (a threat relation protecting
 * her, who lived with them) stops being one when she moves out: his custody, consent and cases
 * would then count for them. Pure: the co-residents' facts before and after, as loaded.
 */
export function threatsLiftedBy(before: readonly SubjectFacts[], after: readonly SubjectFacts[]): boolean {
  const threatsAfter = new Map(after.map((facts) => [facts.id, new Set(facts.custodians.filter((c) => c.threat).map((c) => c.personId))]));
  return before.some((facts) => facts.custodians.some((c) => c.threat && !threatsAfter.get(facts.id)?.has(c.personId)));
}

@Resolver()
export class QuarantineResolver {
  @Mutation(() => IdentityQuarantine, {
    description:
      "The police's personal-security unit quarantines the identity an assumed identity replaces, when it decides the assumed one (lag (1991:483) om fingerade personuppgifter): she no longer lives anywhere under it, and it exists for no one else, at once in every agency.",
  })
  async quarantineIdentity(@Arg("input", () => QuarantineIdentityInput) input: QuarantineIdentityInput, @Ctx() context: Context): Promise<IdentityQuarantine> {
    // Any other role is refused before anything is read: it learns not even whether the id exists.
    requireRole(context, "quarantineIdentity");
    const { db } = context.loaders;
    return db.$transaction(async (tx) => {
      const [subject] = await loadSubjectFacts(tx, [input.subjectId]);
      if (!subject) throw badUserInput("No person with that id.", "subjectId", "UNKNOWN_PERSON");
      // The personal-security unit reads a quarantined person: telling it so reveals nothing new.
      if (subject.quarantined) throw alreadyQuarantined();
      requireOperation(context, "quarantineIdentity", { subject });
      const quarantinedAt = new Date();
      const coResidents = await coResidentsOf(tx, subject.id);
      const before = await loadSubjectFacts(tx, coResidents);
      // The former identity lives nowhere: whoever she lived with is no longer linked to her
      // through co-residence (nor, through her, to whoever she lives with as the new identity).
      await tx.householdMembership.updateMany({ where: { personId: subject.id, endedAt: null }, data: { endedAt: quarantinedAt } });
      // Conditional on the row as it stands, so of two concurrent calls exactly one quarantines.
      const { count } = await tx.person.updateMany({ where: { id: subject.id, quarantinedAt: null }, data: { quarantinedAt } });
      if (count !== 1) throw alreadyQuarantined();
      // A narrowing change must not widen anyone's access as a side effect: refused, and the
      // transaction undoes the memberships it ended.
      if (threatsLiftedBy(before, await loadSubjectFacts(tx, coResidents))) {
        throw badUserInput(
          "Someone she lives with is protected from a threat person only through her; register that protection for them first.",
          "subjectId",
          "HOUSEHOLD_PROTECTED_THROUGH_HER",
        );
      }
      return { subjectId: subject.id, quarantinedAt };
    });
  }
}
