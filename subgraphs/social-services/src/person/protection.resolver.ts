import { badUserInput } from "@skyddsnat/schema";
import { OPAQUE_ID, requireOperation } from "@skyddsnat/subgraph-kit";
import { IsEnum, Matches } from "class-validator";
import { Arg, Ctx, Field, ID, InputType, Mutation, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import { ProtectionLevel } from "../enums.js";
import { Person } from "./person.type.js";

@InputType({ description: "A protection level the Tax Agency notified (with the population data)." })
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
  @Mutation(() => Person, { description: "Record a changed protection level; takes effect for every agency at once." })
  async updateProtectionLevel(@Arg("input", () => UpdateProtectionLevelInput) input: UpdateProtectionLevelInput, @Ctx() context: Context) {
    requireOperation(context, "updateProtectionLevel");
    const { db } = context.loaders;
    return db.$transaction(async (tx) => {
      const person = await tx.person.findUnique({ where: { id: input.subjectId }, select: { id: true } });
      if (!person) throw badUserInput("No person with that id.", "subjectId");
      return tx.person.update({ where: { id: person.id }, data: { protectionLevel: input.protectionLevel } });
    });
  }
}
