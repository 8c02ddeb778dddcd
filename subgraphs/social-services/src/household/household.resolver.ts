import { Ctx, FieldResolver, ID, Resolver, Root } from "type-graphql";
import { Classified } from "@skyddsnat/subgraph-kit";
import type { Context } from "../context.js";
import type { Custody as CustodyRow, ThreatRelation as ThreatRelationRow } from "../generated/prisma/client.js";
import { Person } from "../person/person.type.js";
import { Custody, ThreatRelation } from "./household.type.js";

/** A relation that has not ended (ended in the future: still holds). */
const holdsNow = (endedAt: Date | null, now: Date) => endedAt === null || endedAt > now;

@Resolver(() => Custody)
export class CustodyResolver {
  @FieldResolver(() => ID)
  subjectId(@Root() row: CustodyRow): string {
    return row.childId;
  }

  @FieldResolver(() => Boolean)
  policyCurrent(): boolean {
    return true;
  }

  @Classified("REFERENCE")
  @FieldResolver(() => Person, { nullable: true })
  async child(@Root() row: CustodyRow, @Ctx() context: Context) {
    return context.policy.existingOne(await context.loaders.personById.load(row.childId), (person) => person.id, "Person.id");
  }

  @Classified("REFERENCE")
  @FieldResolver(() => Person, { nullable: true })
  async custodian(@Root() row: CustodyRow, @Ctx() context: Context) {
    return context.policy.existingOne(await context.loaders.personById.load(row.custodianId), (person) => person.id, "Person.id");
  }
}

@Resolver(() => ThreatRelation)
export class ThreatRelationResolver {
  @FieldResolver(() => ID)
  subjectId(@Root() row: ThreatRelationRow): string {
    return row.protectedId;
  }

  @FieldResolver(() => Boolean)
  policyCurrent(@Root() row: ThreatRelationRow, @Ctx() context: Context): boolean {
    return holdsNow(row.endedAt, context.policy.now);
  }

  @Classified("REFERENCE")
  @FieldResolver(() => Person, { nullable: true, description: "The threat person." })
  async threat(@Root() row: ThreatRelationRow, @Ctx() context: Context) {
    return context.policy.existingOne(await context.loaders.personById.load(row.threatId), (person) => person.id, "Person.id");
  }
}
