import { placeholders, type RowReader } from "@skyddsnat/subgraph-kit";
import DataLoader from "dataloader";
import { type BarnahusConsultation, type ChildCase, Prisma, type PrismaClient, type SchoolPlacement } from "./generated/prisma/client.js";

/** A placement's case, as `include: { childCase: true }` nests it: every column, as `childCase.<column>`. */
const CASE_COLUMNS = Object.values(Prisma.ChildCaseScalarFieldEnum)
  .map((column) => `k."${column}" AS "childCase.${column}"`)
  .join(", ");

/**
 * A child's cases and placements, which every client view reads, go on the row path (`sql`, the
 * kit's rows.ts); the rest through Prisma's client.
 */
export function createLoaders(db: PrismaClient, sql: RowReader) {
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
      const rows = await sql.rows<ChildCase>(`SELECT * FROM ${sql.table("ChildCase")} WHERE "childId" IN (${placeholders(ids.length)}) ORDER BY "openedAt" ASC`, ids);
      for (const row of rows) caseById.prime(row.id, row);
      return ids.map((id) => rows.filter((row) => row.childId === id));
    }),
    placementsOfChild: new DataLoader<string, SchoolPlacement[]>(async (ids) => {
      const rows = primeCases(
        await sql.rows<SchoolPlacement & { childCase: ChildCase }>(
          `SELECT p.*, ${CASE_COLUMNS} FROM ${sql.table("SchoolPlacement")} p JOIN ${sql.table("ChildCase")} k ON k."id" = p."childCaseId"
           WHERE p."childId" IN (${placeholders(ids.length)}) ORDER BY p."startsOn" ASC`,
          ids,
        ),
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
