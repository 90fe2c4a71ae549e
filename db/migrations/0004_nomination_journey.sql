ALTER TABLE "nominations" ADD COLUMN "nominee_is_under_18" boolean;--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "confirm_token_hash" text;--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "confirm_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "nominations" ADD CONSTRAINT "nominations_confirm_token_hash_unique" UNIQUE("confirm_token_hash");