import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { AssignmentRole, CaseStatus, CaseType } from "../enums.js";
import type { Assignment as AssignmentRow, Case as CaseRow } from "../generated/prisma/client.js";

@ObjectType({ description: "A social services case (ärende) about one person." })
export class Case implements Partial<CaseRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "The person the case is about." })
  subjectId!: string;

  @Classified("CASE_DETAIL")
  @Field(() => CaseType)
  type!: CaseType;

  @Classified("STATUS")
  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Classified("STATUS")
  @Field(() => Date)
  openedAt!: Date;

  @Classified("STATUS")
  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Classified("CASE_DETAIL")
  @Field(() => String)
  assessment!: string;

  // CASE_DETAIL, like the type: the unit can name the kind of case (an exit programme's unit).
  @Classified("CASE_DETAIL")
  @Field(() => String, { description: "The unit that holds the case (e.g. social-services/malmo-vald)." })
  unit!: string;

  @Classified("LOCATION")
  @Field(() => String, { nullable: true, description: "The shelter (skyddat boende) the person was placed in." })
  shelterPlacement!: string | null;

  @Classified("POLICY")
  @Field(() => Boolean, { description: "For the gateway's guard: the record describes the present (an emergency opens only the present)." })
  policyCurrent!: boolean;

  @Classified("POLICY")
  @Field(() => String, { nullable: true, description: "For the gateway's guard: the level of the place the record names; null if unknown." })
  policyPlaceLevel!: string | null;

  @Classified("POLICY")
  @Field(() => String, { description: "For the gateway's guard: the unit that holds the case (need to know within the agency is that unit's)." })
  policyUnit!: string;
}

@ObjectType({ description: "A staff member's role on a case." })
export class Assignment implements Partial<AssignmentRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  caseId!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { nullable: true, description: "The person the case is about." })
  subjectId!: string | null;

  @Classified("REFERENCE")
  @Field(() => ID)
  staffId!: string;

  @Classified("STATUS")
  @Field(() => AssignmentRole)
  role!: AssignmentRole;

  @Classified("STATUS")
  @Field(() => Date)
  assignedAt!: Date;

  @Classified("STATUS")
  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;
}

@ObjectType()
export class CaseConnection extends Connection(Case) {}
