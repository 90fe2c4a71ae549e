import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocalisedPath } from "~/components/i18n";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";

export const handle: I18nHandle = { i18n: ["info"] };

export const meta: MetaFunction = ({ location }) => [{ title: titleFor(location.pathname, translatorFor(location.pathname, "info")("privacy.title")) }];

export default function Privacy() {
  const { t } = useTranslation("info", { keyPrefix: "privacy" });
  const path = useLocalisedPath();
  return (
    <div className="prose">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2>{t("collectHeading")}</h2>
      <ul>
        <li>{t("collectNominee")}</li>
        <li>{t("collectGuardian")}</li>
        <li>{t("collectYou")}</li>
        <li>{t("collectAnswers")}</li>
      </ul>
      <h2>{t("whyHeading")}</h2>
      <p>{t("why")}</p>
      <h2>{t("whoHeading")}</h2>
      <p>{t("who")}</p>
      <h2>{t("keepHeading")}</h2>
      <p>{t("keep")}</p>
      <h2>{t("rightsHeading")}</h2>
      <p>{t("rights")}</p>
      <p>
        <Link to={path("/nominate")}>{t("back")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
