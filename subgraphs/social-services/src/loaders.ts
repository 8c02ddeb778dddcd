import DataLoader from "dataloader";
import type { Assignment, Case, Consent, Person, PrismaClient } from "./generated/prisma/client.js";

/** One loader per key, per request: a query that touches many persons costs one SQL per kind. */
export function createLoaders(db: PrismaClient) {
  return {
    personById: new DataLoader<string, Person | null>(async (ids) => {
      const rows = await db.person.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    caseById: new DataLoader<string, Case | null>(async (ids) => {
      const rows = await db.case.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    childrenOf: new DataLoader<string, Person[]>(async (parentIds) => {
      const links = await db.householdMember.findMany({
        where: { parentId: { in: [...parentIds] } },
        include: { child: true },
        orderBy: { childId: "asc" },
      });
      return parentIds.map((id) => links.filter((link) => link.parentId === id).map((link) => link.child));
    }),
    casesOf: new DataLoader<string, Case[]>(async (personIds) => {
      const rows = await db.case.findMany({ where: { personId: { in: [...personIds] } }, orderBy: { openedAt: "asc" } });
      return personIds.map((id) => rows.filter((row) => row.personId === id));
    }),
    // Each assignment carries its case's person: its subject, without another query.
    assignmentsOf: new DataLoader<string, (Assignment & { case: { personId: string } })[]>(async (caseIds) => {
      const rows = await db.assignment.findMany({
        where: { caseId: { in: [...caseIds] } },
        orderBy: { assignedAt: "asc" },
        include: { case: { select: { personId: true } } },
      });
      return caseIds.map((id) => rows.filter((row) => row.caseId === id));
    }),
    consentsOf: new DataLoader<string, Consent[]>(async (personIds) => {
      const rows = await db.consent.findMany({ where: { personId: { in: [...personIds] } }, orderBy: { validFrom: "asc" } });
      return personIds.map((id) => rows.filter((row) => row.personId === id));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
