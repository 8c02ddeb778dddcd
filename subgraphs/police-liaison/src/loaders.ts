import DataLoader from "dataloader";
import type { Incident, PrismaClient, RestrainingOrder, ThreatAssessment } from "./generated/prisma/client.js";

/** One loader per key, per request: a query that touches many persons costs one SQL per kind. */
export function createLoaders(db: PrismaClient) {
  return {
    incidentsOf: new DataLoader<string, Incident[]>(async (personIds) => {
      const rows = await db.incident.findMany({ where: { personId: { in: [...personIds] } }, orderBy: { occurredAt: "asc" } });
      return personIds.map((id) => rows.filter((row) => row.personId === id));
    }),
    /** Orders that protect the person; an order restraining her is not hers to list. */
    ordersProtecting: new DataLoader<string, RestrainingOrder[]>(async (personIds) => {
      const rows = await db.restrainingOrder.findMany({
        where: { protectedPersonId: { in: [...personIds] } },
        orderBy: { validFrom: "asc" },
      });
      return personIds.map((id) => rows.filter((row) => row.protectedPersonId === id));
    }),
    assessmentsOf: new DataLoader<string, ThreatAssessment[]>(async (personIds) => {
      const rows = await db.threatAssessment.findMany({ where: { personId: { in: [...personIds] } }, orderBy: { assessedAt: "asc" } });
      return personIds.map((id) => rows.filter((row) => row.personId === id));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
