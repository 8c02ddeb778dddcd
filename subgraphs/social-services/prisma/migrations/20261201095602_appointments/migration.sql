-- CreateEnum
CREATE TYPE "PlaceKind" AS ENUM ('OFFICE_OF_AGENCY', 'HOME_VISIT', 'PUBLIC_PLACE', 'NEAR_RESIDENCE', 'SCHOOL');

-- CreateTable
CREATE TABLE "Appointment" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "organisingAgency" "Agency" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT NOT NULL,
    "placeKind" "PlaceKind" NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Appointment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AppointmentParticipant" (
    "appointmentId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,

    CONSTRAINT "AppointmentParticipant_pkey" PRIMARY KEY ("appointmentId","staffId")
);

-- CreateIndex
CREATE INDEX "Appointment_caseId_startsAt_idx" ON "Appointment"("caseId", "startsAt");

-- CreateIndex
CREATE INDEX "AppointmentParticipant_staffId_idx" ON "AppointmentParticipant"("staffId");

-- AddForeignKey
ALTER TABLE "Appointment" ADD CONSTRAINT "Appointment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AppointmentParticipant" ADD CONSTRAINT "AppointmentParticipant_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "Appointment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
