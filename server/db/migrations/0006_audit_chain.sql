ALTER TABLE "audit_log" ADD COLUMN "xid" bigint DEFAULT (pg_current_xact_id()::text)::bigint NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "row_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "sealed_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_seq_uq" ON "audit_log" USING btree ("chain_seq");--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("xid","id") WHERE chain_seq is null;--> statement-breakpoint
-- The sealer may fill the seal columns once; nothing else may change, and nothing may be deleted.
CREATE FUNCTION gh_audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seal text[] := ARRAY['chain_seq', 'prev_hash', 'row_hash', 'sealed_at'];
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.chain_seq IS NULL AND OLD.prev_hash IS NULL AND OLD.row_hash IS NULL AND OLD.sealed_at IS NULL
     AND NEW.chain_seq IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.row_hash IS NOT NULL AND NEW.sealed_at IS NOT NULL
     AND (to_jsonb(NEW) - seal) = (to_jsonb(OLD) - seal) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
--> statement-breakpoint
DROP TRIGGER audit_log_append_only ON "audit_log";
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION gh_audit_log_guard();
