import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { startTransition, StrictMode, useEffect } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { restoreRenderedTitle } from "./components/page-change";
import { i18nConfig } from "./i18n";

// Each catalogue is a chunk of its own, fetched only when a page in its language needs it.
const catalogues = import.meta.glob<{ default: Record<string, unknown> }>("./locales/*/*.json");

/** Marks the page once React has taken it over, for tests that must act only after hydration. */
function Hydrated() {
  useEffect(() => document.documentElement.setAttribute("data-hydrated", ""), []);
  return null;
}

async function hydrate() {
  // The server wrote the page's language into <html lang> (cy or en-GB).
  const language = document.documentElement.lang === "cy" ? "cy" : "en";
  await i18next
    .use(initReactI18next)
    .use(resourcesToBackend((lng: string, ns: string) => catalogues[`./locales/${lng}/${ns}.json`]?.() ?? Promise.resolve({ default: {} })))
    .init({
      ...i18nConfig,
      lng: language,
      ns: [i18nConfig.defaultNS, ...getInitialNamespaces()],
      // Only the page's language: English is never fetched for a Welsh page.
      fallbackLng: false,
      load: "currentOnly",
    });
  // The server made the title name the page's heading; React must find its own title to hydrate.
  restoreRenderedTitle();
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
          <Hydrated />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
