-- Run after the migrations, every start (idempotent). Kept out of Prisma's migrations because
-- the engine's PostgreSQL path cannot split dollar-quoted bodies.
--
-- The audit trail is append-only. Two locks, either of which suffices:
-- 1. the role the hub writes with may INSERT and SELECT audit rows, never UPDATE or DELETE;
-- 2. a trigger refuses UPDATE and DELETE of audit rows for everyone, table owner included.
-- Whoever can bypass both (a superuser) still cannot do so undetected: the hash chain and the
-- signed checkpoints expose any change, removal, insertion or reordering (npm run audit:verify).

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'skyddsnat_audit_writer') THEN
    CREATE ROLE skyddsnat_audit_writer NOLOGIN;
  END IF;
END
$$;

DO $$
BEGIN
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO skyddsnat_audit_writer', current_schema());
END
$$;

DROP TRIGGER IF EXISTS "AuditRecord_append_only" ON "AuditRecord";
DROP TRIGGER IF EXISTS "Checkpoint_append_only" ON "Checkpoint";

GRANT SELECT, INSERT ON "AuditRecord" TO skyddsnat_audit_writer;
GRANT SELECT, INSERT ON "Checkpoint" TO skyddsnat_audit_writer;
GRANT SELECT, INSERT, UPDATE ON "ChainHead" TO skyddsnat_audit_writer;
-- Reviews update a grant; the grant's audit records themselves stay untouched.
GRANT SELECT, INSERT, UPDATE ON "EmergencyGrant" TO skyddsnat_audit_writer;
GRANT SELECT ON "_prisma_migrations" TO skyddsnat_audit_writer;

CREATE OR REPLACE FUNCTION skyddsnat_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit records are append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditRecord_append_only" BEFORE UPDATE OR DELETE ON "AuditRecord"
  FOR EACH ROW EXECUTE FUNCTION skyddsnat_audit_append_only();
CREATE TRIGGER "Checkpoint_append_only" BEFORE UPDATE OR DELETE ON "Checkpoint"
  FOR EACH ROW EXECUTE FUNCTION skyddsnat_audit_append_only();

INSERT INTO "ChainHead" (id, seq, hash) VALUES (1, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
