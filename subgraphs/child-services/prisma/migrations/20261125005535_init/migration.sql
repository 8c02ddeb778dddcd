-- CreateEnum
CREATE TYPE "ChildCaseStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "ChildConcern" AS ENUM ('WITNESSED_VIOLENCE', 'DIRECT_VIOLENCE', 'NEGLECT', 'SUPPORT_AFTER_RELOCATION');

-- CreateEnum
CREATE TYPE "PlacementKind" AS ENUM ('PRESCHOOL', 'SCHOOL');

-- CreateTable
CREATE TABLE "ChildCase" (
    "id" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "status" "ChildCaseStatus" NOT NULL DEFAULT 'OPEN',
    "concern" "ChildConcern" NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "officerId" TEXT NOT NULL,
    "notes" TEXT NOT NULL,

    CONSTRAINT "ChildCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolPlacement" (
    "id" TEXT NOT NULL,
    "childCaseId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "kind" "PlacementKind" NOT NULL,
    "schoolName" TEXT NOT NULL,
    "municipality" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,

    CONSTRAINT "SchoolPlacement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BarnahusConsultation" (
    "id" TEXT NOT NULL,
    "childCaseId" TEXT NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT NOT NULL,
    "summary" TEXT NOT NULL,

    CONSTRAINT "BarnahusConsultation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChildCase_childId_idx" ON "ChildCase"("childId");

-- CreateIndex
CREATE INDEX "ChildCase_officerId_idx" ON "ChildCase"("officerId");

-- CreateIndex
CREATE INDEX "SchoolPlacement_childId_idx" ON "SchoolPlacement"("childId");

-- CreateIndex
CREATE INDEX "BarnahusConsultation_childCaseId_idx" ON "BarnahusConsultation"("childCaseId");

-- AddForeignKey
ALTER TABLE "SchoolPlacement" ADD CONSTRAINT "SchoolPlacement_childCaseId_fkey" FOREIGN KEY ("childCaseId") REFERENCES "ChildCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BarnahusConsultation" ADD CONSTRAINT "BarnahusConsultation_childCaseId_fkey" FOREIGN KEY ("childCaseId") REFERENCES "ChildCase"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
