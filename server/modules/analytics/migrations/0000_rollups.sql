CREATE TABLE "analytics_cohort_months" (
	"source" text NOT NULL,
	"month" text NOT NULL,
	"node_path" text NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"reported" integer NOT NULL,
	"closed" integer NOT NULL,
	"closed_on_time" integer NOT NULL,
	"rated" integer NOT NULL,
	"satisfied" integer NOT NULL,
	CONSTRAINT "analytics_cohort_months_source_node_path_dim_month_key_pk" PRIMARY KEY("source","node_path","dim","month","key")
);
--> statement-breakpoint
CREATE TABLE "analytics_refresh_marks" (
	"source" text PRIMARY KEY NOT NULL,
	"changes_since" timestamp with time zone NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"months" integer NOT NULL
);
