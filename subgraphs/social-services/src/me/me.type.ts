import { Classified } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";

/**
 * The caller, as her verified token says: a front end learns its own staff id and role here
 * instead of knowing them. REFERENCE class: these are the caller's own claims, nothing about a
 * person; what she may see of anyone comes through `caseload`, field by field under the policy.
 */
@ObjectType({ description: "The caller as her token says, and the persons she works with." })
export class Me {
  @Classified("REFERENCE")
  @Field(() => ID, { description: "Her staff id (e.g. cp-2001)." })
  staffId!: string;

  @Classified("REFERENCE")
  @Field(() => String, { description: "Her agency (social-services, housing, police-liaison, child-services, audit, population-register, …)." })
  agency!: string;

  @Classified("REFERENCE")
  @Field(() => String, { description: "Her role (SOCIAL_SECRETARY, CONTACT_PERSON, HOUSING_OFFICER, …)." })
  role!: string;

  @Classified("REFERENCE")
  @Field(() => String, { description: "The purpose she stated for this session (CASE_WORK, COORDINATED_SUPPORT, EMERGENCY, AUDIT)." })
  purpose!: string;

  @Classified("REFERENCE")
  @Field(() => String, { nullable: true, description: "Her unit (agency/unit), when her token names one." })
  unit!: string | null;
}
