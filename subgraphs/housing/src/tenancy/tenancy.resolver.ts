import { filteredFields } from "@skyddsnat/schema";
import { heldBy, PageArgs, pageById } from "@skyddsnat/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import type { Flat, Tenancy as TenancyRow } from "../generated/prisma/client.js";
import { TenancyFilter } from "./tenancy.input.js";
import { Tenancy, TenancyConnection } from "./tenancy.type.js";

/** The tenancy's flat, read only here and only after the policy admitted the field asked for. */
function flatOf(row: TenancyRow, context: Context): Promise<Flat | null> {
  return context.loaders.flatById.load(row.flatId);
}

@Resolver(() => Tenancy)
export class TenancyResolver {
  @Query(() => Tenancy, { nullable: true })
  async tenancy(@Arg("id", () => ID) id: string, @Ctx() context: Context) {
    const row = await context.loaders.db.tenancy.findUnique({ where: { id } });
    return context.policy.existingOne(row, heldBy((row) => row.personId), "Person.tenancies");
  }

  @Query(() => TenancyConnection)
  tenancies(
    @Arg("filter", () => TenancyFilter, { nullable: true }) filter: TenancyFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: Context,
  ) {
    return pageById(
      page,
      ({ take, cursorId }) =>
        context.loaders.db.tenancy.findMany({
          where: { AND: [filter?.status ? { status: filter.status } : {}, cursorId ? { id: { gt: cursorId } } : {}] },
          orderBy: { id: "asc" },
          take,
        }),
      // The status filter is STATUS-class: only tenancies whose status the actor may see.
      (rows) =>
        context.policy.existing(rows, heldBy((row) => row.personId), "Person.tenancies", (known) =>
          context.policy.admitOn(known, heldBy((row) => row.personId), filteredFields("tenancies", filter)),
        ),
    );
  }

  @FieldResolver(() => ID)
  subjectId(@Root() row: TenancyRow): string {
    return row.personId;
  }

  @FieldResolver(() => ID, { nullable: true })
  stewardId(@Root() row: TenancyRow): string | null {
    return row.status === "ACTIVE" ? row.administratorId : null;
  }

  @FieldResolver(() => String)
  policyUnit(@Root() row: TenancyRow): string {
    return row.unit;
  }

  @FieldResolver(() => Boolean)
  policyCurrent(@Root() row: TenancyRow): boolean {
    return row.status === "ACTIVE";
  }

  @FieldResolver(() => String, { nullable: true })
  async policyPlaceLevel(@Root() row: TenancyRow, @Ctx() context: Context): Promise<string | null> {
    return context.policy.placeLevel("flat", await context.loaders.tenantsOfFlat.load(row.flatId));
  }

  @FieldResolver(() => String, { nullable: true })
  async landlord(@Root() row: TenancyRow, @Ctx() context: Context): Promise<string | null> {
    return (await flatOf(row, context))?.landlord ?? null;
  }

  @FieldResolver(() => Int, { nullable: true })
  async rooms(@Root() row: TenancyRow, @Ctx() context: Context): Promise<number | null> {
    return (await flatOf(row, context))?.rooms ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async streetAddress(@Root() row: TenancyRow, @Ctx() context: Context): Promise<string | null> {
    return (await flatOf(row, context))?.streetAddress ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async postalCode(@Root() row: TenancyRow, @Ctx() context: Context): Promise<string | null> {
    return (await flatOf(row, context))?.postalCode ?? null;
  }

  @FieldResolver(() => String, { nullable: true })
  async city(@Root() row: TenancyRow, @Ctx() context: Context): Promise<string | null> {
    return (await flatOf(row, context))?.city ?? null;
  }
}
