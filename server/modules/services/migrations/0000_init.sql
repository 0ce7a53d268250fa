CREATE TABLE "booking_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"booking_id" integer NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" integer NOT NULL,
	"to_user_id" integer,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bookings" (
	"id" serial PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"service_item_id" integer NOT NULL,
	"slot_id" integer,
	"resident_user_id" integer NOT NULL,
	"requested_by" integer NOT NULL,
	"community_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"note" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"responsible_user_id" integer,
	"rating" integer,
	"rating_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bookings_rating_ck" CHECK ("bookings"."rating" is null or "bookings"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "service_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"department_name" text NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"time_limit_days" integer NOT NULL,
	"fee" text DEFAULT '免费' NOT NULL,
	"where_when" text NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"proxy" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_slots" (
	"id" serial PRIMARY KEY NOT NULL,
	"station_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "service_slots_capacity_ck" CHECK ("service_slots"."booked" >= 0 and "service_slots"."booked" <= "service_slots"."capacity")
);
--> statement-breakpoint
CREATE TABLE "service_stations" (
	"id" serial PRIMARY KEY NOT NULL,
	"community_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"opening_hours" jsonb NOT NULL,
	"slot_minutes" integer NOT NULL,
	"capacity_per_slot" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "booking_events_booking_idx" ON "booking_events" USING btree ("booking_id","id");--> statement-breakpoint
CREATE INDEX "bookings_scope_idx" ON "bookings" USING btree ("scope_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "bookings_resident_idx" ON "bookings" USING btree ("resident_user_id");--> statement-breakpoint
CREATE INDEX "bookings_slot_idx" ON "bookings" USING btree ("slot_id");--> statement-breakpoint
CREATE INDEX "service_items_scope_idx" ON "service_items" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "service_items_name_uq" ON "service_items" USING btree ("community_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "service_slots_uq" ON "service_slots" USING btree ("station_id","starts_at");--> statement-breakpoint
CREATE INDEX "service_stations_scope_idx" ON "service_stations" USING btree ("scope_path" text_pattern_ops);