CREATE TABLE "patrol_check_ins" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"grid_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"lng" double precision,
	"lat" double precision
);
--> statement-breakpoint
CREATE TABLE "patrol_findings" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"grid_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"description" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"case_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_members" (
	"plan_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"department_id" integer,
	CONSTRAINT "patrol_members_plan_id_user_id_pk" PRIMARY KEY("plan_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "patrol_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"scope_node_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"note" text,
	"organiser_user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patrol_plans_status_ck" CHECK (status in ('planned','in_progress','done','cancelled')),
	CONSTRAINT "patrol_plans_window_ck" CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE TABLE "patrol_route_grids" (
	"plan_id" integer NOT NULL,
	"grid_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "patrol_route_grids_plan_id_grid_id_pk" PRIMARY KEY("plan_id","grid_id")
);
--> statement-breakpoint
ALTER TABLE "patrol_check_ins" ADD CONSTRAINT "patrol_check_ins_plan_id_patrol_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."patrol_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_findings" ADD CONSTRAINT "patrol_findings_plan_id_patrol_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."patrol_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_members" ADD CONSTRAINT "patrol_members_plan_id_patrol_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."patrol_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_route_grids" ADD CONSTRAINT "patrol_route_grids_plan_id_patrol_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."patrol_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_check_ins_uq" ON "patrol_check_ins" USING btree ("plan_id","grid_id","user_id");--> statement-breakpoint
CREATE INDEX "patrol_findings_plan_idx" ON "patrol_findings" USING btree ("plan_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_findings_case_uq" ON "patrol_findings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "patrol_members_user_idx" ON "patrol_members" USING btree ("user_id","plan_id");--> statement-breakpoint
CREATE INDEX "patrol_plans_scope_idx" ON "patrol_plans" USING btree ("scope_path" text_pattern_ops,"starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_route_position_uq" ON "patrol_route_grids" USING btree ("plan_id","position");