-- Run after the migrations, every start (idempotent), by the owner. Kept out of Prisma's
-- migrations because the engine's PostgreSQL path cannot split dollar-quoted bodies.
--
-- The audit trail is append-only. Three locks:
-- 1. the writer logs in as a role of its own that may INSERT and SELECT records, move the head,
--    insert emergency requests and fill in a decision and a review once; it owns nothing, is no superuser and is a member of
--    no role that is, so it can neither change nor delete a record nor disable a trigger;
-- 2. triggers refuse UPDATE, DELETE and TRUNCATE of records and tree heads for everyone, the
--    owner included (emergency grants: decided once, reviewed once; see grants.ts for the rest);
-- 3. whoever can bypass both (a superuser, the owner disabling triggers) still cannot do so
--    unnoticed: the hash chain, the Merkle tree heads published to a witness outside this
--    database, and the grants' digests in the chain expose it (npm run audit:verify).
-- The verifier logs in as a reader role that may only SELECT.

-- Replicas start at the same time: one lock-down at a time, or concurrent GRANTs on the same
-- roles fail with "tuple concurrently updated". The file runs as one implicit transaction, which
-- holds this lock to its end.
SELECT pg_advisory_xact_lock(hashtext('skyddsnat.audit.lock-down'));

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'skyddsnat_audit_writer') THEN
    CREATE ROLE skyddsnat_audit_writer LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
  ELSIF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'skyddsnat_audit_writer') THEN
    ALTER ROLE skyddsnat_audit_writer LOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'skyddsnat_audit_reader') THEN
    CREATE ROLE skyddsnat_audit_reader LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  -- Bounded waits: a locked or slow store fails the append quickly and the gateway withholds
  -- the protected fields (AUDIT_UNAVAILABLE) instead of holding the request.
  ALTER ROLE skyddsnat_audit_writer SET lock_timeout = '500ms';
  ALTER ROLE skyddsnat_audit_writer SET statement_timeout = '1500ms';
  ALTER ROLE skyddsnat_audit_writer SET idle_in_transaction_session_timeout = '5s';
EXCEPTION WHEN insufficient_privilege THEN
  -- An owner without CREATEROLE: the roles are the DBA's to create (see the gateway's README).
  RAISE NOTICE 'audit roles left as they are: %', SQLERRM;
END
$$;

DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO skyddsnat_audit_writer, skyddsnat_audit_reader', current_schema());
END
$$;

-- Exactly these rights, whatever an older version granted.
REVOKE ALL ON "AuditRecord", "Checkpoint", "ChainHead", "EmergencyGrant", "_prisma_migrations" FROM skyddsnat_audit_writer, skyddsnat_audit_reader;
GRANT SELECT, INSERT ON "AuditRecord" TO skyddsnat_audit_writer;
GRANT SELECT, INSERT ON "Checkpoint" TO skyddsnat_audit_writer;
GRANT SELECT, UPDATE (seq, hash) ON "ChainHead" TO skyddsnat_audit_writer;
GRANT SELECT, INSERT ON "EmergencyGrant" TO skyddsnat_audit_writer;
-- A decision fills in the decision's columns once, a review the review's (the trigger below); the
-- request's own columns stay as asked.
GRANT UPDATE (status, "decidedBy", "decidedAt", ground, "expiresAt", "decisionNote") ON "EmergencyGrant" TO skyddsnat_audit_writer;
GRANT UPDATE ("reviewedBy", "reviewedAt", outcome, "reviewNote") ON "EmergencyGrant" TO skyddsnat_audit_writer;
GRANT SELECT ON "_prisma_migrations" TO skyddsnat_audit_writer;
GRANT SELECT ON "AuditRecord", "Checkpoint", "ChainHead", "EmergencyGrant", "_prisma_migrations" TO skyddsnat_audit_reader;

DROP TRIGGER IF EXISTS "AuditRecord_append_only" ON "AuditRecord";
DROP TRIGGER IF EXISTS "Checkpoint_append_only" ON "Checkpoint";
DROP TRIGGER IF EXISTS "AuditRecord_no_truncate" ON "AuditRecord";
DROP TRIGGER IF EXISTS "Checkpoint_no_truncate" ON "Checkpoint";

CREATE OR REPLACE FUNCTION skyddsnat_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditRecord_append_only" BEFORE UPDATE OR DELETE ON "AuditRecord"
  FOR EACH ROW EXECUTE FUNCTION skyddsnat_audit_append_only();
CREATE TRIGGER "Checkpoint_append_only" BEFORE UPDATE OR DELETE ON "Checkpoint"
  FOR EACH ROW EXECUTE FUNCTION skyddsnat_audit_append_only();
CREATE TRIGGER "AuditRecord_no_truncate" BEFORE TRUNCATE ON "AuditRecord"
  FOR EACH STATEMENT EXECUTE FUNCTION skyddsnat_audit_append_only();
CREATE TRIGGER "Checkpoint_no_truncate" BEFORE TRUNCATE ON "Checkpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION skyddsnat_audit_append_only();

-- An emergency request is decided once (PENDING to GRANTED or REFUSED) and reviewed once; what was
-- asked never changes. For everyone, the owner included; who bypasses triggers is still caught by
-- the grants' digests in the chain (grants.ts).
CREATE OR REPLACE FUNCTION skyddsnat_emergency_write_once() RETURNS trigger AS $$
BEGIN
  IF (NEW.id, NEW."staffId", NEW.agency, NEW.role, NEW."subjectId", NEW.reason, NEW."requestedAt")
     IS DISTINCT FROM (OLD.id, OLD."staffId", OLD.agency, OLD.role, OLD."subjectId", OLD.reason, OLD."requestedAt") THEN
    RAISE EXCEPTION 'an emergency request is never changed' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.status, NEW."decidedBy", NEW."decidedAt", NEW.ground, NEW."expiresAt", NEW."decisionNote")
     IS DISTINCT FROM (OLD.status, OLD."decidedBy", OLD."decidedAt", OLD.ground, OLD."expiresAt", OLD."decisionNote")
     AND (OLD.status <> 'PENDING' OR NEW.status NOT IN ('GRANTED', 'REFUSED')) THEN
    RAISE EXCEPTION 'an emergency request is decided once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW."reviewedBy", NEW."reviewedAt", NEW.outcome, NEW."reviewNote")
     IS DISTINCT FROM (OLD."reviewedBy", OLD."reviewedAt", OLD.outcome, OLD."reviewNote")
     AND OLD."reviewedAt" IS NOT NULL THEN
    RAISE EXCEPTION 'an emergency disclosure is reviewed once' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS "EmergencyGrant_write_once" ON "EmergencyGrant";
CREATE TRIGGER "EmergencyGrant_write_once" BEFORE UPDATE ON "EmergencyGrant"
  FOR EACH ROW EXECUTE FUNCTION skyddsnat_emergency_write_once();

INSERT INTO "ChainHead" (id, seq, hash) VALUES (1, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
