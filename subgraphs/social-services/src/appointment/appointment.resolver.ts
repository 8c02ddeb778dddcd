import { badUserInput, householdLevel, meetingPlaceAllowed, existsFor } from "@skyddsnat/schema";
import { Classified, newId, requireOperation, requireRole } from "@skyddsnat/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import { Case } from "../case/case.type.js";
import type { Context } from "../context.js";
import { loadSubjectFacts } from "../facts/subject-facts.js";
import type { Case as CaseRow, Person as PersonRow } from "../generated/prisma/client.js";
import type { AppointmentRow } from "../loaders.js";
import { Person } from "../person/person.type.js";
import { ScheduleAppointmentInput } from "./appointment.input.js";
import { Appointment } from "./appointment.type.js";

/** A meeting is a meeting, not a stay: longer than this is a mistake in the booking. */
const MAX_MEETING_HOURS = 12;

@Resolver(() => Appointment)
export class AppointmentResolver {
  @FieldResolver(() => ID)
  subjectId(@Root() row: AppointmentRow): string {
    return row.case.personId;
  }

  @FieldResolver(() => String)
  organisingAgency(@Root() row: AppointmentRow): string {
    return row.organisingAgency.replace("_", "-");
  }

  @FieldResolver(() => [ID])
  participants(@Root() row: AppointmentRow): string[] {
    return row.participants.map((p) => p.staffId);
  }

  /** Upcoming or under way: a meeting that has ended is no longer where she will be. */
  @FieldResolver(() => Boolean)
  policyCurrent(@Root() row: AppointmentRow, @Ctx() context: Context): boolean {
    return row.endsAt.getTime() > context.policy.now.getTime();
  }

  @FieldResolver(() => [ID])
  policyParticipants(@Root() row: AppointmentRow): string[] {
    return row.participants.map((p) => p.staffId);
  }

  @Mutation(() => Appointment, {
    description: "Book a meeting on an open case, with staff assigned on it; refused at a kind of place the person's handling instructions forbid.",
  })
  async scheduleAppointment(@Arg("input", () => ScheduleAppointmentInput) input: ScheduleAppointmentInput, @Ctx() context: Context) {
    requireRole(context, "scheduleAppointment");
    const { db } = context.loaders;
    return db.$transaction(async (tx) => {
      const found = await tx.case.findUnique({
        where: { id: input.caseId },
        select: { personId: true, status: true, assignments: { where: { endedAt: null }, select: { staffId: true } } },
      });
      if (!found) throw badUserInput("No case with that id.", "caseId");
      const [subject] = await loadSubjectFacts(tx, [found.personId]);
      // A former identity's case exists for no one but personal security: answered like no case.
      if (subject && !existsFor(context.actor, subject)) throw badUserInput("No case with that id.", "caseId");
      requireOperation(context, "scheduleAppointment", subject ? { subject } : {});
      // Only after the write rule: a caller who may not book learns nothing of the person's protection.
      if (found.status !== "OPEN") throw badUserInput("Meetings are booked on an open case only.", "caseId");
      if (input.endsAt <= input.startsAt) throw badUserInput("endsAt must be after startsAt.", "endsAt");
      if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_MEETING_HOURS * 3_600_000) {
        throw badUserInput(`A meeting lasts at most ${MAX_MEETING_HOURS} hours.`, "endsAt");
      }
      const onCase = new Set(found.assignments.map((a) => a.staffId));
      if (!input.participants.every((staffId) => onCase.has(staffId))) {
        throw badUserInput("Every participant must be assigned on the case.", "participants", "PARTICIPANT_NOT_ON_CASE");
      }
      if (!meetingPlaceAllowed(subject ? householdLevel(subject) : null, input.placeKind)) {
        throw badUserInput("The person's handling instructions forbid meetings at this kind of place.", "placeKind", "MEETING_PLACE_FORBIDDEN");
      }
      return tx.appointment.create({
        data: {
          id: newId("apt"),
          caseId: input.caseId,
          organisingAgency: "social_services",
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          place: input.place,
          placeKind: input.placeKind,
          createdBy: context.actor.staffId,
          participants: { create: input.participants.map((staffId) => ({ staffId })) },
        },
        include: { case: { select: { personId: true } }, participants: { select: { staffId: true }, orderBy: { staffId: "asc" } } },
      });
    });
  }
}

/** That a meeting exists is status (not where or when): the links carry STATUS. */
@Resolver(() => Case)
export class CaseAppointmentsResolver {
  @Classified("STATUS")
  @FieldResolver(() => [Appointment], { description: "Meetings booked on the case." })
  appointments(@Root() row: CaseRow, @Ctx() context: Context) {
    return context.loaders.appointmentsOfCase.load(row.id);
  }
}

@Resolver(() => Person)
export class PersonAppointmentsResolver {
  @Classified("STATUS")
  @FieldResolver(() => [Appointment], { description: "Meetings booked with the person on her cases." })
  appointments(@Root() row: PersonRow, @Ctx() context: Context) {
    return context.loaders.appointmentsOfPerson.load(row.id);
  }
}
