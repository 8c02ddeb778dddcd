import DataLoader from "dataloader";
import type { Incident, PrismaClient, RestrainingOrder, ThreatAssessment } from "./generated/prisma/client.js";

export function createLoaders(db: PrismaClient) {
  return {
    db,
    incidentsOf: new DataLoader<string, Incident[]>(async (ids) => {
      const rows = await db.incident.findMany({ where: { personId: { in: [...ids] } }, orderBy: { occurredAt: "asc" } });
      return ids.map((id) => rows.filter((row) => row.personId === id));
    }),
    ordersProtecting: new DataLoader<string, RestrainingOrder[]>(async (ids) => {
      const rows = await db.restrainingOrder.findMany({ where: { protectedPersonId: { in: [...ids] } }, orderBy: { validFrom: "asc" } });
      return ids.map((id) => rows.filter((row) => row.protectedPersonId === id));
    }),
    assessmentsOf: new DataLoader<string, ThreatAssessment[]>(async (ids) => {
      const rows = await db.threatAssessment.findMany({ where: { personId: { in: [...ids] } }, orderBy: { assessedAt: "asc" } });
      return ids.map((id) => rows.filter((row) => row.personId === id));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
