import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { BrokenLink, ConfirmByButton } from "~/components/confirm-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage, useLanguage, useLocalisedPath } from "~/components/i18n";
import { localised } from "~/domain/language";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";
import { confirmVote, peekVoteConfirmation, type VoteConfirmation } from "~/models/peoples-choice.server";
import { linkSecrets, NO_STORE } from "~/utils/confirm-link.server";

export const handle: I18nHandle = { i18n: ["vote"] };

export const meta: MetaFunction = ({ location }) => [{ title: titleFor(location.pathname, translatorFor(location.pathname, "vote")("confirm.title")) }];

/*
 * As with nominations and letters (docs/decisions/003 and 006), the link opens a page with a
 * button: mail scanners open links before people do, and must not vote on anyone's behalf.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const secrets = linkSecrets(new URL(request.url), "t");
  const found: VoteConfirmation = secrets ? await peekVoteConfirmation(secrets.t) : { outcome: "invalid" };
  return data({ found, secrets: found.outcome === "pending" ? secrets : null }, { status: found.outcome === "invalid" ? 400 : 200, headers: NO_STORE });
}

export async function action({ request }: ActionFunctionArgs) {
  const secrets = linkSecrets(await request.formData(), "t");
  const done: VoteConfirmation = secrets ? await confirmVote(secrets.t) : { outcome: "invalid" };
  const status = done.outcome === "invalid" ? 400 : done.outcome === "closed" ? 403 : 200;
  return data({ done }, { status, headers: NO_STORE });
}

export default function ConfirmVote() {
  const { found, secrets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("vote");
  const language = useLanguage();
  const path = useLocalisedPath();
  const state = actionData?.done ?? found;
  if (state.outcome === "invalid") {
    return (
      <BrokenLink heading={t("confirm.brokenHeading")} to={path("/winners")} linkText={t("confirm.goToShortlist")}>
        {t("confirm.brokenText")}
      </BrokenLink>
    );
  }
  const category = localised(state.category, state.categoryCy, language);
  const about = { values: { nominee: state.nominee, category: category.text }, components: { category: <InLanguage text={category} /> } };
  const back = (
    <p>
      <Link to={path(`/winners/${state.year}`)}>{t("seeShortlist", { year: state.year })}</Link>
    </p>
  );
  if (state.outcome === "confirmed") {
    return (
      <div className="prose">
        <h1>{t("confirm.countedHeading")}</h1>
        <div className="panel-box" role="status">
          <p>
            <Trans t={t} i18nKey="confirm.counted" {...about} />
          </p>
        </div>
        {back}
      </div>
    );
  }
  if (state.outcome === "closed") {
    return (
      <div className="prose">
        <h1>{t("confirm.closedHeading")}</h1>
        <p>
          <Trans t={t} i18nKey="confirm.closed" {...about} />
        </p>
        {back}
      </div>
    );
  }
  return (
    <ConfirmByButton heading={t("confirm.title")} secrets={secrets ?? {}} button={t("confirm.button")}>
      <Trans t={t} i18nKey="confirm.ask" {...about} />
    </ConfirmByButton>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
