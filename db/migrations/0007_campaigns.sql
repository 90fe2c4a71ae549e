CREATE TABLE "campaign_feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"constituency" text,
	"met" boolean NOT NULL,
	"signed" boolean,
	"story" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_letters" (
	"id" serial PRIMARY KEY NOT NULL,
	"campaign_id" integer NOT NULL,
	"status" text DEFAULT 'awaiting_confirmation' NOT NULL,
	"sender_name" text NOT NULL,
	"sender_email" text NOT NULL,
	"sender_address" text NOT NULL,
	"sender_postcode" text NOT NULL,
	"constituency" text NOT NULL,
	"mp_name" text NOT NULL,
	"mp_email" text NOT NULL,
	"body" text NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"follow_up_token_hash" text,
	"follow_up_sent_at" timestamp with time zone,
	"mp_replied" boolean,
	"mp_signed" boolean,
	"answered_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_letters_confirm_token_hash_unique" UNIQUE("confirm_token_hash"),
	CONSTRAINT "campaign_letters_follow_up_token_hash_unique" UNIQUE("follow_up_token_hash")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"asks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"letter_guidance" text DEFAULT '' NOT NULL,
	"briefing" text DEFAULT '' NOT NULL,
	"signed_forms_to" text DEFAULT '' NOT NULL,
	"opens_at" timestamp with time zone,
	"closes_at" timestamp with time zone,
	"commitment_form" "bytea",
	"commitment_form_name" text,
	"briefing_pdf" "bytea",
	"briefing_pdf_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "mp_directory" (
	"key" text PRIMARY KEY NOT NULL,
	"constituency" text NOT NULL,
	"member_id" integer,
	"name" text NOT NULL,
	"party" text DEFAULT '' NOT NULL,
	"email" text,
	"photo_url" text,
	"source" text NOT NULL,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postcode_cache" (
	"postcode" text PRIMARY KEY NOT NULL,
	"constituency" text NOT NULL,
	"constituency_code" text,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "campaign_feedback" ADD CONSTRAINT "campaign_feedback_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_letters" ADD CONSTRAINT "campaign_letters_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_letters_campaign_idx" ON "campaign_letters" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "campaign_letters_sender_email_idx" ON "campaign_letters" USING btree (lower("sender_email"));