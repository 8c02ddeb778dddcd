import { Classified } from "@skyddsnat/subgraph-kit";
import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../context.js";
import { Incident } from "../incident/incident.type.js";
import { RestrainingOrder } from "../restraining-order/restraining-order.type.js";
import { ThreatAssessment } from "../threat-assessment/threat-assessment.type.js";
import { Person } from "./person.type.js";

@Resolver(() => Person)
export class PersonResolver {
  @Classified("SAFETY")
  @FieldResolver(() => [Incident], { nullable: true, description: "Incidents recorded about this person." })
  incidents(@Root() person: Person, @Ctx() context: Context) {
    return context.loaders.incidentsOf.load(person.id);
  }

  @Classified("SAFETY")
  @FieldResolver(() => [RestrainingOrder], { nullable: true, description: "Restraining orders (kontaktförbud) that protect this person." })
  restrainingOrders(@Root() person: Person, @Ctx() context: Context) {
    return context.loaders.ordersProtecting.load(person.id);
  }

  @Classified("SAFETY")
  @FieldResolver(() => [ThreatAssessment], { nullable: true })
  threatAssessments(@Root() person: Person, @Ctx() context: Context) {
    return context.loaders.assessmentsOf.load(person.id);
  }
}
