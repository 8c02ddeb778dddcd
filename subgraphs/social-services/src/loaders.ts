import { placeholders, type RowReader } from "@skyddsnat/subgraph-kit";
import DataLoader from "dataloader";
import { type Appointment, type Assignment, type Case, type Consent, type Custody, type Person, Prisma, type PrismaClient, type ThreatRelation } from "./generated/prisma/client.js";

/** An appointment with its case's person and its participants: its record facts, without another query. */
export type AppointmentRow = Appointment & { case: { personId: string }; participants: { staffId: string }[] };
const APPOINTMENT_INCLUDE = { case: { select: { personId: true } }, participants: { select: { staffId: true }, orderBy: { staffId: "asc" } } } as const;

/** A member's person, as `include: { person: true }` nests it: every column, as `person.<column>`. */
const PERSON_COLUMNS = Object.values(Prisma.PersonScalarFieldEnum)
  .map((column) => `p."${column}" AS "person.${column}"`)
  .join(", ");

/** An assignment's columns beside its case's, as `assignment.<column>`: a case's staff in the case's own statement. */
const ASSIGNMENT_COLUMNS = Object.values(Prisma.AssignmentScalarFieldEnum)
  .map((column) => `a."${column}" AS "assignment.${column}"`)
  .join(", ");

/** An assignment with its case's person: its subject, without another query. */
export type AssignmentRow = Assignment & { case: { personId: string } };

/**
 * One loader per key, per request: a query that touches many persons costs one SQL per kind.
 * The person, her cases, their assignments and her household are read on the row path (`sql`, the kit's
 * rows.ts): every client view reads them; the rest go through Prisma's client.
 */
export function createLoaders(db: PrismaClient, sql: RowReader) {
  // Each assignment carries its case's person: its subject, without another query.
  const assignmentsOf = new DataLoader<string, AssignmentRow[]>(async (caseIds) => {
    const rows = await sql.rows<AssignmentRow>(
      `SELECT a.*, c."personId" AS "case.personId" FROM ${sql.table("Assignment")} a JOIN ${sql.table("Case")} c ON c."id" = a."caseId"
       WHERE a."caseId" IN (${placeholders(caseIds.length)}) ORDER BY a."assignedAt" ASC`,
      caseIds,
    );
    return caseIds.map((id) => rows.filter((row) => row.caseId === id));
  });
  return {
    personById: new DataLoader<string, Person | null>(async (ids) => {
      const rows = await sql.rows<Person>(`SELECT * FROM ${sql.table("Person")} WHERE "id" IN (${placeholders(ids.length)})`, ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    caseById: new DataLoader<string, Case | null>(async (ids) => {
      const rows = await db.case.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    // Everyone she lives with now: a current member of a household she is a current member of.
    coResidentsOf: new DataLoader<string, Person[]>(async (personIds) => {
      const mine = await sql.rows<{ personId: string; householdId: string }>(
        `SELECT "personId", "householdId" FROM ${sql.table("HouseholdMembership")} WHERE "personId" IN (${placeholders(personIds.length)}) AND "endedAt" IS NULL`,
        personIds,
      );
      const households = [...new Set(mine.map((m) => m.householdId))];
      const members =
        households.length === 0
          ? []
          : await sql.rows<{ personId: string; householdId: string; person: Person }>(
              `SELECT m.*, ${PERSON_COLUMNS} FROM ${sql.table("HouseholdMembership")} m JOIN ${sql.table("Person")} p ON p."id" = m."personId"
               WHERE m."householdId" IN (${placeholders(households.length)}) AND m."endedAt" IS NULL ORDER BY m."personId" ASC`,
              households,
            );
      return personIds.map((id) => {
        const households = new Set(mine.filter((m) => m.personId === id).map((m) => m.householdId));
        const others = members.filter((m) => households.has(m.householdId) && m.personId !== id).map((m) => m.person);
        return [...new Map(others.map((person) => [person.id, person])).values()];
      });
    }),
    custodiansOf: new DataLoader<string, Custody[]>(async (childIds) => {
      const rows = await db.custody.findMany({ where: { childId: { in: [...childIds] } }, orderBy: { custodianId: "asc" } });
      return childIds.map((id) => rows.filter((row) => row.childId === id));
    }),
    custodyOf: new DataLoader<string, Custody[]>(async (custodianIds) => {
      const rows = await db.custody.findMany({ where: { custodianId: { in: [...custodianIds] } }, orderBy: { childId: "asc" } });
      return custodianIds.map((id) => rows.filter((row) => row.custodianId === id));
    }),
    threatRelationsOf: new DataLoader<string, ThreatRelation[]>(async (protectedIds) => {
      const rows = await db.threatRelation.findMany({ where: { protectedId: { in: [...protectedIds] } }, orderBy: { since: "asc" } });
      return protectedIds.map((id) => rows.filter((row) => row.protectedId === id));
    }),
    /**
     * A person's cases, and each case's assignments in the same statement (a LEFT JOIN), primed
     * into assignmentsOf: whoever reads a case reads its staff (the client view, the caseload),
     * and on these machines a statement costs a subgraph more CPU than the joined rows do.
     */
    casesOf: new DataLoader<string, Case[]>(async (personIds) => {
      const rows = await sql.rows<Case & { assignment: Assignment | { id: null } }>(
        `SELECT c.*, ${ASSIGNMENT_COLUMNS} FROM ${sql.table("Case")} c LEFT JOIN ${sql.table("Assignment")} a ON a."caseId" = c."id"
         WHERE c."personId" IN (${placeholders(personIds.length)}) ORDER BY c."openedAt" ASC, a."assignedAt" ASC`,
        personIds,
      );
      const cases = new Map<string, { row: Case; assignments: AssignmentRow[] }>();
      for (const { assignment, ...row } of rows) {
        const entry = cases.get(row.id) ?? cases.set(row.id, { row, assignments: [] }).get(row.id);
        if (entry && assignment.id !== null) entry.assignments.push({ ...assignment, case: { personId: row.personId } });
      }
      for (const [caseId, { assignments }] of cases) assignmentsOf.prime(caseId, assignments);
      const all = [...cases.values()].map((entry) => entry.row);
      return personIds.map((id) => all.filter((row) => row.personId === id));
    }),
    assignmentsOf,
    consentsOf: new DataLoader<string, Consent[]>(async (personIds) => {
      const rows = await db.consent.findMany({ where: { personId: { in: [...personIds] } }, orderBy: { validFrom: "asc" } });
      return personIds.map((id) => rows.filter((row) => row.personId === id));
    }),
    appointmentsOfCase: new DataLoader<string, AppointmentRow[]>(async (caseIds) => {
      const rows = await db.appointment.findMany({ where: { caseId: { in: [...caseIds] } }, orderBy: { startsAt: "asc" }, include: APPOINTMENT_INCLUDE });
      return caseIds.map((id) => rows.filter((row) => row.caseId === id));
    }),
    appointmentsOfPerson: new DataLoader<string, AppointmentRow[]>(async (personIds) => {
      const rows = await db.appointment.findMany({
        where: { case: { personId: { in: [...personIds] } } },
        orderBy: { startsAt: "asc" },
        include: APPOINTMENT_INCLUDE,
      });
      return personIds.map((id) => rows.filter((row) => row.case.personId === id));
    }),
  };
}
export type Loaders = ReturnType<typeof createLoaders>;
