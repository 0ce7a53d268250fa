CREATE TABLE "contact_assignments" (
	"house_node_id" integer PRIMARY KEY NOT NULL,
	"house_path" text NOT NULL,
	"community_id" integer NOT NULL,
	"contact_user_id" integer NOT NULL,
	"assigned_by" integer NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_opinions" (
	"id" serial PRIMARY KEY NOT NULL,
	"visit_id" integer NOT NULL,
	"text" text NOT NULL,
	"case_id" integer
);
--> statement-breakpoint
CREATE TABLE "contact_rounds" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"community_path" text NOT NULL,
	"no" integer NOT NULL,
	"title" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_visits" (
	"id" serial PRIMARY KEY NOT NULL,
	"round_id" integer NOT NULL,
	"house_node_id" integer NOT NULL,
	"house_path" text NOT NULL,
	"visitor_user_id" integer NOT NULL,
	"visited_on" date NOT NULL,
	"met_name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "contact_assignments_contact_idx" ON "contact_assignments" USING btree ("contact_user_id");--> statement-breakpoint
CREATE INDEX "contact_assignments_path_idx" ON "contact_assignments" USING btree ("house_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "contact_opinions_visit_idx" ON "contact_opinions" USING btree ("visit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contact_rounds_no_uq" ON "contact_rounds" USING btree ("community_id","no");--> statement-breakpoint
CREATE INDEX "contact_visits_round_house_idx" ON "contact_visits" USING btree ("round_id","house_node_id");--> statement-breakpoint
CREATE INDEX "contact_visits_house_idx" ON "contact_visits" USING btree ("house_node_id","visited_on");