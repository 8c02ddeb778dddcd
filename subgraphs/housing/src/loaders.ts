import { placeholders, type RowReader } from "@skyddsnat/subgraph-kit";
import DataLoader from "dataloader";
import type { Flat, HousingApplication, PrismaClient, Tenancy } from "./generated/prisma/client.js";

/**
 * One loader per key, per request: a query that touches many persons costs one SQL per kind.
 * A person's applications and tenancies and their flats, which every client view reads, go on the row path
 * (`sql`, the kit's rows.ts); the rest through Prisma's client.
 */
export function createLoaders(db: PrismaClient, sql: RowReader) {
  /** Everyone who rents or rented the flat: the flat's level is the strictest of theirs. */
  const tenantsOfFlat = new DataLoader<string, string[]>(async (flatIds) => {
    const rows = await sql.rows<{ flatId: string; personId: string }>(
      `SELECT DISTINCT "flatId", "personId" FROM ${sql.table("Tenancy")} WHERE "flatId" IN (${placeholders(flatIds.length)})`,
      flatIds,
    );
    return flatIds.map((id) => rows.filter((row) => row.flatId === id).map((row) => row.personId));
  });
  return {
    /** Only tenancy field resolvers read flats: an address is never reached except through its tenancy. */
    flatById: new DataLoader<string, Flat | null>(async (ids) => {
      const rows = await sql.rows<Flat>(`SELECT * FROM ${sql.table("Flat")} WHERE "id" IN (${placeholders(ids.length)})`, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    tenantsOfFlat,
    applicationsOf: new DataLoader<string, HousingApplication[]>(async (personIds) => {
      const rows = await sql.rows<HousingApplication>(
        `SELECT * FROM ${sql.table("HousingApplication")} WHERE "personId" IN (${placeholders(personIds.length)}) ORDER BY "submittedAt" ASC`,
        personIds,
      );
      return personIds.map((id) => rows.filter((row) => row.personId === id));
    }),
    /**
     * A person's tenancies, each with who rents or rented its flat (ids only, never the flat's
     * address) in the same statement, primed into tenantsOfFlat: every tenancy read decides its
     * place's level from them, and on these machines a statement costs a subgraph more CPU than
     * the subquery's ids do.
     */
    tenanciesOf: new DataLoader<string, Tenancy[]>(async (personIds) => {
      const rows = await sql.rows<Tenancy & { flatTenants: string[] }>(
        `SELECT t.*, ARRAY(SELECT DISTINCT o."personId" FROM ${sql.table("Tenancy")} o WHERE o."flatId" = t."flatId") AS "flatTenants"
         FROM ${sql.table("Tenancy")} t WHERE t."personId" IN (${placeholders(personIds.length)}) ORDER BY t."startsOn" ASC`,
        personIds,
      );
      const tenancies = rows.map(({ flatTenants, ...row }) => {
        tenantsOfFlat.prime(row.flatId, flatTenants);
        return row;
      });
      return personIds.map((id) => tenancies.filter((row) => row.personId === id));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
