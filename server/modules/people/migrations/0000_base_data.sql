CREATE TABLE "people_care_tags" (
	"name" text PRIMARY KEY NOT NULL,
	"active" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_components" (
	"id" serial PRIMARY KEY NOT NULL,
	"component_code" text NOT NULL,
	"major" text NOT NULL,
	"minor" text NOT NULL,
	"name" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"state" text NOT NULL,
	"owner_unit" text,
	"maintainer_unit" text,
	"grid_node_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_entities" (
	"id" serial PRIMARY KEY NOT NULL,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"legal_rep" text,
	"address" text,
	"grid_node_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"employees" integer,
	"search_tokens" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_header_mappings" (
	"kind" text NOT NULL,
	"header" text NOT NULL,
	"field" text NOT NULL,
	CONSTRAINT "people_header_mappings_kind_header_pk" PRIMARY KEY("kind","header")
);
--> statement-breakpoint
CREATE TABLE "people_houses" (
	"house_node_id" integer PRIMARY KEY NOT NULL,
	"scope_path" text NOT NULL,
	"use" text NOT NULL,
	"area_m2" numeric,
	"owner_name" text,
	"address" text NOT NULL,
	"search_tokens" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_import_errors" (
	"import_id" integer NOT NULL,
	"row_no" integer NOT NULL,
	"column_name" text NOT NULL,
	"value" text,
	"reason" text NOT NULL,
	CONSTRAINT "people_import_errors_import_id_row_no_column_name_pk" PRIMARY KEY("import_id","row_no","column_name")
);
--> statement-breakpoint
CREATE TABLE "people_imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"stored_path" text NOT NULL,
	"format" text NOT NULL,
	"headers" jsonb NOT NULL,
	"mapping" jsonb,
	"state" text DEFAULT 'uploaded' NOT NULL,
	"checkpoint_row" integer DEFAULT 0 NOT NULL,
	"ok_rows" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"job_id" integer,
	"created_by" integer NOT NULL,
	"actor" jsonb NOT NULL,
	"scope_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "people_residence_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"resident_id" integer NOT NULL,
	"house_node_id" integer NOT NULL,
	"from_on" date,
	"to_on" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_residents" (
	"id" serial PRIMARY KEY NOT NULL,
	"house_node_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"id_kind" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_tail" text NOT NULL,
	"phone_cipher" text,
	"phone_hash" text,
	"phone_tail" text,
	"household_no" text,
	"relation" text,
	"residence_type" text NOT NULL,
	"care_tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"moved_in_on" date,
	"moved_out_on" date,
	"address" text NOT NULL,
	"search_tokens" text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_tenancies" (
	"id" serial PRIMARY KEY NOT NULL,
	"house_node_id" integer NOT NULL,
	"resident_id" integer NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date,
	"registered_by" integer,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "people_components_code_uq" ON "people_components" USING btree ("component_code");--> statement-breakpoint
CREATE INDEX "people_components_scope_idx" ON "people_components" USING btree ("scope_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "people_components_lnglat_idx" ON "people_components" USING btree ("lng","lat");--> statement-breakpoint
CREATE UNIQUE INDEX "people_entities_code_uq" ON "people_entities" USING btree ("credit_code");--> statement-breakpoint
CREATE INDEX "people_entities_scope_idx" ON "people_entities" USING btree ("scope_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "people_entities_tokens_idx" ON "people_entities" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "people_houses_scope_idx" ON "people_houses" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_houses_tokens_idx" ON "people_houses" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "people_imports_scope_idx" ON "people_imports" USING btree ("scope_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "people_residence_history_resident_idx" ON "people_residence_history" USING btree ("resident_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_residents_id_hash_uq" ON "people_residents" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "people_residents_scope_idx" ON "people_residents" USING btree ("scope_path" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "people_residents_house_idx" ON "people_residents" USING btree ("house_node_id");--> statement-breakpoint
CREATE INDEX "people_residents_tokens_idx" ON "people_residents" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "people_residents_tags_idx" ON "people_residents" USING gin ("care_tags");--> statement-breakpoint
CREATE INDEX "people_residents_id_tail_idx" ON "people_residents" USING btree ("id_tail");--> statement-breakpoint
CREATE INDEX "people_residents_phone_tail_idx" ON "people_residents" USING btree ("phone_tail");--> statement-breakpoint
CREATE INDEX "people_residents_phone_hash_idx" ON "people_residents" USING btree ("phone_hash");--> statement-breakpoint
CREATE INDEX "people_residents_birth_idx" ON "people_residents" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "people_tenancies_house_idx" ON "people_tenancies" USING btree ("house_node_id");