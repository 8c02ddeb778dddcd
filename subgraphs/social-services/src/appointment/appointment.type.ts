import { Classified } from "@skyddsnat/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";
import { PlaceKind } from "../enums.js";

/**
 * A meeting with the person on her case. When and where it is tells where she will be: LOCATION,
 * under her household's strictest level, and shown to the staff who take part only (the rule
 * participants-see-their-appointment). The kind of place is LOCATION too: "a home visit on
 * Tuesday at ten" says where she is then as surely as the address does.
 */
@ObjectType({ description: "A meeting (möte) with the person on her case: location data, for its participants." })
export class Appointment {
  @Classified("REFERENCE")
  @Field(() => ID)
  id!: string;

  @Classified("REFERENCE")
  @Field(() => ID)
  caseId!: string;

  @Classified("REFERENCE")
  @Field(() => ID, { description: "The person the meeting is with (the case's person)." })
  subjectId!: string;

  @Classified("STATUS")
  @Field(() => String, { description: "The agency that organises the meeting, e.g. social-services." })
  organisingAgency!: string;

  @Classified("LOCATION")
  @Field(() => Date)
  startsAt!: Date;

  @Classified("LOCATION")
  @Field(() => Date)
  endsAt!: Date;

  @Classified("LOCATION")
  @Field(() => String, { description: "Where the meeting is held." })
  place!: string;

  @Classified("LOCATION")
  @Field(() => PlaceKind)
  placeKind!: PlaceKind;

  @Classified("REFERENCE")
  @Field(() => [ID], { description: "Staff ids of those who take part." })
  participants!: string[];

  @Classified("POLICY")
  @Field(() => Boolean, { description: "For the gateway's guard: the meeting is upcoming or under way." })
  policyCurrent!: boolean;

  @Classified("POLICY")
  @Field(() => [ID], { description: "For the gateway's guard: the staff who take part, the only ones who see when and where." })
  policyParticipants!: string[];
}
