CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid_assignments" (
	"id" serial PRIMARY KEY NOT NULL,
	"grid_node_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"assigned_by" integer,
	"note" text
);
--> statement-breakpoint
ALTER TABLE "org_nodes" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "party_orgs" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "created_by" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "password_changed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_secret" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "totp_enabled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "verification_state" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "verification_note" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "verified_by" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "person_id" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "grid_assignments_open_uq" ON "grid_assignments" USING btree ("grid_node_id") WHERE "grid_assignments"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "grid_assignments_grid_idx" ON "grid_assignments" USING btree ("grid_node_id","started_at");--> statement-breakpoint
CREATE INDEX "grid_assignments_user_idx" ON "grid_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "users_verification_idx" ON "users" USING btree ("verification_state","scope_node_id");--> statement-breakpoint
-- Existing grid workers become their grid's open assignment (the earliest account per grid).
INSERT INTO "grid_assignments" ("grid_node_id", "user_id", "started_at")
SELECT DISTINCT ON (u."scope_node_id") u."scope_node_id", u."id", u."created_at"
FROM "users" u JOIN "org_nodes" n ON n."id" = u."scope_node_id" AND n."level" = 'grid'
WHERE u."role" = 'grid_worker' AND u."disabled_at" IS NULL
ORDER BY u."scope_node_id", u."id";
