CREATE TABLE "volunteer_activities" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer,
	"community_id" integer NOT NULL,
	"community_path" text NOT NULL,
	"title" text NOT NULL,
	"place" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"confirmed_count" integer DEFAULT 0 NOT NULL,
	"checkin_code" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_signups" (
	"id" serial PRIMARY KEY NOT NULL,
	"activity_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"user_name" text NOT NULL,
	"status" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_out_at" timestamp with time zone,
	"minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "volunteer_teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"community_path" text NOT NULL,
	"name" text NOT NULL,
	"leader_user_id" integer,
	"leader_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "volunteer_activities_path_idx" ON "volunteer_activities" USING btree ("community_path" text_pattern_ops,"starts_at");--> statement-breakpoint
CREATE INDEX "volunteer_activities_team_idx" ON "volunteer_activities" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_signups_uq" ON "volunteer_signups" USING btree ("activity_id","user_id");--> statement-breakpoint
CREATE INDEX "volunteer_signups_user_idx" ON "volunteer_signups" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "volunteer_teams_name_uq" ON "volunteer_teams" USING btree ("community_id","name");--> statement-breakpoint
CREATE INDEX "volunteer_teams_path_idx" ON "volunteer_teams" USING btree ("community_path" text_pattern_ops);