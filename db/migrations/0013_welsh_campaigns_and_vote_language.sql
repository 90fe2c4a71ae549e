ALTER TABLE "campaign_letters" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "title_cy" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "summary_cy" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "asks_cy" jsonb;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "letter_guidance_cy" text;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "briefing_cy" text;--> statement-breakpoint
ALTER TABLE "peoples_choice_votes" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;