ALTER TABLE "categories" ADD COLUMN "name_cy" text;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "description_cy" text;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "eligibility_cy" text;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "sponsor_cy" text;--> statement-breakpoint
ALTER TABLE "cycles" ADD COLUMN "name_cy" text;--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "guardian_publication_consent" text;--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "guardian_publication_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "citation_cy" text;--> statement-breakpoint
ALTER TABLE "nominations" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "label_cy" text;--> statement-breakpoint
ALTER TABLE "questions" ADD COLUMN "help_cy" text;