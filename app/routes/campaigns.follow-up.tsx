import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BrokenLink } from "~/components/confirm-link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocalisedPath } from "~/components/i18n";
import { parseFollowUpAnswer } from "~/domain/campaign";
import { titleFor, translatorFor, type I18nHandle } from "~/i18n";
import { answerFollowUp } from "~/models/campaign-letter.server";
import { meetPath } from "~/utils/campaign-paths";
import { linkSecrets, NO_STORE } from "~/utils/confirm-link.server";

export const handle: I18nHandle = { i18n: ["campaign"] };

export const meta: MetaFunction = ({ location }) => [{ title: titleFor(location.pathname, translatorFor(location.pathname, "campaign")("followUp.title")) }];

/**
 * The follow-up email's one-click answers: opening the link records the answer (a later
 * click changes it). An answer is no secret and sends nothing, so a mail scanner that
 * opens every link can do no more than record an answer the sender can correct.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const secrets = linkSecrets(url, "t");
  const answer = parseFollowUpAnswer(url.searchParams);
  const recorded = secrets && answer ? await answerFollowUp(secrets.t, answer) : null;
  if (!recorded || !answer) return data({ recorded: null }, { status: 400, headers: NO_STORE });
  return data({ recorded: { ...recorded, ...answer } }, { headers: NO_STORE });
}

const WHAT = {
  replied: { yes: "followUp.replied", no: "followUp.notReplied" },
  signed: { yes: "followUp.signed", no: "followUp.notSigned" },
} as const;

export default function FollowUpAnswer() {
  const { recorded } = useLoaderData<typeof loader>();
  const { t } = useTranslation("campaign");
  const path = useLocalisedPath();
  if (!recorded) {
    return <BrokenLink heading={t("followUp.brokenHeading")}>{t("followUp.brokenText")}</BrokenLink>;
  }
  return (
    <div className="prose">
      <div className="confirmation-panel">
        <h1>{t("followUp.title")}</h1>
        <p>{t(WHAT[recorded.question][recorded.answer ? "yes" : "no"], { name: recorded.mpName })}</p>
      </div>
      <p>{t("followUp.change")}</p>
      <p>
        <Link to={path(meetPath(recorded.slug))}>{t("followUp.briefing")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
