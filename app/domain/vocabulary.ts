/**
 * The words the whole portal shares: a cycle's phases, a nomination's statuses, the kinds of
 * nominee, a conflict's statuses and sources, the judging rounds and an email's delivery
 * states. Plain values, so rules, pages and the browser can use them without the database
 * schema; db/schema.ts builds its column enums from them.
 */

export const PHASES = [
  "draft",
  "nominations_open",
  "nominations_closed",
  "judging",
  "shortlist_published",
  "final_round",
  "winners_decided",
  "winners_published",
  "archived",
] as const;
export type Phase = (typeof PHASES)[number];

export const NOMINEE_TYPES = ["group", "individual", "council", "international"] as const;
export type NomineeType = (typeof NOMINEE_TYPES)[number];

/**
 * The kinds of nominee in English words: the admin pages and the English summaries. Public
 * pages say them from the catalogue (app/locales/<language>/nomination.json, `nomineeTypes`),
 * whose English is these same words (a unit test holds the two together).
 */
export const NOMINEE_TYPE_LABELS: Record<NomineeType, string> = {
  group: "A community sponsorship group",
  individual: "A person",
  council: "A local authority (council)",
  international: "A group or person outside the UK",
};

export const NOMINATION_STATUSES = [
  "draft",
  "submitted",
  "withdrawn",
  "ineligible",
  "eligible",
  "shortlisted",
  "not_shortlisted",
  "highly_commended",
  "winner",
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

export const CONFLICT_STATUSES = ["suspected", "confirmed", "dismissed"] as const;
export const CONFLICT_SOURCES = ["detected", "declared", "admin"] as const;

export const ROUNDS = ["main", "final"] as const;
export type Round = (typeof ROUNDS)[number];

export const EMAIL_STATUSES = ["pending", "sending", "sent", "failed"] as const;

/** The languages of the public side: English and Welsh (Cymraeg). */
export const LANGUAGES = ["en", "cy"] as const;
export type Language = (typeof LANGUAGES)[number];

/** How a guardian lets an under-18 nominee be named in public: in full, by first name only, or not at all. */
export const PUBLICATION_CONSENTS = ["full", "first_name", "not_named"] as const;
export type PublicationConsent = (typeof PUBLICATION_CONSENTS)[number];

/**
 * What the panel meeting decides for a nomination: on the shortlist, held in reserve (not on
 * the shortlist, first in line if a place falls free), or not shortlisted.
 */
export const PANEL_DECISIONS = ["shortlist", "reserve", "not_shortlisted"] as const;
export type PanelDecision = (typeof PANEL_DECISIONS)[number];
