ALTER TABLE "bookings" ALTER COLUMN "resident_user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "person_id" integer;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "beneficiary_name" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_beneficiary_ck" CHECK ("bookings"."resident_user_id" is not null or "bookings"."person_id" is not null);