CREATE TABLE "case_categories" (
	"id" serial PRIMARY KEY NOT NULL,
	"parent_id" integer,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"default_level" text,
	"default_department_code" text,
	"accept_minutes" integer,
	"sign_minutes" integer,
	"handle_minutes" integer,
	"verify_minutes" integer,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_role" text,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"note" text,
	"photo_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_followers" (
	"case_id" bigint NOT NULL,
	"user_id" integer NOT NULL,
	"since" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_photos" (
	"id" serial PRIMARY KEY NOT NULL,
	"case_id" bigint,
	"uploaded_by" integer NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer,
	"height" integer,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_no" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"source" text NOT NULL,
	"state" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"category_id" integer,
	"reporter_user_id" integer,
	"reporter_name" text,
	"reporter_phone_enc" text,
	"entered_by_user_id" integer,
	"lng" double precision,
	"lat" double precision,
	"address" text,
	"component_id" text,
	"grid_id" integer,
	"community_id" integer NOT NULL,
	"street_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"dispatch_level" text,
	"department_id" integer,
	"assignee_node_id" integer,
	"due_at" timestamp with time zone,
	"step_started_at" timestamp with time zone,
	"deadline_notice" text DEFAULT 'none' NOT NULL,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"dispatched_at" timestamp with time zone,
	"handled_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"accepted_on_time" boolean,
	"handled_on_time" boolean,
	"closed_on_time" boolean,
	"rework_count" smallint DEFAULT 0 NOT NULL,
	"return_count" smallint DEFAULT 0 NOT NULL,
	"verify_passed" boolean,
	"score" smallint,
	"rating_comment" text,
	"merged_into_id" bigint,
	"state_reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"case_id" bigint,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "case_sla_overrides" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_id" integer NOT NULL,
	"node_id" integer NOT NULL,
	"accept_minutes" integer,
	"sign_minutes" integer,
	"handle_minutes" integer,
	"verify_minutes" integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX "case_categories_code_uq" ON "case_categories" USING btree ("code");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_followers_uq" ON "case_followers" USING btree ("case_id","user_id");--> statement-breakpoint
CREATE INDEX "case_followers_user_idx" ON "case_followers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "case_photos_case_idx" ON "case_photos" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_no_uq" ON "cases" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "cases_inbox_idx" ON "cases" USING btree ("state","scope_path" text_pattern_ops,"reported_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_scope_reported_idx" ON "cases" USING btree ("scope_path" text_pattern_ops,"reported_at");--> statement-breakpoint
CREATE INDEX "cases_department_idx" ON "cases" USING btree ("department_id","state","reported_at");--> statement-breakpoint
CREATE INDEX "cases_reporter_idx" ON "cases" USING btree ("reporter_user_id","reported_at");--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("due_at") WHERE "cases"."due_at" is not null;--> statement-breakpoint
CREATE INDEX "cases_location_idx" ON "cases" USING btree ("lng","lat");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_sla_overrides_uq" ON "case_sla_overrides" USING btree ("category_id","node_id");