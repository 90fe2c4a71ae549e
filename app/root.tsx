import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { DEFAULT_CONTACT_EMAIL } from "./content/site";
import { useLanguage, useLocalisedPath } from "./components/i18n";
import { HTML_LANG } from "./domain/language";
import { englishPath, hasWelshTwin, languageOfPath, localisedPath, twinPath } from "./domain/language-paths";
import { translatorFor, type I18nHandle } from "./i18n";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { usePageChangeAnnouncement } from "./components/page-change";
import { useNonce } from "./components/nonce";
import styles from "./styles/app.css?url";
import { getSession, readSessionToken, sessionCookie } from "./utils/auth.server";
import { getEnv } from "./utils/env.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = ({ location }) => [{ title: translatorFor(location.pathname, "common")("siteName") }];

export const handle: I18nHandle = { i18n: ["common"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request);
  const headers = new Headers();
  // Sliding expiry: a renewed session gets a renewed cookie.
  if (session?.renewed) {
    const token = readSessionToken(request);
    if (token) headers.append("Set-Cookie", sessionCookie(token, session.expiresAt));
  }
  const user = session?.person ?? null;
  return data(
    {
      user: user && { name: user.name, isAdmin: user.isAdmin, isJudge: user.isJudge },
      contactEmail: getEnv().CONTACT_EMAIL,
      appUrl: getEnv().APP_URL,
    },
    { headers },
  );
}

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

function Header() {
  const user = useOptionalUser();
  const { t } = useTranslation();
  const path = useLocalisedPath();
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        {t("skipLink")}
      </a>
      <div className="site-header__inner">
        <Link to={path("/")} className="site-header__title">
          {t("siteName")}
        </Link>
        <nav aria-label={t("nav.label")}>
          <ul className="site-nav">
            <li>
              <NavLink to={path("/")} end>
                {t("nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink to={path("/nominate")}>{t("nav.nominate")}</NavLink>
            </li>
            <li>
              <NavLink to={path("/winners")}>{t("nav.winners")}</NavLink>
            </li>
            <li>
              <NavLink to={path("/campaigns")}>{t("nav.campaigns")}</NavLink>
            </li>
            {user?.isJudge ? (
              <li>
                <NavLink to="/judge">{t("nav.judging")}</NavLink>
              </li>
            ) : null}
            {user?.isAdmin ? (
              <li>
                <NavLink to="/admin">{t("nav.admin")}</NavLink>
              </li>
            ) : null}
            <li>
              {user ? (
                <Form method="post" action="/logout" className="inline-form">
                  <button type="submit" className="link-button">
                    {t("nav.signOut")}
                  </button>
                </Form>
              ) : (
                <NavLink to={path("/login")}>{t("nav.signIn")}</NavLink>
              )}
            </li>
            <LanguageSwitch />
          </ul>
        </nav>
      </div>
    </header>
  );
}

/**
 * The same page in the other language, named in that language and marked with it. A full page
 * load, so the new language's catalogues come with it.
 */
function LanguageSwitch() {
  const { pathname, search } = useLocation();
  const { t } = useTranslation();
  if (!hasWelshTwin(pathname)) return null;
  const other = languageOfPath(pathname) === "cy" ? "en" : "cy";
  return (
    <li className="site-nav__language">
      <Link to={`${twinPath(pathname)}${search}`} lang={HTML_LANG[other]} hrefLang={HTML_LANG[other]} reloadDocument>
        {t("languageSwitch.otherLanguage")}
      </Link>
    </li>
  );
}

/** hreflang alternates for a public page: English, Welsh, and English as the default. */
function Alternates() {
  const { pathname } = useLocation();
  const appUrl = useRouteLoaderData<typeof loader>("root")?.appUrl ?? "";
  if (!hasWelshTwin(pathname)) return null;
  const base = appUrl.replace(/\/$/, "");
  const english = `${base}${englishPath(pathname)}`;
  return (
    <>
      <link rel="alternate" hrefLang="en-GB" href={english} />
      <link rel="alternate" hrefLang="cy" href={`${base}${localisedPath(pathname, "cy")}`} />
      <link rel="alternate" hrefLang="x-default" href={english} />
    </>
  );
}

function Footer() {
  const contactEmail = useRouteLoaderData<typeof loader>("root")?.contactEmail ?? DEFAULT_CONTACT_EMAIL;
  const { t } = useTranslation();
  const path = useLocalisedPath();
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <nav aria-label={t("footer.label")}>
          <ul className="site-footer__links">
            <li>
              <Link to={path("/privacy")}>{t("footer.privacy")}</Link>
            </li>
            <li>
              <Link to={path("/accessibility")}>{t("footer.accessibility")}</Link>
            </li>
            <li>
              <a href={`mailto:${contactEmail}`}>{t("footer.contact")}</a>
            </li>
          </ul>
        </nav>
        <p>{t("footer.about")}</p>
      </div>
    </footer>
  );
}

/** Focus and title after a client-side navigation; rendered after <main> so a page's own focus effects run first. */
function PageChange() {
  usePageChangeAnnouncement();
  return null;
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const language = useLanguage();
  return (
    <html lang={HTML_LANG[language]}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d3557" />
        <Meta />
        <Alternates />
        <Links />
      </head>
      <body>
        <Header />
        <main id="main" className="page" tabIndex={-1}>
          {children}
        </main>
        <Footer />
        <PageChange />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // A client-side move between languages (rare: the switch reloads the page) brings the catalogues along.
  useChangeLanguage(useLanguage());
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
