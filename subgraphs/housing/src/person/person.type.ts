import { Classified } from "@skyddsnat/subgraph-kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Social services owns Person; housing only adds the person's applications and tenancies. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Person {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;
}
