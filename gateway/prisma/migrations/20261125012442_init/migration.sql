-- CreateTable
CREATE TABLE "AuditRecord" (
    "seq" BIGINT NOT NULL,
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "actorStaffId" TEXT,
    "actorAgency" TEXT,
    "actorRole" TEXT,
    "actorIssuer" TEXT,
    "clientId" TEXT,
    "purpose" TEXT,
    "subjectId" TEXT,
    "fieldPaths" TEXT[],
    "decision" TEXT NOT NULL,
    "reason" TEXT,
    "rule" TEXT,
    "emergency" BOOLEAN NOT NULL DEFAULT false,
    "operationHash" TEXT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditRecord_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "ChainHead" (
    "id" INTEGER NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "ChainHead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Checkpoint" (
    "id" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "jws" TEXT NOT NULL,

    CONSTRAINT "Checkpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmergencyGrant" (
    "id" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "agency" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "grantedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "reviewedBy" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "outcome" TEXT,
    "reviewNote" TEXT,

    CONSTRAINT "EmergencyGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditRecord_id_key" ON "AuditRecord"("id");

-- CreateIndex
CREATE INDEX "AuditRecord_subjectId_at_idx" ON "AuditRecord"("subjectId", "at");

-- CreateIndex
CREATE INDEX "AuditRecord_actorStaffId_at_idx" ON "AuditRecord"("actorStaffId", "at");

-- CreateIndex
CREATE INDEX "AuditRecord_at_idx" ON "AuditRecord"("at");

-- CreateIndex
CREATE INDEX "Checkpoint_seq_idx" ON "Checkpoint"("seq");

-- CreateIndex
CREATE INDEX "EmergencyGrant_staffId_expiresAt_idx" ON "EmergencyGrant"("staffId", "expiresAt");

-- CreateIndex
CREATE INDEX "EmergencyGrant_reviewedAt_idx" ON "EmergencyGrant"("reviewedAt");
