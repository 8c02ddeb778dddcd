import { Classified } from "@skyddsnat/subgraph-kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Social services owns Person; police liaison only adds incidents, restraining orders and threat assessments. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Person {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;
}
