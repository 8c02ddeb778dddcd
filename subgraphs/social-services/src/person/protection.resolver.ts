import { badUserInput, existsFor } from "@skyddsnat/schema";
import { OPAQUE_ID, requireOperation, requireRole } from "@skyddsnat/subgraph-kit";
import { IsEnum, Matches } from "class-validator";
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import { ProtectionLevel } from "../enums.js";
import { loadSubjectFacts } from "../facts/subject-facts.js";
import { Person } from "./person.type.js";

@InputType({ description: "A protection level the Tax Agency notified (with the population data), or a raise by staff on the case." })
export class UpdateProtectionLevelInput {
  @Matches(OPAQUE_ID, { message: "subjectId is not an id" })
  @Field(() => ID)
  subjectId!: string;

  @IsEnum(ProtectionLevel)
  @Field(() => ProtectionLevel)
  protectionLevel!: ProtectionLevel;
}

@Resolver(() => Person)
export class ProtectionResolver {
  @Mutation(() => Person, {
    description: "Record a changed protection level (the population register; staff on the case may only raise it); takes effect for every agency at once.",
  })
  async updateProtectionLevel(@Arg("input", () => UpdateProtectionLevelInput) input: UpdateProtectionLevelInput, @Ctx() context: Context) {
    requireRole(context, "updateProtectionLevel");
    const { db } = context.loaders;
    return db.$transaction(async (tx) => {
      const [subject] = await loadSubjectFacts(tx, [input.subjectId]);
      if (!existsFor(context.actor, subject)) throw badUserInput("No person with that id.", "subjectId");
      // Decided on the level as it stands: staff on the case may only raise it, the register sets it.
      requireOperation(context, "updateProtectionLevel", { subject, newLevel: input.protectionLevel });
      return tx.person.update({ where: { id: subject.id }, data: { protectionLevel: input.protectionLevel } });
    });
  }
}
