-- Run after the migrations, every start (idempotent), by the owner. Kept out of Prisma's
-- migrations because the engine's PostgreSQL path cannot split dollar-quoted bodies.
--
-- The audit trail is append-only. Three locks:
-- 1. the writer logs in as a role of its own that may INSERT and SELECT records, move the head,
--    insert grants and fill in a review once; it owns nothing, is no superuser and is a member of
--    no role that is, so it can neither change nor delete a record nor disable a trigger;
-- 2. triggers refuse UPDATE, DELETE and TRUNCATE of records and tree heads for everyone, the
--    owner included (grants: the writer may only fill in a review; see grants.ts for the rest);
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
-- A review fills in these once (the trigger below); the grant's own columns stay as granted.
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

INSERT INTO "ChainHead" (id, seq, hash) VALUES (1, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
