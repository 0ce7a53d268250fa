CREATE TABLE "open311_keys" (
	"id" serial PRIMARY KEY NOT NULL,
	"client_name" text NOT NULL,
	"key_hash" text NOT NULL,
	"key_prefix" text NOT NULL,
	"intake_community_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"rate_per_minute" integer DEFAULT 60 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "open311_rate_counters" (
	"key_id" integer NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "open311_rate_counters_key_id_minute_pk" PRIMARY KEY("key_id","minute")
);
--> statement-breakpoint
CREATE TABLE "open311_requests" (
	"case_id" bigint PRIMARY KEY NOT NULL,
	"key_id" integer NOT NULL,
	"token" text NOT NULL,
	"service_code" text NOT NULL,
	"reporter_enc" text,
	"media_url" text,
	"address_id" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "open311_keys_hash_uq" ON "open311_keys" USING btree ("key_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "open311_requests_token_uq" ON "open311_requests" USING btree ("token");