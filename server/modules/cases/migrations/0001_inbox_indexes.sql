DROP INDEX "cases_inbox_idx";--> statement-breakpoint
DROP INDEX "cases_due_idx";--> statement-breakpoint
DROP INDEX "cases_department_idx";--> statement-breakpoint
CREATE INDEX "cases_street_inbox_idx" ON "cases" USING btree ("street_id","state","reported_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_community_inbox_idx" ON "cases" USING btree ("community_id","state","reported_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_grid_inbox_idx" ON "cases" USING btree ("grid_id","state","reported_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_state_inbox_idx" ON "cases" USING btree ("state","reported_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cases_sweep_idx" ON "cases" USING btree ("id") WHERE "cases"."state" in ('reported', 'dispatched', 'signed', 'extension_requested', 'handled') and "cases"."deadline_notice" <> 'red';--> statement-breakpoint
CREATE INDEX "cases_updated_idx" ON "cases" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "cases_department_idx" ON "cases" USING btree ("department_id","state","reported_at" DESC NULLS LAST,"id" DESC NULLS LAST);