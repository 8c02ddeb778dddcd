import DataLoader from "dataloader";
import type { BarnahusConsultation, ChildCase, PrismaClient, SchoolPlacement } from "./generated/prisma/client.js";

export function createLoaders(db: PrismaClient) {
  const caseById = new DataLoader<string, ChildCase | null>(async (ids) => {
    const rows = await db.childCase.findMany({ where: { id: { in: [...ids] } } });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  /** Placements and consultations bring their case along: subject and steward need it, and it costs no query more. */
  const primeCases = <T extends { childCase: ChildCase }>(rows: T[]): T[] => {
    for (const row of rows) caseById.prime(row.childCase.id, row.childCase);
    return rows;
  };
  return {
    db,
    caseById,
    casesOfChild: new DataLoader<string, ChildCase[]>(async (ids) => {
      const rows = await db.childCase.findMany({ where: { childId: { in: [...ids] } }, orderBy: { openedAt: "asc" } });
      for (const row of rows) caseById.prime(row.id, row);
      return ids.map((id) => rows.filter((row) => row.childId === id));
    }),
    placementsOfChild: new DataLoader<string, SchoolPlacement[]>(async (ids) => {
      const rows = primeCases(
        await db.schoolPlacement.findMany({ where: { childId: { in: [...ids] } }, orderBy: { startsOn: "asc" }, include: { childCase: true } }),
      );
      return ids.map((id) => rows.filter((row) => row.childId === id));
    }),
    placementsOfCase: new DataLoader<string, SchoolPlacement[]>(async (ids) => {
      const rows = primeCases(
        await db.schoolPlacement.findMany({ where: { childCaseId: { in: [...ids] } }, orderBy: { startsOn: "asc" }, include: { childCase: true } }),
      );
      return ids.map((id) => rows.filter((row) => row.childCaseId === id));
    }),
    consultationsOfCase: new DataLoader<string, BarnahusConsultation[]>(async (ids) => {
      const rows = primeCases(
        await db.barnahusConsultation.findMany({ where: { childCaseId: { in: [...ids] } }, orderBy: { heldAt: "asc" }, include: { childCase: true } }),
      );
      return ids.map((id) => rows.filter((row) => row.childCaseId === id));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
