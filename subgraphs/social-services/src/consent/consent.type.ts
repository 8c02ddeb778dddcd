import { Classified } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { DbAgency, DbFieldClass, DbPurpose } from "../enums.js";
import type { Consent as ConsentRow } from "../generated/prisma/client.js";

@ObjectType({ description: "The person's consent (samtycke) that one agency may see some classes of data." })
export class Consent implements Partial<ConsentRow> {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  subjectId!: string;

  @Classified("STATUS")
  @Field(() => DbAgency)
  recipientAgency!: DbAgency;

  @Classified("STATUS")
  @Field(() => DbPurpose)
  purpose!: DbPurpose;

  @Classified("STATUS")
  @Field(() => [DbFieldClass])
  scope!: DbFieldClass[];

  @Classified("STATUS")
  @Field(() => Date)
  validFrom!: Date;

  @Classified("STATUS")
  @Field(() => Date)
  validTo!: Date;

  @Classified("STATUS")
  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Classified("REFERENCE")
  @Field(() => ID)
  recordedBy!: string;
}
