import type { Actor } from "@skyddsnat/schema";
import { Classified, PageArgs, pageById } from "@skyddsnat/subgraph-kit";
import { Args, Ctx, FieldResolver, Query, Resolver } from "type-graphql";
import type { Context } from "../context.js";
import { AssignmentRole } from "../enums.js";
import type { Prisma } from "../generated/prisma/client.js";
import { PersonConnection } from "../person/person.resolver.js";
import { Me } from "./me.type.js";

const ASSIGNABLE: ReadonlySet<string> = new Set(Object.values(AssignmentRole));

/**
 * Whose caseload it is: persons with an OPEN case on which she holds an active assignment in
 * the role her token states — the assignments the policy's "assigned" counts. A role that is
 * never assigned (auditor, population register, team lead…) has none: undefined.
 */
export function caseloadWhere(actor: Pick<Actor, "staffId" | "role">): Prisma.PersonWhereInput | undefined {
  if (!ASSIGNABLE.has(actor.role)) return undefined;
  const role = actor.role as AssignmentRole;
  return { cases: { some: { status: "OPEN", assignments: { some: { staffId: actor.staffId, role, endedAt: null } } } } };
}

@Resolver(() => Me)
export class MeResolver {
  @Query(() => Me, { description: "The caller, from her token: so a front end need not know its own staff id." })
  me(@Ctx() { actor }: Context): Me {
    return { staffId: actor.staffId, agency: actor.agency, role: actor.role, purpose: actor.purpose, unit: actor.unit ?? null };
  }

  /**
   * Keyset-paged like `persons`, and admitted the same way: only persons whose identity the
   * policy lets her know (a quarantined former identity never appears, whatever assignment is
   * left on its old case); a page is refilled, so its size says nothing of who was left out.
   */
  @Classified("REFERENCE")
  @FieldResolver(() => PersonConnection, { description: "Persons on whose open cases she holds an active assignment, by id; what she sees of each follows the policy." })
  caseload(@Args(() => PageArgs) page: PageArgs, @Ctx() context: Context) {
    const where = caseloadWhere(context.actor);
    if (!where) return { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.person.findMany({ where: { AND: [where, cursorId ? { id: { gt: cursorId } } : {}] }, orderBy: { id: "asc" }, take }),
      (rows) => context.policy.existing(rows, (row) => row.id, "Person.givenName"),
    );
  }
}
