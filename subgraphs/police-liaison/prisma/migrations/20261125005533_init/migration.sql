-- CreateEnum
CREATE TYPE "IncidentCategory" AS ENUM ('THREAT', 'ASSAULT', 'HARASSMENT', 'STALKING', 'BREACH_OF_ORDER', 'OTHER');

-- CreateEnum
CREATE TYPE "RestrainingOrderKind" AS ENUM ('BASIC', 'EXTENDED', 'SPECIAL_EXTENDED', 'WITHIN_HOUSEHOLD');

-- CreateEnum
CREATE TYPE "ThreatLevel" AS ENUM ('LOW', 'MODERATE', 'HIGH', 'SEVERE');

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "category" "IncidentCategory" NOT NULL,
    "place" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "reportedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RestrainingOrder" (
    "id" TEXT NOT NULL,
    "protectedPersonId" TEXT NOT NULL,
    "restrainedPersonId" TEXT NOT NULL,
    "kind" "RestrainingOrderKind" NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RestrainingOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ThreatAssessment" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "level" "ThreatLevel" NOT NULL,
    "assessedAt" TIMESTAMP(3) NOT NULL,
    "summary" TEXT NOT NULL,
    "assessorId" TEXT NOT NULL,

    CONSTRAINT "ThreatAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Incident_personId_idx" ON "Incident"("personId");

-- CreateIndex
CREATE INDEX "Incident_occurredAt_idx" ON "Incident"("occurredAt");

-- CreateIndex
CREATE INDEX "RestrainingOrder_protectedPersonId_idx" ON "RestrainingOrder"("protectedPersonId");

-- CreateIndex
CREATE INDEX "ThreatAssessment_personId_idx" ON "ThreatAssessment"("personId");
