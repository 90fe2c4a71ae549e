/**
 * How a nominee may be named in public: on the results pages, the archive, the share
 * preview and in emails to anyone but the people who already know them. One rule, used by
 * every public output (see docs/decisions/028-naming-children-in-public.md).
 *
 * An adult, group or council is shown as nominated. An under-18 nominee is shown as their
 * parent or guardian agreed, separately from agreeing to the nomination:
 * - "full": full name, organisation, area and citation, as for anyone else;
 * - "first_name": the first name only; the organisation (the group, school or place of
 *   worship) is dropped, because beside a first name it points at one child; the local
 *   authority area stays, as a council area is far too large to single anyone out;
 * - "not_named": "A young champion from <area>", nothing else that names her or her group.
 * A citation is kept, with the full name, surname and organisation taken out of it. An
 * under-18 nominee with no consent recorded (nominations made before it was asked) is
 * treated as not named.
 */
import type { Language, PublicationConsent } from "./vocabulary";

export const PUBLICATION_CONSENT_LABELS: Record<PublicationConsent, string> = {
  full: "Full name",
  first_name: "First name only",
  not_named: "Not named",
};

export const PUBLICATION_CONSENT_HINTS: Record<PublicationConsent, string> = {
  full: "Their full name, the group or organisation they belong to and their local authority area are shown, as for any nominee.",
  first_name:
    "Only their first name and their local authority area are shown, for example “Amira, Leeds”. Their surname and their group or organisation are never shown.",
  not_named:
    "They are shown as “A young champion from Leeds” (their local authority area, if given). Their name and their group or organisation are never shown.",
};

export const NOT_NAMED = "A young champion";

/** The words that stand in for what is taken out, in the language of the text they go into. */
const STAND_INS: Record<Language, { notNamed: string; fromArea: (area: string) => string; inCitation: string; group: string }> = {
  en: { notNamed: NOT_NAMED, fromArea: (area) => `${NOT_NAMED} from ${area}`, inCitation: "the young champion", group: "their group" },
  // "o ardal …" keeps the area's own spelling (no mutation of a place name after "o").
  cy: { notNamed: "Pencampwr ifanc", fromArea: (area) => `Pencampwr ifanc o ardal ${area}`, inCitation: "y pencampwr ifanc", group: "eu grŵp" },
};

export type NamedNominee = {
  nomineeName: string;
  nomineeOrganisation: string | null;
  nomineeLocalAuthority: string | null;
  nomineeIsUnder18: boolean | null;
  guardianPublicationConsent: PublicationConsent | null;
  citation?: string | null;
};

export type PublicNominee = {
  name: string;
  organisation: string | null;
  area: string | null;
  citation: string | null;
  /** How the nominee is named: always "full" for adults, groups and councils. */
  naming: PublicationConsent;
};

/** Under 18: the category says so, or the nominator did. */
export function isUnder18(n: Pick<NamedNominee, "nomineeIsUnder18">, category?: { nomineeUnder18: boolean }): boolean {
  return n.nomineeIsUnder18 === true || category?.nomineeUnder18 === true;
}

/** How the nominee may be named: adults in full; under-18s as their guardian agreed, or not at all. */
export function publicNaming(n: Pick<NamedNominee, "nomineeIsUnder18" | "guardianPublicationConsent">, category?: { nomineeUnder18: boolean }): PublicationConsent {
  if (!isUnder18(n, category)) return "full";
  return n.guardianPublicationConsent ?? "not_named";
}

const words = (name: string) => name.trim().split(/\s+/u).filter(Boolean);

export function firstName(name: string): string {
  return words(name)[0] ?? "";
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Whole words only, any case: "Young" is taken out of "Amira Young's" but not out of "Youngsters". */
const wholeWord = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(text)}(?![\\p{L}\\p{N}])`, "giu");

/** The citation with the full name, the surname and the organisation replaced by what may be shown. */
function redactCitation(citation: string, n: NamedNominee, shownName: string, naming: PublicationConsent, language: Language): string {
  // The replacements wait behind a placeholder, so a surname such as "Young" is not then taken out of them.
  const NAME = "\uE000";
  let text = citation;
  const all = words(n.nomineeName);
  if (all.length) text = text.replace(wholeWord(all.join(" ")), NAME);
  if (n.nomineeOrganisation?.trim()) text = text.replace(wholeWord(n.nomineeOrganisation.trim()), "\uE001");
  const hidden = naming === "not_named" ? all : all.slice(1);
  for (const word of hidden) {
    if (word.length < 2) continue;
    // "Ms Young's work" reads as "Ms Amira's work": a name stands where the surname stood.
    text = text.replace(wholeWord(word), NAME);
  }
  const stand = naming === "not_named" ? STAND_INS[language].inCitation : shownName;
  return text
    .replace(new RegExp(`${NAME}(\\s+${NAME})+`, "gu"), NAME)
    .replaceAll(NAME, stand)
    .replaceAll("\uE001", STAND_INS[language].group)
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

/**
 * What may be shown of a nominee in public, and in emails to anyone who did not nominate them.
 * `language` is the language of `n.citation` and of the page: a Welsh citation is cleaned by
 * the same rule, with Welsh words standing in for what is taken out.
 */
export function publicNominee(n: NamedNominee, category?: { nomineeUnder18: boolean }, language: Language = "en"): PublicNominee {
  const naming = publicNaming(n, category);
  const citation = n.citation ?? null;
  if (naming === "full") {
    return { name: n.nomineeName, organisation: n.nomineeOrganisation, area: n.nomineeLocalAuthority, citation, naming };
  }
  const area = n.nomineeLocalAuthority?.trim() || null;
  if (naming === "first_name") {
    const name = firstName(n.nomineeName) || STAND_INS[language].notNamed;
    return { name, organisation: null, area, citation: citation && redactCitation(citation, n, name, naming, language), naming };
  }
  const name = area ? STAND_INS[language].fromArea(area) : STAND_INS[language].notNamed;
  return { name, organisation: null, area: null, citation: citation && redactCitation(citation, n, name, naming, language), naming };
}

/** What an administrator reads of an under-18 nominee's naming; null for anyone named in full as an adult. */
export function publicNamingSummary(n: NamedNominee, category?: { nomineeUnder18: boolean }): { consent: string; shownAs: string } | null {
  if (!isUnder18(n, category)) return null;
  const shown = publicNominee(n, category);
  return {
    consent: n.guardianPublicationConsent ? PUBLICATION_CONSENT_LABELS[n.guardianPublicationConsent] : "None recorded, so not named",
    shownAs: shown.name,
  };
}

/** The sentence a guardian reads at each outcome: how their child is named in public. */
export function namingSentence(n: NamedNominee, category?: { nomineeUnder18: boolean }): string {
  const shown = publicNominee(n, category);
  switch (shown.naming) {
    case "full":
      return `As you agreed, the public results show ${n.nomineeName} by their full name.`;
    case "first_name":
      return `As you agreed, the public results show only their first name, “${shown.name}”: never their surname or their group or organisation.`;
    case "not_named":
      return `As you asked, the public results do not name them: they appear as “${shown.name}”, without their group or organisation.`;
  }
}

/**
 * When the guardian's consent was given: kept while the answer stays the same, the moment
 * of saving when it changes, and nothing when there is no answer.
 */
export function consentGivenAt(
  before: { consent: PublicationConsent | null; at: Date | null },
  after: PublicationConsent | null,
  now: Date,
): Date | null {
  if (!after) return null;
  if (after === before.consent && before.at) return before.at;
  return now;
}
