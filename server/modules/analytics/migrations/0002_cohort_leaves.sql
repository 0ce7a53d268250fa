CREATE TABLE "analytics_cohort_leaves" (
	"source" text NOT NULL,
	"month" text NOT NULL,
	"leaf_path" text NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"reported" integer NOT NULL,
	"closed" integer NOT NULL,
	"closed_on_time" integer NOT NULL,
	"rated" integer NOT NULL,
	"satisfied" integer NOT NULL,
	CONSTRAINT "analytics_cohort_leaves_source_month_leaf_path_dim_key_pk" PRIMARY KEY("source","month","leaf_path","dim","key")
);
--> statement-breakpoint
-- Rollups written before leaves existed have no leaf rows to subtract from: forget the watermark so
-- the next refresh rebuilds every month (months and leaves) from the cases.
DELETE FROM "analytics_refresh_marks";
