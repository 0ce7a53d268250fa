CREATE TABLE "party_alerts" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"branch_org_id" integer NOT NULL,
	"period_key" text NOT NULL,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"target" integer NOT NULL,
	"expected" integer NOT NULL,
	"reminded_at" timestamp with time zone,
	"reminded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_commitments" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"year" integer NOT NULL,
	"content" text NOT NULL,
	"state" text DEFAULT 'published' NOT NULL,
	"note" text,
	"marked_by" integer,
	"marked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_honor_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"month" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"confirmed_by" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_member_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"post_id" integer NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"name" text NOT NULL,
	"kind" text DEFAULT 'regular' NOT NULL,
	"duty" text DEFAULT 'member' NOT NULL,
	"branch_org_id" integer NOT NULL,
	"branch_path" text NOT NULL,
	"home_community_id" integer NOT NULL,
	"home_node_id" integer,
	"home_path" text,
	"work_unit" text,
	"registered_community_id" integer,
	"registered_path" text,
	"registration_state" text,
	"joined_on" date DEFAULT current_date NOT NULL,
	"left_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_members_kind_ck" CHECK ("party_members"."kind" in ('regular','in_service','retired','floating'))
);
--> statement-breakpoint
CREATE TABLE "party_points" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"branch_org_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"item" text NOT NULL,
	"points" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"note" text,
	"evidence" text,
	"entered_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"community_path" text NOT NULL,
	"name" text NOT NULL,
	"duties" text DEFAULT '' NOT NULL,
	"period" text NOT NULL,
	"target_points" integer NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "party_service_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"post_id" integer NOT NULL,
	"community_id" integer NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"source_kind" text NOT NULL,
	"points" integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "party_alerts_uq" ON "party_alerts" USING btree ("member_id","period_key","kind");--> statement-breakpoint
CREATE INDEX "party_alerts_branch_idx" ON "party_alerts" USING btree ("branch_org_id","created_at");--> statement-breakpoint
CREATE INDEX "party_commitments_member_idx" ON "party_commitments" USING btree ("member_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "party_honor_lists_uq" ON "party_honor_lists" USING btree ("scope_kind","scope_id","month");--> statement-breakpoint
CREATE UNIQUE INDEX "party_member_posts_uq" ON "party_member_posts" USING btree ("member_id","post_id");--> statement-breakpoint
CREATE UNIQUE INDEX "party_members_user_uq" ON "party_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "party_members_branch_idx" ON "party_members" USING btree ("branch_org_id");--> statement-breakpoint
CREATE INDEX "party_members_branch_path_idx" ON "party_members" USING btree ("branch_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_members_registered_path_idx" ON "party_members" USING btree ("registered_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "party_members_home_path_idx" ON "party_members" USING btree ("home_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "party_points_source_uq" ON "party_points" USING btree ("member_id","source_kind","source_id","item");--> statement-breakpoint
CREATE INDEX "party_points_member_idx" ON "party_points" USING btree ("member_id","occurred_at");--> statement-breakpoint
CREATE INDEX "party_points_branch_month_idx" ON "party_points" USING btree ("branch_org_id","occurred_at","member_id","points");--> statement-breakpoint
CREATE INDEX "party_points_community_month_idx" ON "party_points" USING btree ("community_id","occurred_at","member_id","points");--> statement-breakpoint
CREATE UNIQUE INDEX "party_posts_community_name_uq" ON "party_posts" USING btree ("community_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "party_service_items_code_uq" ON "party_service_items" USING btree ("community_id","code");--> statement-breakpoint
CREATE INDEX "party_service_items_source_idx" ON "party_service_items" USING btree ("community_id","source_kind");