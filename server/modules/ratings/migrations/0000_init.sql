CREATE TABLE "department_votes" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"department_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"voter_user_id" integer NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "department_votes_score_ck" CHECK ("department_votes"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "property_companies" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"street_id" integer NOT NULL,
	"street_path" text NOT NULL,
	"contact_name" text
);
--> statement-breakpoint
CREATE TABLE "property_company_estates" (
	"estate_node_id" integer PRIMARY KEY NOT NULL,
	"company_id" integer NOT NULL,
	"estate_path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "property_ratings" (
	"id" serial PRIMARY KEY NOT NULL,
	"company_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"month" text NOT NULL,
	"score" integer NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "property_ratings_score_ck" CHECK ("property_ratings"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "rating_results" (
	"id" serial PRIMARY KEY NOT NULL,
	"run_id" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" integer NOT NULL,
	"subject_name" text NOT NULL,
	"subject_path" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"score" double precision NOT NULL,
	"outcome" text NOT NULL,
	"adjusted_outcome" text,
	"adjust_reason" text,
	"adjusted_by" integer
);
--> statement-breakpoint
CREATE TABLE "rating_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"street_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"formula_version" text NOT NULL,
	"formula" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "star_rating_configs" (
	"street_id" integer PRIMARY KEY NOT NULL,
	"indicators" jsonb NOT NULL,
	"updated_by" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "department_votes_uq" ON "department_votes" USING btree ("year","department_id","community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "property_companies_name_uq" ON "property_companies" USING btree ("street_id","name");--> statement-breakpoint
CREATE INDEX "property_company_estates_company_idx" ON "property_company_estates" USING btree ("company_id");--> statement-breakpoint
CREATE UNIQUE INDEX "property_ratings_uq" ON "property_ratings" USING btree ("company_id","user_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_results_uq" ON "rating_results" USING btree ("run_id","subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "rating_runs_scope_idx" ON "rating_runs" USING btree ("scope_path" text_pattern_ops,"kind","period");