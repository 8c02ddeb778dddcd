import { IsEnum, IsOptional, Length } from "class-validator";
import { Field, InputType } from "type-graphql";
import { ProtectionLevel } from "../enums.js";

@InputType()
export class PersonFilter {
  @IsOptional()
  @IsEnum(ProtectionLevel)
  @Field(() => ProtectionLevel, { nullable: true })
  protectionLevel?: ProtectionLevel;

  @IsOptional()
  @Length(2, 60)
  @Field(() => String, { nullable: true, description: "Case-insensitive match on given or family name." })
  name?: string;

  @IsOptional()
  @Length(2, 60)
  @Field(() => String, { nullable: true, description: "Municipality of residence." })
  residenceMunicipality?: string;
}
