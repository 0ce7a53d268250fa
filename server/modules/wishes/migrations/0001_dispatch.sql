ALTER TABLE "wish_items" ADD COLUMN "assignee_kind" text;--> statement-breakpoint
ALTER TABLE "wish_items" ADD COLUMN "assignee_id" integer;--> statement-breakpoint
ALTER TABLE "wish_items" ADD COLUMN "dispatched_by" integer;--> statement-breakpoint
ALTER TABLE "wish_items" ADD COLUMN "dispatched_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "wish_items_assignee_idx" ON "wish_items" USING btree ("assignee_kind","assignee_id") WHERE "wish_items"."assignee_kind" is not null;--> statement-breakpoint
ALTER TABLE "wish_items" ADD CONSTRAINT "wish_items_assignee_ck" CHECK ("wish_items"."assignee_kind" is null or "wish_items"."assignee_kind" in ('member','team','co_unit'));