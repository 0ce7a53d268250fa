ALTER TABLE "cases" ADD COLUMN "external_ref" text;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_external_ref_uq" ON "cases" USING btree ("source","external_ref");