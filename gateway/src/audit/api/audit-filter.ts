import { IsBoolean, IsDate, IsIn, IsOptional, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import type { Prisma } from "../../generated/prisma/client.js";

@InputType({ description: "Search the audit trail; every criterion narrows." })
export class AuditFilter {
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{3,64}$/)
  @Field(() => ID, { nullable: true })
  subjectId?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  @Field(() => ID, { nullable: true })
  actorStaffId?: string;

  @IsOptional()
  @Matches(/^[a-z-]{3,32}$/)
  @Field(() => String, { nullable: true })
  agency?: string;

  @IsOptional()
  @IsDate()
  @Field(() => Date, { nullable: true })
  from?: Date;

  @IsOptional()
  @IsDate()
  @Field(() => Date, { nullable: true })
  to?: Date;

  @IsOptional()
  @IsIn(["ALLOW", "REDACT", "DENY", "RECORDED", "FAILED"])
  @Field(() => String, { nullable: true })
  decision?: string;

  @IsOptional()
  @Matches(/^[A-Z_]{3,32}$/)
  @Field(() => String, { nullable: true, description: "Legal ground / purpose of use." })
  purpose?: string;

  @IsOptional()
  @IsBoolean()
  @Field(() => Boolean, { nullable: true })
  emergency?: boolean;

  @IsOptional()
  @Matches(/^[A-Z_]{3,32}$/)
  @Field(() => String, {
    nullable: true,
    description:
      "A record's kind, e.g. CHANGE_INTENDED (a change about to be made; its outcome — CHANGE, REQUEST_DENIED or CHANGE_FAILED — has the intent's id with outcome- for intent-).",
  })
  kind?: string;

  @IsOptional()
  @Matches(/^[A-Z_]{3,40}$/)
  @Field(() => String, { nullable: true, description: "A record's reason code, e.g. ACCESS_WIDENED for changes that widen someone's access." })
  reason?: string;
}

export function auditWhere(filter: AuditFilter | undefined): Prisma.AuditRecordWhereInput {
  return {
    ...(filter?.subjectId ? { subjectId: filter.subjectId } : {}),
    ...(filter?.actorStaffId ? { actorStaffId: filter.actorStaffId } : {}),
    ...(filter?.agency ? { actorAgency: filter.agency } : {}),
    ...(filter?.decision ? { decision: filter.decision } : {}),
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(filter?.purpose ? { purpose: filter.purpose } : {}),
    ...(filter?.reason ? { reason: filter.reason } : {}),
    ...(filter?.emergency !== undefined && filter?.emergency !== null ? { emergency: filter.emergency } : {}),
    ...(filter?.from || filter?.to
      ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } }
      : {}),
  };
}
