import { Classified } from "@skyddsnat/subgraph-kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** Children are Persons owned by social services; child services adds their cases and schools. */
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
