-- CreateEnum
CREATE TYPE "CustodyKind" AS ENUM ('JOINT', 'SOLE');

-- CreateEnum
CREATE TYPE "ThreatSource" AS ENUM ('RESTRAINING_ORDER', 'THREAT_ASSESSMENT', 'REPORTED');

-- CreateEnum
CREATE TYPE "ConsentForm" AS ENUM ('WRITTEN', 'ORAL', 'DIGITAL');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AssignmentRole" ADD VALUE 'HOUSING_OFFICER';
ALTER TYPE "AssignmentRole" ADD VALUE 'POLICE_LIAISON';
ALTER TYPE "AssignmentRole" ADD VALUE 'CHILD_SERVICES_OFFICER';

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "unit" TEXT;

-- The unit that holds a case was not recorded before: no unit can be inferred from the data this
-- database holds (staff units live in the token), so old cases get a unit no team lead works in.
-- Fail closed: a team lead handles such a case only after someone records its real unit.
UPDATE "Case" SET "unit" = 'social-services/unit-not-recorded';
ALTER TABLE "Case" ALTER COLUMN "unit" SET NOT NULL;

-- AlterTable
ALTER TABLE "Consent" ADD COLUMN     "form" "ConsentForm",
ADD COLUMN     "givenBy" TEXT,
ADD COLUMN     "recipientUnit" TEXT;

-- Old consents were given by the person herself (or a parent, which no longer counts for her),
-- in writing, to an agency as a whole. They name no unit, so they get a unit of that agency that
-- no staff member works in: they open nothing until the client renews them to a named unit
-- (OSL 12 kap.: consent to a named recipient). The agency stays the first path segment.
UPDATE "Consent" SET
  "givenBy" = "personId",
  "form" = 'WRITTEN',
  "recipientUnit" = (CASE "recipientAgency"::text
      WHEN 'social_services' THEN 'social-services'
      WHEN 'police_liaison' THEN 'police-liaison'
      WHEN 'child_services' THEN 'child-services'
      ELSE "recipientAgency"::text END) || '/unit-not-recorded';
ALTER TABLE "Consent" ALTER COLUMN "form" SET NOT NULL,
ALTER COLUMN "givenBy" SET NOT NULL,
ALTER COLUMN "recipientUnit" SET NOT NULL;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "quarantinedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HouseholdMembership" (
    "id" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "HouseholdMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Custody" (
    "childId" TEXT NOT NULL,
    "custodianId" TEXT NOT NULL,
    "kind" "CustodyKind" NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Custody_pkey" PRIMARY KEY ("childId","custodianId")
);

-- CreateTable
CREATE TABLE "ThreatRelation" (
    "id" TEXT NOT NULL,
    "protectedId" TEXT NOT NULL,
    "threatId" TEXT NOT NULL,
    "source" "ThreatSource" NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "ThreatRelation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HouseholdMembership_householdId_idx" ON "HouseholdMembership"("householdId");

-- CreateIndex
CREATE INDEX "HouseholdMembership_personId_idx" ON "HouseholdMembership"("personId");

-- CreateIndex
CREATE INDEX "Custody_custodianId_idx" ON "Custody"("custodianId");

-- CreateIndex
CREATE INDEX "ThreatRelation_protectedId_idx" ON "ThreatRelation"("protectedId");

-- CreateIndex
CREATE INDEX "ThreatRelation_threatId_idx" ON "ThreatRelation"("threatId");

-- AddForeignKey
ALTER TABLE "HouseholdMembership" ADD CONSTRAINT "HouseholdMembership_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HouseholdMembership" ADD CONSTRAINT "HouseholdMembership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Custody" ADD CONSTRAINT "Custody_childId_fkey" FOREIGN KEY ("childId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Custody" ADD CONSTRAINT "Custody_custodianId_fkey" FOREIGN KEY ("custodianId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatRelation" ADD CONSTRAINT "ThreatRelation_protectedId_fkey" FOREIGN KEY ("protectedId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ThreatRelation" ADD CONSTRAINT "ThreatRelation_threatId_fkey" FOREIGN KEY ("threatId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Parent–child links become households, custody and co-residence: each parent with her children
-- is one household (all living there since the link was made, which was not recorded: since the
-- person rows were created), and each parent–child pair a JOINT custody. A child of two parents
-- is a member of both parents' households, so both co-reside with her.
INSERT INTO "Household" ("id", "createdAt")
SELECT DISTINCT 'hou_' || substr(md5(h."parentId"), 1, 10), CURRENT_TIMESTAMP FROM "HouseholdMember" h;

INSERT INTO "HouseholdMembership" ("id", "householdId", "personId", "since", "endedAt")
SELECT DISTINCT 'hom_' || substr(md5(h."parentId" || '/' || h."parentId"), 1, 10), 'hou_' || substr(md5(h."parentId"), 1, 10), h."parentId", p."createdAt", NULL::timestamp
FROM "HouseholdMember" h JOIN "Person" p ON p.id = h."parentId";

INSERT INTO "HouseholdMembership" ("id", "householdId", "personId", "since", "endedAt")
SELECT 'hom_' || substr(md5(h."parentId" || '/' || h."childId"), 1, 10), 'hou_' || substr(md5(h."parentId"), 1, 10), h."childId", c."createdAt", NULL
FROM "HouseholdMember" h JOIN "Person" c ON c.id = h."childId";

INSERT INTO "Custody" ("childId", "custodianId", "kind", "since")
SELECT h."childId", h."parentId", 'JOINT', c."createdAt"
FROM "HouseholdMember" h JOIN "Person" c ON c.id = h."childId";

-- DropForeignKey
ALTER TABLE "HouseholdMember" DROP CONSTRAINT "HouseholdMember_childId_fkey";

-- DropForeignKey
ALTER TABLE "HouseholdMember" DROP CONSTRAINT "HouseholdMember_parentId_fkey";

-- DropTable
DROP TABLE "HouseholdMember";
