-- Emergency disclosure by the holding agency (two people): a request is PENDING until social
-- services' on-call grants it for a ground and a time, or refuses it. Written by hand to keep the
-- grants made before this rule: their grant time becomes the decision time (and the request time),
-- and they are SELF_GRANTED, so the verifier still checks them against the digest they were
-- recorded with, while the gateway honours only grants decided by someone else.

-- AlterTable
ALTER TABLE "EmergencyGrant" RENAME COLUMN "grantedAt" TO "decidedAt";
ALTER TABLE "EmergencyGrant" ALTER COLUMN "decidedAt" DROP NOT NULL,
ADD COLUMN     "decidedBy" TEXT,
ADD COLUMN     "decisionNote" TEXT,
ADD COLUMN     "ground" TEXT,
ADD COLUMN     "requestedAt" TIMESTAMP(3),
ADD COLUMN     "status" TEXT,
ALTER COLUMN "expiresAt" DROP NOT NULL;

UPDATE "EmergencyGrant" SET "requestedAt" = "decidedAt", "status" = 'SELF_GRANTED';

ALTER TABLE "EmergencyGrant" ALTER COLUMN "requestedAt" SET NOT NULL,
ALTER COLUMN "status" SET NOT NULL;

-- CreateIndex
CREATE INDEX "EmergencyGrant_status_requestedAt_idx" ON "EmergencyGrant"("status", "requestedAt");
