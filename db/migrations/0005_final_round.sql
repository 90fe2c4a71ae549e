ALTER TABLE "cycles" ADD COLUMN "final_round_started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "final_round_close_at" timestamp with time zone;