import { Classified, Connection } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { ChildCaseStatus, ChildConcern } from "../enums.js";
import type { ChildCase as ChildCaseRow } from "../generated/prisma/client.js";

@ObjectType({ description: "A child services case about one child." })
export class ChildCase implements Partial<ChildCaseRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "The child." })
  subjectId!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { nullable: true, description: "The officer while the case is open." })
  stewardId!: string | null;

  @Classified("STATUS")
  @Field(() => ChildCaseStatus)
  status!: ChildCaseStatus;

  @Classified("CHILD")
  @Field(() => ChildConcern)
  concern!: ChildConcern;

  @Classified("STATUS")
  @Field(() => Date)
  openedAt!: Date;

  @Classified("STATUS")
  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Classified("REFERENCE")
  @Field(() => ID)
  officerId!: string;

  @Classified("CHILD")
  @Field(() => String)
  notes!: string;

  @Classified("POLICY")
  @Field(() => String, { description: "For the gateway's guard: the unit that holds the record (need to know within the agency is that unit's)." })
  policyUnit!: string;
}

@ObjectType()
export class ChildCaseConnection extends Connection(ChildCase) {}
