import { PageArgs, pageById } from "@skyddsnat/subgraph-kit";
import { IsEnum, IsOptional } from "class-validator";
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { TenancyStatus } from "../enums.js";
import type { Tenancy as TenancyRow } from "../generated/prisma/client.js";
import { Tenancy, TenancyConnection } from "./tenancy.type.js";

@InputType()
export class TenancyFilter {
  @IsOptional()
  @IsEnum(TenancyStatus)
  @Field(() => TenancyStatus, { nullable: true })
  status?: TenancyStatus;
}

@Resolver(() => Tenancy)
export class TenancyResolver {
  @Query(() => Tenancy, { nullable: true })
  tenancy(@Arg("id", () => ID) id: string, @Ctx() context: Context) {
    return context.loaders.db.tenancy.findUnique({ where: { id } });
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
      filter?.status ? (rows) => context.policy.admit(rows, (row) => row.personId, "STATUS") : undefined,
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
  async landlord(@Root() row: TenancyRow, @Ctx() context: Context) {
    return (await context.loaders.flatById.load(row.flatId))?.landlord ?? null;
  }

  @FieldResolver(() => Int)
  async rooms(@Root() row: TenancyRow, @Ctx() context: Context) {
    return (await context.loaders.flatById.load(row.flatId))?.rooms ?? null;
  }

  @FieldResolver(() => String)
  async streetAddress(@Root() row: TenancyRow, @Ctx() context: Context) {
    return (await context.loaders.flatById.load(row.flatId))?.streetAddress ?? null;
  }

  @FieldResolver(() => String)
  async postalCode(@Root() row: TenancyRow, @Ctx() context: Context) {
    return (await context.loaders.flatById.load(row.flatId))?.postalCode ?? null;
  }

  @FieldResolver(() => String)
  async city(@Root() row: TenancyRow, @Ctx() context: Context) {
    return (await context.loaders.flatById.load(row.flatId))?.city ?? null;
  }
}
