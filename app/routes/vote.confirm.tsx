import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage, useLanguage, useLocalisedPath } from "~/components/i18n";
import { localised } from "~/domain/language";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";
import { confirmVote, peekVoteConfirmation, type VoteConfirmation } from "~/models/peoples-choice.server";
import { isAccessToken } from "~/utils/nomination-access.server";

export const handle: I18nHandle = { i18n: ["vote"] };

export const meta: MetaFunction = ({ location }) => [{ title: titleFor(location.pathname, translatorFor(location.pathname, "vote")("confirm.title")) }];

const NO_STORE = { "Cache-Control": "no-store" };

/*
 * As with nominations and letters (docs/decisions/003 and 006), the link opens a page with a
 * button: mail scanners open links before people do, and must not vote on anyone's behalf.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = new URL(request.url).searchParams.get("t");
  const found: VoteConfirmation = isAccessToken(t) ? await peekVoteConfirmation(t) : { outcome: "invalid" };
  return data({ found, t: found.outcome === "pending" ? t! : null }, { status: found.outcome === "invalid" ? 400 : 200, headers: NO_STORE });
}

export async function action({ request }: ActionFunctionArgs) {
  const t = (await request.formData()).get("t");
  const done: VoteConfirmation = isAccessToken(t) ? await confirmVote(t) : { outcome: "invalid" };
  const status = done.outcome === "invalid" ? 400 : done.outcome === "closed" ? 403 : 200;
  return data({ done }, { status, headers: NO_STORE });
}

export default function ConfirmVote() {
  const { found, t: token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("vote");
  const language = useLanguage();
  const path = useLocalisedPath();
  const state = actionData?.done ?? found;
  if (state.outcome === "invalid") {
    return (
      <div className="prose">
        <h1>{t("confirm.brokenHeading")}</h1>
        <p>{t("confirm.brokenText")}</p>
        <p>
          <Link to={path("/winners")}>{t("confirm.goToShortlist")}</Link>
        </p>
      </div>
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
    <div className="prose narrow">
      <h1>{t("confirm.title")}</h1>
      <p>
        <Trans t={t} i18nKey="confirm.ask" {...about} />
      </p>
      <Form method="post">
        <input type="hidden" name="t" value={token ?? ""} />
        <button type="submit" className="button">
          {t("confirm.button")}
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
