ALTER TABLE "users" ADD COLUMN "id_number_enc" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "id_number_hash" text;