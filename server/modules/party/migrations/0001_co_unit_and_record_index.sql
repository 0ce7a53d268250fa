DROP INDEX "party_points_member_idx";--> statement-breakpoint
ALTER TABLE "party_members" ADD COLUMN "co_unit_id" integer;--> statement-breakpoint
CREATE INDEX "party_members_co_unit_idx" ON "party_members" USING btree ("co_unit_id");--> statement-breakpoint
CREATE INDEX "party_points_member_record_idx" ON "party_points" USING btree ("member_id","occurred_at","id","source_kind","points");