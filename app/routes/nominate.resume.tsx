import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocalisedPath } from "~/components/i18n";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { statusPath } from "~/utils/nomination-paths";
import { findCategorySlug, findNominationByToken } from "~/models/nomination.server";
import { isAccessToken, nominationCookieHeaders } from "~/utils/nomination-access.server";

export const handle: I18nHandle = { i18n: ["nomination"] };

export const meta: MetaFunction = ({ location }) => [
  { title: titleFor(location.pathname, translatorFor(location.pathname, "nomination")("resume.title")) },
];

/*
 * The emailed link: it keeps the secret in this browser's cookie and moves on to an
 * address without it, so the secret is not left in the address bar or the history.
 * Nothing is spent by opening it, so mail scanners that fetch links do no harm.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("t");
  const nomination = isAccessToken(token) ? await findNominationByToken(token) : null;
  const slug = nomination && !nomination.erasedAt ? await findCategorySlug(nomination.categoryId) : null;
  if (!token || !slug) return data(null, { status: 404, headers: { "Cache-Control": "no-store" } });
  throw redirect(statusPath(slug, languageOf(request)), {
    headers: nominationCookieHeaders(slug, token, { "Cache-Control": "no-store" }),
  });
}

export default function ResumeLinkDoesNotWork() {
  const { t } = useTranslation("nomination");
  const path = useLocalisedPath();
  return (
    <div className="prose">
      <h1>{t("resume.heading")}</h1>
      <p>{t("resume.text")}</p>
      <p>
        <Link to={path("/nominate")}>{t("resume.startNew")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
