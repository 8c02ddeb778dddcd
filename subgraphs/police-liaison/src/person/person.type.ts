import { Classified } from "@skyddsnat/subgraph-kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Social services owns Person; police liaison adds incidents, orders and assessments. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Person {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;
}

export const personReference = {
  __resolveReference: (reference: { id: string }) => ({ id: reference.id }),
};
