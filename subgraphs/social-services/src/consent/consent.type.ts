import { Classified } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { ConsentForm, DbAgency, DbFieldClass, DbPurpose } from "../enums.js";
import type { Consent as ConsentRow } from "../generated/prisma/client.js";

@ObjectType({ description: "The person's consent (samtycke) that one unit of an agency may see some classes of data, for one purpose." })
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
  @Field(() => String, { description: "The unit of the recipient agency the consent names (e.g. housing/malmo): it opens data to that unit only." })
  recipientUnit!: string;

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

  @Classified("REFERENCE")
  @Field(() => ID, { description: "Who gave it: the person herself, or for a child one of her custodians." })
  givenBy!: string;

  @Classified("STATUS")
  @Field(() => ConsentForm, { description: "How it was given (WRITTEN, ORAL, DIGITAL)." })
  form!: ConsentForm;
}
