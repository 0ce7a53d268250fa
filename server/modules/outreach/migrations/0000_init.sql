CREATE TABLE "outreach_households" (
	"member_id" integer PRIMARY KEY NOT NULL,
	"user_id" integer,
	"house_node_id" integer NOT NULL,
	"house_path" text NOT NULL,
	"community_id" integer NOT NULL,
	"opted_in_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_zone_buildings" (
	"building_node_id" integer PRIMARY KEY NOT NULL,
	"zone_id" integer NOT NULL,
	"building_path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_zones" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"community_path" text NOT NULL,
	"name" text NOT NULL,
	"responsibility_member_id" integer NOT NULL,
	"service_user_id" integer NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outreach_households_community_idx" ON "outreach_households" USING btree ("community_id");--> statement-breakpoint
CREATE INDEX "outreach_zone_buildings_zone_idx" ON "outreach_zone_buildings" USING btree ("zone_id");--> statement-breakpoint
CREATE INDEX "outreach_zone_buildings_path_idx" ON "outreach_zone_buildings" USING btree ("building_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "outreach_zones_name_uq" ON "outreach_zones" USING btree ("community_id","name");