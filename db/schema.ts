/**
 * The whole domain in one pg-core schema. Names follow the awards' own words:
 * a cycle has categories; the public makes nominations; judges sit on panels,
 * declare conflicts, get assignments and give scores.
 */
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  CONFLICT_SOURCES,
  CONFLICT_STATUSES,
  EMAIL_STATUSES,
  NOMINATION_STATUSES,
  LANGUAGES,
  NOMINEE_TYPES,
  PANEL_DECISIONS,
  PHASES,
  PUBLICATION_CONSENTS,
  ROUNDS,
  type NomineeType,
} from "../app/domain/vocabulary";
import type { CampaignAsk } from "../app/domain/campaign";

// The vocabularies live in app/domain, where rules and pages use them without this file.
export {
  CONFLICT_SOURCES,
  CONFLICT_STATUSES,
  EMAIL_STATUSES,
  LANGUAGES,
  NOMINATION_STATUSES,
  NOMINEE_TYPES,
  PANEL_DECISIONS,
  PHASES,
  PUBLICATION_CONSENTS,
  ROUNDS,
};
export type { Language, NominationStatus, NomineeType, PanelDecision, Phase, PublicationConsent, Round } from "../app/domain/vocabulary";

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

// ---------------------------------------------------------------- people & auth

/** Someone who signs in: an administrator, a judge, or both. Nominators need no account. */
export const people = pgTable(
  "people",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    isAdmin: boolean("is_admin").notNull().default(false),
    isJudge: boolean("is_judge").notNull().default(false),
    /** Stated organisations and local authority feed the conflict checks. */
    organisations: text("organisations").array().notNull().default(sql`'{}'::text[]`),
    localAuthority: text("local_authority"),
    createdAt: createdAt(),
    /** Set when an admin removes the account; its sessions end with it. */
    deactivatedAt: ts("deactivated_at"),
  },
  (t) => [uniqueIndex("people_email_key").on(sql`lower(${t.email})`)],
);

/** Lucia-style session: the id is the SHA-256 of the cookie token, never the token. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    expiresAt: ts("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("sessions_person_idx").on(t.personId)],
);

/** One-time emailed sign-in links. Only the hash of the token is kept. */
export const signInTokens = pgTable(
  "sign_in_tokens",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["sign_in", "invitation"] }).notNull().default("sign_in"),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_tokens_person_idx").on(t.personId)],
);

/** Fixed-window counters shared by every app server (sign-in, nominations). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: ts("window_start").notNull(),
  count: integer("count").notNull(),
});

// ---------------------------------------------------------------- cycle & categories

export const cycles = pgTable("cycles", {
  id: serial("id").primaryKey(),
  year: integer("year").notNull().unique(),
  name: text("name").notNull(),
  /** Welsh text beside the English: null until an admin writes it, and public pages fall back to English. */
  nameCy: text("name_cy"),
  /** The phase an admin last moved the cycle to; dates move it through the open/close steps. */
  phase: text("phase", { enum: PHASES }).notNull().default("draft"),
  nominationsOpenAt: ts("nominations_open_at"),
  nominationsCloseAt: ts("nominations_close_at"),
  judgingOpenAt: ts("judging_open_at"),
  judgingCloseAt: ts("judging_close_at"),
  shortlistPublishAt: ts("shortlist_publish_at"),
  winnersPublishAt: ts("winners_publish_at"),
  /** Set when an admin starts the optional final round; from then on results come from it. */
  finalRoundStartedAt: ts("final_round_started_at"),
  /** The final round's scoring deadline; an admin can also close it early. */
  finalRoundCloseAt: ts("final_round_close_at"),
  /** Phase settings are data, not scattered ifs. */
  blindJudging: boolean("blind_judging").notNull().default(false),
  rankingMethod: text("ranking_method", { enum: ["calibrated", "raw"] }).notNull().default("calibrated"),
  minScoresPerJudge: integer("min_scores_per_judge").notNull().default(3),
  /** Judges' comments may go, anonymised and reviewed, to nominators and nominees after the winners are published. */
  feedbackToNominees: boolean("feedback_to_nominees").notNull().default(false),
  /** The automatic judging reminder goes out this many days before judging closes; null: none. */
  reminderDaysBefore: integer("reminder_days_before").default(3),
  archivedAt: ts("archived_at"),
  /** Personal data of unsuccessful nominations is removed this many days after archiving. */
  retentionDays: integer("retention_days").notNull().default(365),
  createdAt: createdAt(),
});

