import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLanguage, useLocalisedPath } from "./i18n";

const TITLES = {
  400: "errors.status400",
  403: "errors.status403",
  404: "errors.status404",
  405: "errors.status405",
  413: "errors.status413",
  429: "errors.status429",
} as const;

/** The one error boundary: thrown responses become plain pages, in the page's language. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const path = useLocalisedPath();
  const language = useLanguage();
  if (isRouteErrorResponse(error)) {
    const title = t(TITLES[error.status as keyof typeof TITLES] ?? "errors.statusOther");
    // A route's own explanation is written in English; on a Welsh page it is marked as such.
    const message =
      typeof error.data === "string" && error.data ? (
        <span lang={language === "cy" ? "en-GB" : undefined}>{error.data}</span>
      ) : error.status === 404 ? (
        t("errors.checkAddress")
      ) : (
        t("errors.tryAgain")
      );
    return (
      <div className="prose">
        <h1>{title}</h1>
        <p>{message}</p>
        <p>
          <Link to={path("/")}>{t("errors.homeLink")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="prose">
      <h1>{t("errors.serviceTitle")}</h1>
      <p>{t("errors.serviceText")}</p>
      <p>
        <Link to={path("/")}>{t("errors.homeLink")}</Link>
      </p>
    </div>
  );
}
