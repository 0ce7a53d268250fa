CREATE TABLE "wish_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"wish_id" integer NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_user_id" integer,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wish_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"community_id" integer NOT NULL,
	"community_path" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"budget" numeric(10, 2),
	"beneficiary_category" text,
	"beneficiary_name" text,
	"requester_user_id" integer NOT NULL,
	"on_behalf" integer DEFAULT 0 NOT NULL,
	"state" text NOT NULL,
	"claimant_user_id" integer,
	"claimant_name" text,
	"claim_days" integer NOT NULL,
	"claim_due_at" timestamp with time zone,
	"photo" text,
	"fulfil_note" text,
	"thanks" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "wish_items_kind_ck" CHECK ("wish_items"."kind" in ('wish','project','service_post'))
);
--> statement-breakpoint
CREATE INDEX "wish_events_wish_idx" ON "wish_events" USING btree ("wish_id","id");--> statement-breakpoint
CREATE INDEX "wish_items_path_idx" ON "wish_items" USING btree ("community_path" text_pattern_ops,"state");--> statement-breakpoint
CREATE INDEX "wish_items_state_idx" ON "wish_items" USING btree ("state","id");--> statement-breakpoint
CREATE INDEX "wish_items_due_idx" ON "wish_items" USING btree ("claim_due_at") WHERE "wish_items"."state" = 'claimed';