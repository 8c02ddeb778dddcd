import { placeholders, type RowReader } from "@skyddsnat/subgraph-kit";
import DataLoader from "dataloader";
import type { Incident, PrismaClient, RestrainingOrder, ThreatAssessment } from "./generated/prisma/client.js";

/**
 * One loader per key, per request: a query that touches many persons costs one SQL per kind.
 * Incidents and the orders protecting a person, which every client view reads, go on the row
 * path (`sql`, the kit's rows.ts); the rest through Prisma's client.
 */
export function createLoaders(db: PrismaClient, sql: RowReader) {
  return {
    incidentsOf: new DataLoader<string, Incident[]>(async (personIds) => {
      const rows = await sql.rows<Incident>(
        `SELECT * FROM ${sql.table("Incident")} WHERE "personId" IN (${placeholders(personIds.length)}) ORDER BY "occurredAt" ASC`,
        personIds,
      );
      return personIds.map((id) => rows.filter((row) => row.personId === id));
    }),
    /** Orders that protect the person; an order restraining her is not hers to list. */
    ordersProtecting: new DataLoader<string, RestrainingOrder[]>(async (personIds) => {
      const rows = await sql.rows<RestrainingOrder>(
        `SELECT * FROM ${sql.table("RestrainingOrder")} WHERE "protectedPersonId" IN (${placeholders(personIds.length)}) ORDER BY "validFrom" ASC`,
        personIds,
      );
      return personIds.map((id) => rows.filter((row) => row.protectedPersonId === id));
    }),
    assessmentsOf: new DataLoader<string, ThreatAssessment[]>(async (personIds) => {
      const rows = await db.threatAssessment.findMany({ where: { personId: { in: [...personIds] } }, orderBy: { assessedAt: "asc" } });
      return personIds.map((id) => rows.filter((row) => row.personId === id));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
