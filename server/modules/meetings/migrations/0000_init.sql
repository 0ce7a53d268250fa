CREATE TABLE "agenda_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"position" integer NOT NULL,
	"source" text NOT NULL,
	"case_id" integer,
	"proposed_by" integer,
	"title" text NOT NULL,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "decision_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"decision_id" integer NOT NULL,
	"step" integer NOT NULL,
	"kind" text NOT NULL,
	"meeting_id" integer,
	"votes_for" integer,
	"votes_against" integer,
	"votes_abstain" integer,
	"note" text NOT NULL,
	"recorded_by" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"steps_done" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_invitees" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"user_id" integer,
	"unit_name" text,
	"display_name" text NOT NULL,
	"party_org_id" integer,
	"attendance" text DEFAULT 'pending' NOT NULL,
	"marked_at" timestamp with time zone,
	CONSTRAINT "meeting_invitees_who_ck" CHECK (("meeting_invitees"."user_id" is not null) <> ("meeting_invitees"."unit_name" is not null))
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"node_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"minutes" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_status_ck" CHECK ("meetings"."status" in ('planned','held','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"agenda_item_id" integer,
	"scope_path" text NOT NULL,
	"text" text NOT NULL,
	"owner_user_id" integer,
	"owner_name" text NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"done_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "agenda_items_meeting_idx" ON "agenda_items" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_items_case_uq" ON "agenda_items" USING btree ("meeting_id","case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_steps_uq" ON "decision_steps" USING btree ("decision_id","step");--> statement-breakpoint
CREATE INDEX "decisions_scope_idx" ON "decisions" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "meeting_invitees_meeting_idx" ON "meeting_invitees" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_invitees_user_idx" ON "meeting_invitees" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_invitees_user_uq" ON "meeting_invitees" USING btree ("meeting_id","user_id");--> statement-breakpoint
CREATE INDEX "meetings_scope_idx" ON "meetings" USING btree ("scope_path" text_pattern_ops,"starts_at");--> statement-breakpoint
CREATE INDEX "resolutions_meeting_idx" ON "resolutions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "resolutions_open_idx" ON "resolutions" USING btree ("scope_path" text_pattern_ops,"due_on") WHERE "resolutions"."status" = 'open';