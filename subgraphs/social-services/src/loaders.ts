import DataLoader from "dataloader";
import type { Appointment, Assignment, Case, Consent, Person, PrismaClient } from "./generated/prisma/client.js";

/** An appointment with its case's person and its participants: its record facts, without another query. */
export type AppointmentRow = Appointment & { case: { personId: string }; participants: { staffId: string }[] };
const APPOINTMENT_INCLUDE = { case: { select: { personId: true } }, participants: { select: { staffId: true }, orderBy: { staffId: "asc" } } } as const;

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
