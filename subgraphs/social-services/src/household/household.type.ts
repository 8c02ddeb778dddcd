import { Classified } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { CustodyKind, ThreatSource } from "../enums.js";

/**
 * Custody (vårdnad, föräldrabalken 6 kap.) of a child by one custodian. Its subject is the child.
 * CHILD class: who decides for the child (and must consent on her behalf) is the child's
 * family-law situation, the part of her case child services and her secretary work with; it is
 * not a directory of families to anyone else.
 */
@ObjectType({ description: "Custody (vårdnad) of a child by one custodian." })
export class Custody {
  @Classified("REFERENCE")
  @Field(() => ID, { description: "The child: the person this record is about." })
  subjectId!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  childId!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  custodianId!: string;

  @Classified("CHILD")
  @Field(() => CustodyKind, { description: "JOINT (gemensam vårdnad) or SOLE (ensam vårdnad)." })
  kind!: CustodyKind;

  @Classified("CHILD")
  @Field(() => Date)
  since!: Date;

  @Classified("POLICY")
  @Field(() => Boolean, { description: "For the gateway's guard: the record describes the present." })
  policyCurrent!: boolean;
}

/**
 * A threat person to a protected person (e.g. the restrained person of a kontaktförbud). Its
 * subject is the protected person; SAFETY class like the police records it comes from: that she
 * needs protection from someone, and from whom, is what the threat person must never learn was
 * shared, and what no one without need may see. There is no link from the threat person's side.
 */
@ObjectType({ description: "A threat person to the person this record is about, and where that is known from." })
export class ThreatRelation {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "The protected person." })
  subjectId!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "The threat person." })
  threatId!: string;

  @Classified("SAFETY")
  @Field(() => ThreatSource)
  source!: ThreatSource;

  @Classified("SAFETY")
  @Field(() => Date)
  since!: Date;

  @Classified("SAFETY")
  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Classified("POLICY")
  @Field(() => Boolean, { description: "For the gateway's guard: the relation holds now." })
  policyCurrent!: boolean;
}
