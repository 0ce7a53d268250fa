CREATE TABLE "device_alarms" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"device_id" integer NOT NULL,
	"message_id" text NOT NULL,
	"alarm_type" text NOT NULL,
	"level" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"case_id" integer NOT NULL,
	"outcome" text NOT NULL,
	"payload" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "devices" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"node_id" integer NOT NULL,
	"grid_id" integer,
	"community_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"address" text NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"gateway_user_id" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_alarm_at" timestamp with time zone,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "devices_kind_ck" CHECK (kind in ('smoke','gas','fire_panel','elderly_sos','elderly_fall','elderly_inactivity'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "device_alarms_message_uq" ON "device_alarms" USING btree ("device_id","message_id");--> statement-breakpoint
CREATE INDEX "device_alarms_device_idx" ON "device_alarms" USING btree ("device_id","id");--> statement-breakpoint
CREATE INDEX "device_alarms_case_idx" ON "device_alarms" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_code_uq" ON "devices" USING btree ("code");--> statement-breakpoint
CREATE INDEX "devices_scope_idx" ON "devices" USING btree ("scope_path" text_pattern_ops,"id");