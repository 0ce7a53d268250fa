CREATE TABLE "board_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"board_id" integer NOT NULL,
	"kind" text NOT NULL,
	"author_user_id" integer NOT NULL,
	"author_name" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"event_at" timestamp with time zone,
	"event_place" text,
	"help_resolved_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"hidden_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_posts_kind_ck" CHECK ("board_posts"."kind" in ('announcement','post','help','event'))
);
--> statement-breakpoint
CREATE TABLE "board_replies" (
	"id" serial PRIMARY KEY NOT NULL,
	"post_id" integer NOT NULL,
	"author_user_id" integer NOT NULL,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_reason" text,
	"hidden_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "board_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"board_id" integer NOT NULL,
	"post_id" integer NOT NULL,
	"reply_id" integer,
	"reporter_user_id" integer NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "boards" (
	"id" serial PRIMARY KEY NOT NULL,
	"node_id" integer NOT NULL,
	"scope_path" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "board_posts_board_idx" ON "board_posts" USING btree ("board_id","created_at");--> statement-breakpoint
CREATE INDEX "board_replies_post_idx" ON "board_replies" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "board_reports_uq" ON "board_reports" USING btree ("post_id",coalesce("reply_id", 0),"reporter_user_id");--> statement-breakpoint
CREATE INDEX "board_reports_open_idx" ON "board_reports" USING btree ("board_id") WHERE "board_reports"."resolved_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "boards_node_uq" ON "boards" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "boards_scope_idx" ON "boards" USING btree ("scope_path" text_pattern_ops);