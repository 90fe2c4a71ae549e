/**
 * What a full page load gives a screen reader, given after a client-side navigation too:
 * focus on the new page's main heading, and a title that names that heading, starting
 * with "Error: " while the page shows an error summary. One mechanism, used by the root,
 * so every route (and every new one) gets it.
 */
import { useLocation } from "@remix-run/react";
import i18next from "i18next";
import { useEffect, useRef } from "react";
import { ERROR_TITLE_PREFIX, SITE_NAME } from "~/content/site";
import { RENDERED_TITLE_ATTRIBUTE, titleForPage } from "~/domain/page-title";

function heading(): HTMLElement | null {
  return document.querySelector<HTMLElement>("#main h1");
}

/** Makes the title agree with the page: the heading first (kept as it is when it already leads), "Error: " when errors show. */
export function syncTitle() {
  const h1 = heading()?.textContent?.replace(/\s+/g, " ").trim();
  const hasErrors = Boolean(document.querySelector("#main .error-summary"));
  // In the page's language (the Welsh "Gwall: " on a Welsh page).
  const words = i18next.isInitialized
    ? { siteName: i18next.t("siteName"), errorPrefix: i18next.t("errors.titlePrefix") }
    : { siteName: SITE_NAME, errorPrefix: ERROR_TITLE_PREFIX };
  const wanted = titleForPage({ title: document.title, heading: h1 || null, hasErrors }, words);
  if (document.title !== wanted) document.title = wanted;
}

/**
 * Before hydration: the <title> text back to what React rendered on the server (the server made
 * it name the heading), so hydration finds what it renders itself; `syncTitle` makes it follow
 * the heading again as soon as the page is hydrated.
 */
export function restoreRenderedTitle() {
  const title = document.querySelector(`title[${RENDERED_TITLE_ATTRIBUTE}]`);
  if (!title) return;
  title.textContent = title.getAttribute(RENDERED_TITLE_ATTRIBUTE);
  title.removeAttribute(RENDERED_TITLE_ATTRIBUTE);
}

export function usePageChangeAnnouncement() {
  const location = useLocation();
  const previous = useRef<{ key: string; path: string } | null>(null);
  // Whatever sets the title later (hydration, a route's meta) is brought back to the rule;
  // the rule is idempotent, so this settles at once.
  useEffect(() => {
    const observer = new MutationObserver(() => syncTitle());
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    const path = location.pathname + location.search;
    const before = previous.current;
    previous.current = { key: location.key, path };
    syncTitle();
    // The first render is a full page load: the browser already announces it.
    if (!before || before.key === location.key) return;
    // A jump to an anchor on the same page (an error summary's link) keeps its own focus.
    if (before.path === path && location.hash) return;
    // An error summary takes focus itself (forms.tsx); the heading would pull it away.
    if (document.querySelector("#main .error-summary")) return;
    const target = heading() ?? document.getElementById("main");
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }, [location.key, location.pathname, location.search, location.hash]);
}
