import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage, useLanguage } from "~/components/i18n";
import { localised } from "~/domain/language";
import { titleFor, translator, translatorFor, type I18nHandle } from "~/i18n";
import { languageOf } from "~/i18n.server";
import { ErrorSummary } from "~/components/forms";
import { JourneyHeading } from "~/components/nomination";
import { canWithdraw } from "~/domain/nomination";
import { type OwnedJourney, requireOwnJourney, withdrawNomination } from "~/models/nomination.server";
import { readNominationToken } from "~/utils/nomination-access.server";
import { statusPath } from "~/utils/nomination-paths";

export const handle: I18nHandle = { i18n: ["nomination"] };

export const meta: MetaFunction = ({ location }) => [
  { title: titleFor(location.pathname, translatorFor(location.pathname, "nomination")("withdraw.title")) },
];

async function requireWithdrawable(request: Request, slug: string): Promise<OwnedJourney> {
  const journey = await requireOwnJourney(slug, readNominationToken(request, slug));
  if (journey.nomination.status !== "submitted") throw redirect(statusPath(slug, languageOf(request)));
  return journey;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const journey = await requireWithdrawable(request, params.slug!);
  return {
    category: { slug: journey.category.slug, name: localised(journey.category.name, journey.category.nameCy, languageOf(request)) },
    nominee: journey.nomination.nomineeName,
    reference: journey.nomination.reference,
    allowed: canWithdraw(journey.cycle, new Date()),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const journey = await requireWithdrawable(request, params.slug!);
  if (!canWithdraw(journey.cycle, new Date())) {
    return data({ error: translator(languageOf(request), "nomination")("withdraw.tooLate") }, { status: 403 });
  }
  await withdrawNomination(journey);
  return redirect(statusPath(journey.category.slug, languageOf(request)));
}

export default function WithdrawNomination() {
  const { category, nominee, reference, allowed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("nomination");
  const { t: tc } = useTranslation("common");
  const language = useLanguage();
  return (
    <div className="prose">
      <p className="back-link">
        <Link to={statusPath(category.slug, language)}>{tc("back")}</Link>
      </p>
      <JourneyHeading category={<InLanguage text={category.name} />}>{t("withdraw.heading")}</JourneyHeading>
      {actionData?.error ? <ErrorSummary errors={[{ message: actionData.error }]} /> : null}
      {allowed ? (
        <>
          <p>{t("withdraw.text", { nominee, reference })}</p>
          <Form method="post">
            <button type="submit" className="button button--warning">
              {t("withdraw.button")}
            </button>
          </Form>
          <p>
            <Link to={statusPath(category.slug, language)}>{t("withdraw.keep")}</Link>
          </p>
        </>
      ) : (
        <p>{t("withdraw.tooLate")}</p>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
