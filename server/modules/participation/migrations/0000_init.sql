CREATE TABLE "participation_consultation_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"consultation_id" integer NOT NULL,
	"name" text NOT NULL,
	"storage_key" text NOT NULL,
	"bytes" integer NOT NULL,
	"mime" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"consultation_id" integer NOT NULL,
	"author_user_id" integer NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"hidden_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_consultations" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"response_summary" text,
	"responded_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participation_consultations_window_ck" CHECK ("participation_consultations"."closes_at" > "participation_consultations"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "participation_portal_intros" (
	"community_id" integer PRIMARY KEY NOT NULL,
	"intro" text NOT NULL,
	"updated_by" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_survey_responses" (
	"id" serial PRIMARY KEY NOT NULL,
	"survey_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_surveys" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"title" text NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"questions" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participation_surveys_window_ck" CHECK ("participation_surveys"."closes_at" > "participation_surveys"."opens_at")
);
--> statement-breakpoint
CREATE TABLE "participation_vote_ballots" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"cast_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_vote_choices" (
	"ballot_id" integer NOT NULL,
	"round_id" integer NOT NULL,
	"project_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_vote_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"title" text NOT NULL,
	"budget_yuan" integer NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_vote_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"votes_per_resident" integer NOT NULL,
	"budget_cap_yuan" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participation_vote_rounds_window_ck" CHECK ("participation_vote_rounds"."closes_at" > "participation_vote_rounds"."opens_at"),
	CONSTRAINT "participation_vote_rounds_k_ck" CHECK ("participation_vote_rounds"."votes_per_resident" between 1 and 10)
);
--> statement-breakpoint
CREATE INDEX "participation_attachments_consultation_idx" ON "participation_consultation_attachments" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "participation_comments_consultation_idx" ON "participation_comments" USING btree ("consultation_id","created_at");--> statement-breakpoint
CREATE INDEX "participation_consultations_scope_idx" ON "participation_consultations" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "participation_survey_responses_uq" ON "participation_survey_responses" USING btree ("survey_id","user_id");--> statement-breakpoint
CREATE INDEX "participation_surveys_scope_idx" ON "participation_surveys" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "participation_vote_ballots_uq" ON "participation_vote_ballots" USING btree ("round_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_vote_choices_uq" ON "participation_vote_choices" USING btree ("ballot_id","project_id");--> statement-breakpoint
CREATE INDEX "participation_vote_choices_project_idx" ON "participation_vote_choices" USING btree ("round_id","project_id");--> statement-breakpoint
CREATE INDEX "participation_vote_projects_round_idx" ON "participation_vote_projects" USING btree ("round_id");--> statement-breakpoint
CREATE INDEX "participation_vote_rounds_scope_idx" ON "participation_vote_rounds" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
-- A closed round is immutable whatever the code path: no ballot may enter it, and cast ballots and their choices never change.
CREATE FUNCTION participation_ballot_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'participation ballots are cast once and never changed' USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM participation_vote_rounds r WHERE r.id = NEW.round_id AND (r.closed_at IS NOT NULL OR r.closes_at <= now())) THEN
    RAISE EXCEPTION 'vote round % is closed', NEW.round_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER participation_vote_ballots_guard BEFORE INSERT OR UPDATE OR DELETE ON participation_vote_ballots FOR EACH ROW EXECUTE FUNCTION participation_ballot_guard();--> statement-breakpoint
CREATE TRIGGER participation_vote_choices_guard BEFORE INSERT OR UPDATE OR DELETE ON participation_vote_choices FOR EACH ROW EXECUTE FUNCTION participation_ballot_guard();--> statement-breakpoint
-- Project lists of a closed round do not change either.
CREATE FUNCTION participation_project_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE rid integer := COALESCE(NEW.round_id, OLD.round_id);
BEGIN
  IF EXISTS (SELECT 1 FROM participation_vote_rounds r WHERE r.id = rid AND (r.closed_at IS NOT NULL OR r.closes_at <= now())) THEN
    RAISE EXCEPTION 'vote round % is closed', rid USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;--> statement-breakpoint
CREATE TRIGGER participation_vote_projects_guard BEFORE INSERT OR UPDATE OR DELETE ON participation_vote_projects FOR EACH ROW EXECUTE FUNCTION participation_project_guard();
