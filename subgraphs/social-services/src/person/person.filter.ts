import { IsOptional, Length } from "class-validator";
import { Field, InputType } from "type-graphql";

/**
 * What `persons` may be searched by. No protection level: a list of the protected is a directory
 * no one may have (OSL 26 kap. 1 §: being a client is itself secret). Every search answers only
 * persons the actor handles.
 */
@InputType()
export class PersonFilter {
  @IsOptional()
  @Length(2, 60)
  @Field(() => String, { nullable: true, description: "Case-insensitive match on given or family name." })
  name?: string;

  @IsOptional()
  @Length(2, 60)
  @Field(() => String, { nullable: true, description: "Municipality of residence." })
  residenceMunicipality?: string;
}
