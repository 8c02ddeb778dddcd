import "reflect-metadata";
import { buildAgencySchema } from "@skyddsnat/subgraph-kit";
import { AuditResolver } from "./audit.resolver.js";

/** The auditors' part of the graph: the trail, the chain's status, the emergency review queue. */
export function buildAuditSchema(options: { enforce?: boolean } = {}) {
  return buildAgencySchema({ ...options, resolvers: [AuditResolver] });
}
