CREATE TABLE "analytics_snapshots" (
	"name" text NOT NULL,
	"node_path" text NOT NULL,
	"value" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "analytics_snapshots_node_path_name_pk" PRIMARY KEY("node_path","name")
);
