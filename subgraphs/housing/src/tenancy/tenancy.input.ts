import { IsEnum, IsOptional } from "class-validator";
import { Field, InputType } from "type-graphql";
import { TenancyStatus } from "../enums.js";

/** Status only: there is deliberately no filter on the address (it would be a location oracle). */
@InputType()
export class TenancyFilter {
  @IsOptional()
  @IsEnum(TenancyStatus)
  @Field(() => TenancyStatus, { nullable: true })
  status?: TenancyStatus;
}
