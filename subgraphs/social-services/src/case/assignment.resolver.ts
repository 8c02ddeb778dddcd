import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { Assignment as AssignmentRow } from "../generated/prisma/client.js";
import { Assignment } from "./case.type.js";

@Resolver(() => Assignment)
export class AssignmentResolver {
  /** An assignment is about the case's person: who works on her case is hers to protect too. */
  @FieldResolver(() => ID)
  async subjectId(@Root() row: AssignmentRow & { case?: { personId: string } }, @Ctx() context: Context): Promise<string | null> {
    return row.case?.personId ?? (await context.loaders.caseById.load(row.caseId))?.personId ?? null;
  }
}
