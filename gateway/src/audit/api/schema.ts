import "reflect-metadata";
import { buildAgencySchema } from "@skyddsnat/subgraph-kit";
import { AuditResolver } from "./audit.resolver.js";
import { EmergencyResolver } from "./emergency.resolver.js";

/** The audit part of the graph: the trail and the chain's status for auditors; emergency disclosures (request, decision, review). */
export function buildAuditSchema(options: { enforce?: boolean } = {}) {
  return buildAgencySchema({ ...options, resolvers: [AuditResolver, EmergencyResolver] });
}
