-- CreateEnum
CREATE TYPE "Urgency" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'ACUTE');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'REJECTED', 'HOUSED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "TenancyStatus" AS ENUM ('ACTIVE', 'ENDED');

-- CreateTable
CREATE TABLE "HousingApplication" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "urgency" "Urgency" NOT NULL,
    "requestedArea" TEXT NOT NULL,
    "householdSize" INTEGER NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "handlerId" TEXT NOT NULL,

    CONSTRAINT "HousingApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Flat" (
    "id" TEXT NOT NULL,
    "streetAddress" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "rooms" INTEGER NOT NULL,
    "landlord" TEXT NOT NULL,

    CONSTRAINT "Flat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tenancy" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "flatId" TEXT NOT NULL,
    "administratorId" TEXT NOT NULL,
    "status" "TenancyStatus" NOT NULL DEFAULT 'ACTIVE',
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,

    CONSTRAINT "Tenancy_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HousingApplication_personId_idx" ON "HousingApplication"("personId");

-- CreateIndex
CREATE INDEX "HousingApplication_status_submittedAt_idx" ON "HousingApplication"("status", "submittedAt");

-- CreateIndex
CREATE INDEX "Tenancy_personId_idx" ON "Tenancy"("personId");

-- CreateIndex
CREATE INDEX "Tenancy_flatId_idx" ON "Tenancy"("flatId");

-- AddForeignKey
ALTER TABLE "Tenancy" ADD CONSTRAINT "Tenancy_flatId_fkey" FOREIGN KEY ("flatId") REFERENCES "Flat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
