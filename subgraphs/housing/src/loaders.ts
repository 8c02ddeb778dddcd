import DataLoader from "dataloader";
import type { Flat, HousingApplication, PrismaClient, Tenancy } from "./generated/prisma/client.js";

/** One loader per key, per request: a query that touches many persons costs one SQL per kind. */
export function createLoaders(db: PrismaClient) {
  return {
    /** Only tenancy field resolvers read flats: an address is never reached except through its tenancy. */
    flatById: new DataLoader<string, Flat | null>(async (ids) => {
      const rows = await db.flat.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** Everyone who rents or rented the flat: the flat's level is the strictest of theirs. */
    tenantsOfFlat: new DataLoader<string, string[]>(async (flatIds) => {
      const rows = await db.tenancy.findMany({ where: { flatId: { in: [...flatIds] } }, select: { flatId: true, personId: true }, distinct: ["flatId", "personId"] });
      return flatIds.map((id) => rows.filter((row) => row.flatId === id).map((row) => row.personId));
    }),
    applicationsOf: new DataLoader<string, HousingApplication[]>(async (personIds) => {
      const rows = await db.housingApplication.findMany({
        where: { personId: { in: [...personIds] } },
        orderBy: { submittedAt: "asc" },
      });
      return personIds.map((id) => rows.filter((row) => row.personId === id));
    }),
    tenanciesOf: new DataLoader<string, Tenancy[]>(async (personIds) => {
      const rows = await db.tenancy.findMany({ where: { personId: { in: [...personIds] } }, orderBy: { startsOn: "asc" } });
      return personIds.map((id) => rows.filter((row) => row.personId === id));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
