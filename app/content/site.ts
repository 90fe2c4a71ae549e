/**
 * Words the whole site shares (the footer, the page-title suffix, the accessibility
 * statement's facts), kept in one place so a translation pass can find them.
 */
export const SITE_NAME = "Community Sponsorship Awards";

/** A page's title: its heading first, then the site, as GOV.UK does; "Error: " first when the page shows errors. */
export function pageTitle(heading: string, { error = false, context }: { error?: boolean; context?: string } = {}) {
  return `${error ? ERROR_TITLE_PREFIX : ""}${[heading, context, SITE_NAME].filter(Boolean).join(" – ")}`;
}

export const ERROR_TITLE_PREFIX = "Error: ";

export const FOOTER = {
  label: "Support links",
  about:
    "The Community Sponsorship Awards celebrate the groups, volunteers and councils who welcome resettled refugee families to the UK.",
  privacy: "Privacy notice",
  accessibility: "Accessibility statement",
  contact: "Contact us",
};

/** Where the footer's "Contact us" and the accessibility statement send people (CONTACT_EMAIL overrides it). */
export const DEFAULT_CONTACT_EMAIL = "awards@example.org";
