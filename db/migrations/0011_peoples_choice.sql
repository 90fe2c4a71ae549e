CREATE TABLE "peoples_choice_votes" (
	"id" serial PRIMARY KEY NOT NULL,
	"category_id" integer NOT NULL,
	"nomination_id" integer NOT NULL,
	"email" text NOT NULL,
	"email_key" text NOT NULL,
	"email_domain" text NOT NULL,
	"network" text NOT NULL,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "peoples_choice_votes_confirm_token_hash_unique" UNIQUE("confirm_token_hash")
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"name" text PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "peoples_choice_opens_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "peoples_choice_closes_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "peoples_choice_votes" ADD CONSTRAINT "peoples_choice_votes_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peoples_choice_votes" ADD CONSTRAINT "peoples_choice_votes_nomination_id_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "peoples_choice_votes_one_per_email" ON "peoples_choice_votes" USING btree ("category_id","email_key");--> statement-breakpoint
CREATE INDEX "peoples_choice_votes_nomination_idx" ON "peoples_choice_votes" USING btree ("nomination_id");