export const categories = pgTable(
  "categories",
  {
    id: serial("id").primaryKey(),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    eligibility: text("eligibility").notNull().default(""),
    nomineeTypes: text("nominee_types").array().$type<NomineeType[]>().notNull(),
    selfNominationAllowed: boolean("self_nomination_allowed").notNull().default(false),
    /** Young Champion: nominees are under 18, so a guardian's contact and consent are required. */
    nomineeUnder18: boolean("nominee_under_18").notNull().default(false),
    sponsor: text("sponsor"),
    nameCy: text("name_cy"),
    descriptionCy: text("description_cy"),
    eligibilityCy: text("eligibility_cy"),
    sponsorCy: text("sponsor_cy"),
    shortlistSize: integer("shortlist_size").notNull().default(3),
    judgesPerNomination: integer("judges_per_nomination").notNull().default(3),
    scaleMin: integer("scale_min").notNull().default(1),
    scaleMax: integer("scale_max").notNull().default(5),
    position: integer("position").notNull().default(0),
    /** People's Choice: the public's voting window; both null when the category has no vote. */
    peoplesChoiceOpensAt: ts("peoples_choice_opens_at"),
    peoplesChoiceClosesAt: ts("peoples_choice_closes_at"),
    retiredAt: ts("retired_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("categories_cycle_slug_key").on(t.cycleId, t.slug)],
);

/** The described anchors of a category's integer scale ("3 = solid, with examples"). */
export const scaleAnchors = pgTable(
  "scale_anchors",
  {
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    value: integer("value").notNull(),
    description: text("description").notNull(),
  },
  (t) => [primaryKey({ columns: [t.categoryId, t.value] })],
);

export const questions = pgTable("questions", {
  id: serial("id").primaryKey(),
  categoryId: integer("category_id")
    .notNull()
    .references(() => categories.id, { onDelete: "cascade" }),
  label: text("label").notNull(),
  help: text("help").notNull().default(""),
  labelCy: text("label_cy"),
  helpCy: text("help_cy"),
  wordLimit: integer("word_limit").notNull().default(300),
  required: boolean("required").notNull().default(true),
  position: integer("position").notNull().default(0),
  /** Answered questions are retired, never deleted or silently reworded. */
  retiredAt: ts("retired_at"),
  createdAt: createdAt(),
});

export const criteria = pgTable("criteria", {
  id: serial("id").primaryKey(),
  categoryId: integer("category_id")
    .notNull()
    .references(() => categories.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  guidance: text("guidance").notNull().default(""),
  weight: real("weight").notNull().default(1),
  position: integer("position").notNull().default(0),
  retiredAt: ts("retired_at"),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------- nominations

export const nominations = pgTable(
  "nominations",
  {
    id: serial("id").primaryKey(),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => cycles.id, { onDelete: "cascade" }),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id),
    /** Public reference such as CSA-2026-7KQ4M, given when the draft is first saved. */
    reference: text("reference").notNull().unique(),
    status: text("status", { enum: NOMINATION_STATUSES }).notNull().default("draft"),
    /** SHA-256 of the secret in the nominator's resume/edit link. */
    accessTokenHash: text("access_token_hash").notNull().unique(),
    step: text("step").notNull().default("nominee"),

    nomineeType: text("nominee_type", { enum: NOMINEE_TYPES }),
    nomineeName: text("nominee_name").notNull().default(""),
    nomineeOrganisation: text("nominee_organisation"),
    nomineeLocalAuthority: text("nominee_local_authority"),
    nomineeEmail: text("nominee_email"),
    nomineeKnows: boolean("nominee_knows"),
    /** Asked of individuals; always true in an under-18 category. Requires a guardian's contact and consent. */
    nomineeIsUnder18: boolean("nominee_is_under_18"),
    guardianName: text("guardian_name"),
    guardianEmail: text("guardian_email"),
    guardianPhone: text("guardian_phone"),
    guardianConsent: boolean("guardian_consent").notNull().default(false),
    /** The guardian's separate consent to publication of an under-18 nominee: how they may be named. */
    guardianPublicationConsent: text("guardian_publication_consent", { enum: PUBLICATION_CONSENTS }),
    guardianPublicationConsentAt: ts("guardian_publication_consent_at"),

    nominatorName: text("nominator_name").notNull().default(""),
    nominatorEmail: text("nominator_email").notNull().default(""),
    nominatorPhone: text("nominator_phone"),
    nominatorOrganisation: text("nominator_organisation"),
    nominatorRelationship: text("nominator_relationship"),
    isSelfNomination: boolean("is_self_nomination").notNull().default(false),
    privacyConsentAt: ts("privacy_consent_at"),

    /** Normalised nominee name + organisation: equal keys in a category are flagged as duplicates. */
    duplicateKey: text("duplicate_key"),
    duplicateFlaggedAt: ts("duplicate_flagged_at"),
    /** Merged duplicates point at the entry judges see; their statements stay attached. */
    mergedIntoId: integer("merged_into_id"),
    ineligibleReason: text("ineligible_reason"),
    citation: text("citation"),
    citationCy: text("citation_cy"),
    /** The language of the journey the nominator used: every email to them and the nominee is in it. */
    language: text("language", { enum: LANGUAGES }).notNull().default("en"),

    submittedAt: ts("submitted_at"),
    /** SHA-256 of the secret in the confirm-your-nomination link, and when that link stops working. */
    confirmTokenHash: text("confirm_token_hash").unique(),
    confirmExpiresAt: ts("confirm_expires_at"),
    /** Set when the confirmation link is used: it proves the nominator's email, and the nomination counts. */
    confirmedAt: ts("confirmed_at"),
    withdrawnAt: ts("withdrawn_at"),
    erasedAt: ts("erased_at"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("nominations_category_status_idx").on(t.categoryId, t.status),
    index("nominations_duplicate_idx").on(t.categoryId, t.duplicateKey),
    index("nominations_nominator_email_idx").on(sql`lower(${t.nominatorEmail})`),
  ],
);

export const nominationAnswers = pgTable(
  "nomination_answers",
  {
    nominationId: integer("nomination_id")
      .notNull()
      .references(() => nominations.id, { onDelete: "cascade" }),
    questionId: integer("question_id")
      .notNull()
      .references(() => questions.id),
    answer: text("answer").notNull(),
  },
  (t) => [primaryKey({ columns: [t.nominationId, t.questionId] })],
);

/** Supporting files live in the database, so one backup holds everything. */
export const nominationFiles = pgTable(
  "nomination_files",
  {
    id: serial("id").primaryKey(),
    nominationId: integer("nomination_id")
      .notNull()
      .references(() => nominations.id, { onDelete: "cascade" }),
    filename: text("filename").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("nomination_files_nomination_idx").on(t.nominationId)],
);

// ---------------------------------------------------------------- judging

export const panels = pgTable("panels", {
  id: serial("id").primaryKey(),
  categoryId: integer("category_id")
    .notNull()
    .unique()
    .references(() => categories.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
});

export const panelMembers = pgTable(
  "panel_members",
  {
    panelId: integer("panel_id")
      .notNull()
      .references(() => panels.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    isChair: boolean("is_chair").notNull().default(false),
    /** Most nominations this judge takes in this panel; null means no cap. */
    cap: integer("cap"),
    confidentialityAcceptedAt: ts("confidentiality_accepted_at"),
    conflictsDeclaredAt: ts("conflicts_declared_at"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.panelId, t.personId] })],
);

/**
 * One conflict record per judge and nomination (HotCRP's model): a life from
 * suspected to confirmed or dismissed. `pinned` means detection never touches it again.
 */
export const conflicts = pgTable(
  "conflicts",
  {
    id: serial("id").primaryKey(),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    nominationId: integer("nomination_id")
      .notNull()
      .references(() => nominations.id, { onDelete: "cascade" }),
    status: text("status", { enum: CONFLICT_STATUSES }).notNull(),
    source: text("source", { enum: CONFLICT_SOURCES }).notNull(),
    rule: text("rule"),
    evidence: text("evidence"),
    kind: text("kind"),
    note: text("note"),
    decisionReason: text("decision_reason"),
    decidedById: integer("decided_by_id").references(() => people.id),
    decidedAt: ts("decided_at"),
    pinned: boolean("pinned").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("conflicts_pair_key").on(t.personId, t.nominationId)],
);

export const assignments = pgTable(
  "assignments",
  {
    id: serial("id").primaryKey(),
    nominationId: integer("nomination_id")
      .notNull()
      .references(() => nominations.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    round: text("round", { enum: ROUNDS }).notNull().default("main"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("assignments_pair_key").on(t.nominationId, t.personId, t.round),
    index("assignments_person_idx").on(t.personId),
  ],
);

/** One judge's score sheet for one nomination in one round. */
export const scores = pgTable(
  "scores",
  {
    id: serial("id").primaryKey(),
    nominationId: integer("nomination_id")
      .notNull()
      .references(() => nominations.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    round: text("round", { enum: ROUNDS }).notNull().default("main"),
    /** criterion id → integer value on the category's scale */
    values: jsonb("values").$type<Record<string, number>>().notNull().default({}),
    comment: text("comment").notNull().default(""),
    /**
     * Kept from nominees' feedback. True until the judge saves the sheet where the cycle shares
     * feedback and they were told so: a comment written without that notice is never shared.
     */
    commentPrivate: boolean("comment_private").notNull().default(true),
    submittedAt: ts("submitted_at"),
    /** Voided scores are kept for audit and never counted. */
    voidedAt: ts("voided_at"),
    voidReason: text("void_reason"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("scores_sheet_key").on(t.nominationId, t.personId, t.round)],
);

// ---------------------------------------------------------------- feedback to nominees

/** An admin's anonymised edit of one judge's comment, or its exclusion, before release. */
export const feedbackComments = pgTable("feedback_comments", {
  scoreId: integer("score_id")
    .primaryKey()
    .references(() => scores.id, { onDelete: "cascade" }),
  nominationId: integer("nomination_id")
    .notNull()
    .references(() => nominations.id, { onDelete: "cascade" }),
  text: text("text").notNull(),
  excluded: boolean("excluded").notNull().default(false),
  editedAt: ts("edited_at").notNull().defaultNow(),
  editedBy: integer("edited_by").references(() => people.id, { onDelete: "set null" }),
});

/** One row per nomination whose feedback has gone out: the key that makes release happen once. */
export const feedbackReleases = pgTable("feedback_releases", {
  nominationId: integer("nomination_id")
    .primaryKey()
    .references(() => nominations.id, { onDelete: "cascade" }),
  /** The comments as sent. */
  comments: jsonb("comments").$type<string[]>().notNull(),
  releasedAt: ts("released_at").notNull().defaultNow(),
  releasedBy: integer("released_by").references(() => people.id, { onDelete: "set null" }),
});

/**
 * The panel meeting's record of one nomination (main round): the chair's or an admin's note,
 * and the panel's decision with its reason. Every change is audited; the agreed shortlist
 * is applied through the shortlist step.
 */
export const panelDecisions = pgTable("panel_decisions", {
  nominationId: integer("nomination_id")
    .primaryKey()
    .references(() => nominations.id, { onDelete: "cascade" }),
  note: text("note").notNull().default(""),
  decision: text("decision", { enum: PANEL_DECISIONS }),
  reason: text("reason").notNull().default(""),
  updatedById: integer("updated_by_id").references(() => people.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

// ---------------------------------------------------------------- operations

/** Durable scheduled work (publication, reminders, retention), run in-process. */
export const jobs = pgTable(
  "jobs",
  {
    id: serial("id").primaryKey(),
    kind: text("kind").notNull(),
    /** Idempotency: one job per kind and key (e.g. "shortlist:2026"). */
    key: text("key").notNull(),
    runAt: ts("run_at").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status", { enum: ["pending", "done", "failed", "cancelled"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    doneAt: ts("done_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("jobs_kind_key").on(t.kind, t.key), index("jobs_due_idx").on(t.status, t.runAt)],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: ts("at").notNull().defaultNow(),
    actorId: integer("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("audit_log_entity_idx").on(t.entityType, t.entityId), index("audit_log_at_idx").on(t.at)],
);

/** Every email is written here in the transaction that causes it, then delivered. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: serial("id").primaryKey(),
    /** Sent to the provider as its Idempotency-Key, so a retry never sends twice. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    /**
     * The request this row is sent in, fixed when it is first leased: its own idempotency key
     * when sent alone, or a batch key derived from the keys of the rows sent with it. Until
     * the row is sent, every retry (after a failure or a killed process) sends the same rows
     * with the same key, so the provider delivers them once.
     */
    batchKey: text("batch_key"),
    template: text("template").notNull(),
    to: text("to").notNull(),
    /** Where a reply goes when it is not the sender (a campaign letter: the letter's writer). */
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    /** What the mail is about (nomination ids, person ids), so hidden things stay hidden. */
    meta: jsonb("meta").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status", { enum: EMAIL_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    sentAt: ts("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("email_outbox_due_idx").on(t.status, t.nextAttemptAt), index("email_outbox_batch_idx").on(t.batchKey)],
);

// ---------------------------------------------------------------- campaigns (lobby your MP)

export type { CampaignAsk };

/** A "lobby your MP in three steps" campaign: commitment form, letter, meeting briefing. */
export const campaigns = pgTable("campaigns", {
  id: serial("id").primaryKey(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  summary: text("summary").notNull().default(""),
  asks: jsonb("asks").$type<CampaignAsk[]>().notNull().default([]),
  letterGuidance: text("letter_guidance").notNull().default(""),
  briefing: text("briefing").notNull().default(""),
  /** The Welsh beside the English (decision 031): null where not written, and the English shows, marked as English. */
  titleCy: text("title_cy"),
  summaryCy: text("summary_cy"),
  asksCy: jsonb("asks_cy").$type<CampaignAsk[]>(),
  letterGuidanceCy: text("letter_guidance_cy"),
  briefingCy: text("briefing_cy"),
  /** Where supporters send the form once their MP has signed it. */
  signedFormsTo: text("signed_forms_to").notNull().default(""),
  opensAt: ts("opens_at"),
  closesAt: ts("closes_at"),
  /** The uploaded commitment form and optional briefing, both PDFs checked by content. */
  commitmentForm: bytea("commitment_form"),
  commitmentFormName: text("commitment_form_name"),
  briefingPdf: bytea("briefing_pdf"),
  briefingPdfName: text("briefing_pdf_name"),
  createdAt: createdAt(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

/** The current MP of each constituency: refreshed daily from the Members API, or imported from CSV. */
export const mpDirectory = pgTable("mp_directory", {
  /** Normalised constituency name: the key both services agree on. */
  key: text("key").primaryKey(),
  constituency: text("constituency").notNull(),
  memberId: integer("member_id"),
  name: text("name").notNull(),
  party: text("party").notNull().default(""),
  email: text("email"),
  photoUrl: text("photo_url"),
  source: text("source", { enum: ["members_api", "csv", "seed"] }).notNull(),
  refreshedAt: ts("refreshed_at").notNull().defaultNow(),
});

/** postcodes.io answers, kept 30 days. */
export const postcodeCache = pgTable("postcode_cache", {
  postcode: text("postcode").primaryKey(),
  constituency: text("constituency").notNull(),
  constituencyCode: text("constituency_code"),
  fetchedAt: ts("fetched_at").notNull().defaultNow(),
});

export const LETTER_STATUSES = ["awaiting_confirmation", "sent"] as const;

/** A supporter's letter to their MP: sent only once the sender has opened the emailed link. */
export const campaignLetters = pgTable(
  "campaign_letters",
  {
    id: serial("id").primaryKey(),
    campaignId: integer("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    status: text("status", { enum: LETTER_STATUSES }).notNull().default("awaiting_confirmation"),
    senderName: text("sender_name").notNull(),
    senderEmail: text("sender_email").notNull(),
    senderAddress: text("sender_address").notNull(),
    senderPostcode: text("sender_postcode").notNull(),
    constituency: text("constituency").notNull(),
    mpName: text("mp_name").notNull(),
    mpEmail: text("mp_email").notNull(),
    body: text("body").notNull(),
    /** The language of the page the supporter wrote on: the emails to them are in it (the letter itself is in their own words). */
    language: text("language", { enum: LANGUAGES }).notNull().default("en"),
    confirmTokenHash: text("confirm_token_hash").unique(),
    confirmExpiresAt: ts("confirm_expires_at"),
    sentAt: ts("sent_at"),
    /** SHA-256 of the secret in the follow-up email's one-click answer links. */
    followUpTokenHash: text("follow_up_token_hash").unique(),
    followUpSentAt: ts("follow_up_sent_at"),
    mpReplied: boolean("mp_replied"),
    mpSigned: boolean("mp_signed"),
    answeredAt: ts("answered_at"),
    erasedAt: ts("erased_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("campaign_letters_campaign_idx").on(t.campaignId, t.status),
    index("campaign_letters_sender_email_idx").on(sql`lower(${t.senderEmail})`),
  ],
);

/** "Tell us how it went" after the meeting: no personal data asked for. */
export const campaignFeedback = pgTable("campaign_feedback", {
  id: serial("id").primaryKey(),
  campaignId: integer("campaign_id")
    .notNull()
    .references(() => campaigns.id, { onDelete: "cascade" }),
  constituency: text("constituency"),
  met: boolean("met").notNull(),
  signed: boolean("signed"),
  story: text("story").notNull().default(""),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------- People's Choice (issue 16)

/**
 * A member of the public's vote for one shortlisted nominee. It counts once its email is
 * confirmed and while it is not voided. One per normalised email per category. The client's
 * address is kept only as its network (IPv4 /24, IPv6 /48): see docs/decisions/034.
 */
export const peoplesChoiceVotes = pgTable(
  "peoples_choice_votes",
  {
    id: serial("id").primaryKey(),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "cascade" }),
    nominationId: integer("nomination_id")
      .notNull()
      .references(() => nominations.id, { onDelete: "cascade" }),
    /** As typed: where the confirmation link goes. */
    email: text("email").notNull(),
    /** Normalised (lower case, no +tag, Gmail's dots removed): one vote per key per category. */
    emailKey: text("email_key").notNull(),
    emailDomain: text("email_domain").notNull(),
    network: text("network").notNull(),
    /** The language of the vote page used: its confirmation email is written in it. */
    language: text("language", { enum: LANGUAGES }).notNull().default("en"),
    confirmTokenHash: text("confirm_token_hash").unique(),
    confirmExpiresAt: ts("confirm_expires_at"),
    confirmedAt: ts("confirmed_at"),
    voidedAt: ts("voided_at"),
    voidReason: text("void_reason"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("peoples_choice_votes_one_per_email").on(t.categoryId, t.emailKey), index("peoples_choice_votes_nomination_idx").on(t.nominationId)],
);

/** Server-side keys for signing what a page hands the browser (the vote form's timestamp). */
export const signingKeys = pgTable("signing_keys", {
  name: text("name").primaryKey(),
  secret: text("secret").notNull(),
  createdAt: createdAt(),
});

export type PeoplesChoiceVote = typeof peoplesChoiceVotes.$inferSelect;
export type Campaign = typeof campaigns.$inferSelect;
export type CampaignLetter = typeof campaignLetters.$inferSelect;
export type MpEntry = typeof mpDirectory.$inferSelect;

export type Person = typeof people.$inferSelect;
export type Cycle = typeof cycles.$inferSelect;
export type Category = typeof categories.$inferSelect;
export type Question = typeof questions.$inferSelect;
export type Criterion = typeof criteria.$inferSelect;
export type Nomination = typeof nominations.$inferSelect;
export type Conflict = typeof conflicts.$inferSelect;
export type Score = typeof scores.$inferSelect;
export type OutboxEmail = typeof emailOutbox.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
