import type { MetaFunction } from "@remix-run/node";
import { Link, useRouteLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocalisedPath } from "~/components/i18n";
import { DEFAULT_CONTACT_EMAIL } from "~/content/site";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";
import type { loader as rootLoader } from "~/root";

export const handle: I18nHandle = { i18n: ["info"] };

export const meta: MetaFunction = ({ location }) => [
  { title: titleFor(location.pathname, translatorFor(location.pathname, "info")("accessibility.title")) },
];

export default function AccessibilityStatement() {
  const contactEmail = useRouteLoaderData<typeof rootLoader>("root")?.contactEmail ?? DEFAULT_CONTACT_EMAIL;
  const { t } = useTranslation("info", { keyPrefix: "accessibility" });
  const path = useLocalisedPath();
  return (
    <div className="prose">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2>{t("howHeading")}</h2>
      <p>{t("how")}</p>
      <ul>
        <li>{t("keyboard")}</li>
        <li>{t("phone")}</li>
        <li>{t("noScript")}</li>
        <li>{t("save")}</li>
      </ul>
      <h2>{t("knownHeading")}</h2>
      <ul>
        <li>{t("tables")}</li>
        <li>{t("languages")}</li>
        <li>{t("files")}</li>
      </ul>
      <h2>{t("reportHeading")}</h2>
      <p>
        <Trans t={t} i18nKey="report" values={{ email: contactEmail }} components={{ email: <a href={`mailto:${contactEmail}`} /> }} />
      </p>
      <p>{t("eass")}</p>
      <h2>{t("testedHeading")}</h2>
      <p>{t("tested")}</p>
      <p>
        <Link to={path("/privacy")}>{t("privacyLink")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
