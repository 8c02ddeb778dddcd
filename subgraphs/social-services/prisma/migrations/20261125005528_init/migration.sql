-- CreateEnum
CREATE TYPE "ProtectionLevel" AS ENUM ('NONE', 'CONFIDENTIALITY_MARKED', 'PROTECTED_REGISTRATION', 'ASSUMED_IDENTITY');

-- CreateEnum
CREATE TYPE "CaseType" AS ENUM ('PROTECTION_AND_SUPPORT', 'SHELTER_FOLLOW_UP', 'ECONOMIC_ASSISTANCE', 'EXIT_PROGRAMME');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "AssignmentRole" AS ENUM ('SOCIAL_SECRETARY', 'CONTACT_PERSON');

-- CreateEnum
CREATE TYPE "Agency" AS ENUM ('social-services', 'housing', 'police-liaison', 'child-services');

-- CreateEnum
CREATE TYPE "Purpose" AS ENUM ('CASE_WORK', 'COORDINATED_SUPPORT', 'EMERGENCY');

-- CreateEnum
CREATE TYPE "FieldClass" AS ENUM ('IDENTITY', 'LOCATION', 'STATUS', 'CASE_DETAIL', 'HOUSING', 'SAFETY', 'CHILD');

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "identityNumber" TEXT NOT NULL,
    "givenName" TEXT NOT NULL,
    "familyName" TEXT NOT NULL,
    "birthDate" DATE NOT NULL,
    "protectionLevel" "ProtectionLevel" NOT NULL,
    "streetAddress" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "phone" TEXT,
    "registeredMunicipality" TEXT NOT NULL,
    "residenceMunicipality" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdMember" (
    "parentId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,

    CONSTRAINT "HouseholdMember_pkey" PRIMARY KEY ("parentId","childId")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "type" "CaseType" NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "assessment" TEXT NOT NULL,
    "shelterPlacement" TEXT,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "role" "AssignmentRole" NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consent" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "recipientAgency" "Agency" NOT NULL,
    "purpose" "Purpose" NOT NULL,
    "scope" "FieldClass"[],
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Consent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_identityNumber_key" ON "Person"("identityNumber");

-- CreateIndex
CREATE INDEX "Person_familyName_givenName_idx" ON "Person"("familyName", "givenName");

-- CreateIndex
CREATE INDEX "HouseholdMember_childId_idx" ON "HouseholdMember"("childId");

-- CreateIndex
CREATE INDEX "Case_personId_idx" ON "Case"("personId");

-- CreateIndex
CREATE INDEX "Case_status_openedAt_idx" ON "Case"("status", "openedAt");

-- CreateIndex
CREATE INDEX "Assignment_staffId_idx" ON "Assignment"("staffId");

-- CreateIndex
CREATE INDEX "Assignment_caseId_idx" ON "Assignment"("caseId");

-- CreateIndex
CREATE INDEX "Consent_personId_idx" ON "Consent"("personId");

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMember" ADD CONSTRAINT "HouseholdMember_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consent" ADD CONSTRAINT "Consent_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
