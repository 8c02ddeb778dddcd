import { badUserInput, existsFor } from "@skyddsnat/schema";
import { newId, requireOperation, requireRole } from "@skyddsnat/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { loadSubjectFacts } from "../facts/subject-facts.js";
import type { Consent as ConsentRow } from "../generated/prisma/client.js";
import { consentGiverRefusal } from "./consent-giver.js";
import { RecordConsentInput } from "./consent.input.js";
import { Consent } from "./consent.type.js";

/** A consent longer than this must be renewed: consent is a standing decision of the client's. */
const MAX_CONSENT_DAYS = 366;

@Resolver(() => Consent)
export class ConsentResolver {
  @FieldResolver(() => ID)
  subjectId(@Root() row: ConsentRow): string {
    return row.personId;
  }

  @Mutation(() => Consent, {
    description: "Record a consent to share some classes of data with a named unit: given by the person, or for a child under 15 by one of her custodians (never one who is a threat person).",
  })
  async recordConsent(@Arg("input", () => RecordConsentInput) input: RecordConsentInput, @Ctx() context: Context) {
    requireRole(context, "recordConsent");
    if (input.validTo <= input.validFrom) throw badUserInput("validTo must be after validFrom.", "validTo");
    if (input.validTo.getTime() - input.validFrom.getTime() > MAX_CONSENT_DAYS * 86_400_000) {
      throw badUserInput(`A consent may last at most ${MAX_CONSENT_DAYS} days.`, "validTo");
    }
    const { db } = context.loaders;
    return db.$transaction(async (tx) => {
      const [subject] = await loadSubjectFacts(tx, [input.subjectId]);
      if (!existsFor(context.actor, subject)) throw badUserInput("No person with that id.", "subjectId");
      requireOperation(context, "recordConsent", { subject });
      const refusal = consentGiverRefusal(subject, input, context.policy.now);
      if (refusal) throw refusal;
      return tx.consent.create({
        data: {
          id: newId("con"),
          personId: subject.id,
          recipientAgency: input.recipientAgency,
          recipientUnit: input.recipientUnit,
          givenBy: input.givenBy,
          form: input.form,
          purpose: input.purpose,
          scope: input.scope,
          validFrom: input.validFrom,
          validTo: input.validTo,
          recordedBy: context.actor.staffId,
        },
      });
    });
  }

  @Mutation(() => Consent, { description: "Record that the person revoked a consent; it stops applying at once." })
  async revokeConsent(@Arg("id", () => ID) id: string, @Ctx() context: Context) {
    requireRole(context, "revokeConsent");
    const { db } = context.loaders;
    return db.$transaction(async (tx) => {
      const found = await tx.consent.findUnique({ where: { id }, select: { revokedAt: true, personId: true } });
      if (!found) throw badUserInput("No consent with that id.", "id");
      const [subject] = await loadSubjectFacts(tx, [found.personId]);
      // A former identity's consent exists for no one but personal security: answered like no consent.
      if (subject && !existsFor(context.actor, subject)) throw badUserInput("No consent with that id.", "id");
      requireOperation(context, "revokeConsent", subject ? { subject } : {});
      if (found.revokedAt) throw badUserInput("The consent is already revoked.", "id");
      return tx.consent.update({ where: { id }, data: { revokedAt: new Date() } });
    });
  }
}
