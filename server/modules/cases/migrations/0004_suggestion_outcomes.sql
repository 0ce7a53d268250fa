CREATE TABLE "case_suggestion_outcomes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"action" text NOT NULL,
	"category_id" integer NOT NULL,
	"previous_category_id" integer,
	"suggested_category_id" integer,
	"suggested_confidence" double precision,
	"took_suggestion" boolean,
	"scope_path" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "case_suggestion_outcomes_case_idx" ON "case_suggestion_outcomes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_suggestion_outcomes_scope_at_idx" ON "case_suggestion_outcomes" USING btree ("scope_path" text_pattern_ops,"at");