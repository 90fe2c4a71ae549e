import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { DEFAULT_CONTACT_EMAIL, FOOTER, SITE_NAME } from "./content/site";
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

export const meta: MetaFunction = () => [{ title: SITE_NAME }];

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
    { user: user && { name: user.name, isAdmin: user.isAdmin, isJudge: user.isJudge }, contactEmail: getEnv().CONTACT_EMAIL },
    { headers },
  );
}

export function useOptionalUser() {
  return useRouteLoaderData<typeof loader>("root")?.user ?? null;
}

function Header() {
  const user = useOptionalUser();
  return (
    <header className="site-header">
      <a href="#main" className="skip-link">
        Skip to main content
      </a>
      <div className="site-header__inner">
        <Link to="/" className="site-header__title">
          Community Sponsorship Awards
        </Link>
        <nav aria-label="Main">
          <ul className="site-nav">
            <li>
              <NavLink to="/" end>
                Home
              </NavLink>
            </li>
            <li>
              <NavLink to="/nominate">Nominate</NavLink>
            </li>
            <li>
              <NavLink to="/winners">Winners</NavLink>
            </li>
            <li>
              <NavLink to="/campaigns">Campaigns</NavLink>
            </li>
            {user?.isJudge ? (
              <li>
                <NavLink to="/judge">Judging</NavLink>
              </li>
            ) : null}
            {user?.isAdmin ? (
              <li>
                <NavLink to="/admin">Admin</NavLink>
              </li>
            ) : null}
            <li>
              {user ? (
                <Form method="post" action="/logout" className="inline-form">
                  <button type="submit" className="link-button">
                    Sign out
                  </button>
                </Form>
              ) : (
                <NavLink to="/login">Sign in</NavLink>
              )}
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}

function Footer() {
  const contactEmail = useRouteLoaderData<typeof loader>("root")?.contactEmail ?? DEFAULT_CONTACT_EMAIL;
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <nav aria-label={FOOTER.label}>
          <ul className="site-footer__links">
            <li>
              <Link to="/privacy">{FOOTER.privacy}</Link>
            </li>
            <li>
              <Link to="/accessibility">{FOOTER.accessibility}</Link>
            </li>
            <li>
              <a href={`mailto:${contactEmail}`}>{FOOTER.contact}</a>
            </li>
          </ul>
        </nav>
        <p>{FOOTER.about}</p>
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
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#1d3557" />
        <Meta />
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
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
