CREATE TABLE "cadre_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"node_id" integer NOT NULL,
	"node_path" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"started_on" date NOT NULL,
	"ended_on" date,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cadre_posts_dates_ck" CHECK ("cadre_posts"."ended_on" is null or "cadre_posts"."ended_on" >= "cadre_posts"."started_on")
);
--> statement-breakpoint
CREATE TABLE "cadre_reserve" (
	"id" serial PRIMARY KEY NOT NULL,
	"cadre_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"target_kind" text NOT NULL,
	"state" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cadre_reserve_state_ck" CHECK ("cadre_reserve"."state" in ('candidate','training','ready','appointed','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "cadres" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_year" integer,
	"phone" text,
	"party_member" boolean DEFAULT false NOT NULL,
	"unit" text NOT NULL,
	"external" boolean DEFAULT false NOT NULL,
	"node_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grid_forces" (
	"id" serial PRIMARY KEY NOT NULL,
	"grid_node_id" integer NOT NULL,
	"grid_path" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"phone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "grid_forces_role_ck" CHECK ("grid_forces"."role" in ('police','market','enforcement','property','other'))
);
--> statement-breakpoint
CREATE INDEX "cadre_posts_node_path_idx" ON "cadre_posts" USING btree ("node_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cadre_posts_cadre_idx" ON "cadre_posts" USING btree ("cadre_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_posts_open_uq" ON "cadre_posts" USING btree ("node_id","kind","cadre_id") WHERE "cadre_posts"."ended_on" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_posts_single_uq" ON "cadre_posts" USING btree ("node_id","kind") WHERE "cadre_posts"."ended_on" is null and "cadre_posts"."kind" in ('first_secretary','estate_secretary');--> statement-breakpoint
CREATE UNIQUE INDEX "cadre_reserve_cadre_uq" ON "cadre_reserve" USING btree ("cadre_id");--> statement-breakpoint
CREATE INDEX "cadre_reserve_scope_idx" ON "cadre_reserve" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "cadres_scope_idx" ON "cadres" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "grid_forces_grid_idx" ON "grid_forces" USING btree ("grid_node_id") WHERE "grid_forces"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "grid_forces_path_idx" ON "grid_forces" USING btree ("grid_path" text_pattern_ops);