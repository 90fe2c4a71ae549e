import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InLanguage, useLanguage, useLocalisedPath } from "~/components/i18n";
import { localised } from "~/domain/language";
import { nomineeTypesIn, titleFor, translator, translatorFor, type I18nHandle } from "~/i18n";
import { describeWaitIn } from "~/utils/nomination-journey.server";
import { languageOf } from "~/i18n.server";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { JourneyHeading } from "~/components/nomination";
import { nominatorOutcome } from "~/domain/nomination-news";
import { effectivePhase } from "~/domain/phases";
import { publicStage } from "~/domain/results";
import { canChangeNominations, canWithdraw, isStep, nominatorStatus } from "~/domain/nomination";
import { MAX_FILES_PER_NOMINATION } from "~/domain/files";
import { limitNominationMail, loadJourney, resendConfirmation } from "~/models/nomination.server";
import { nominationCookieHeaders, readNominationToken } from "~/utils/nomination-access.server";
import { closedMessage } from "~/utils/nomination-journey.server";
import { statusPath, stepPath, withdrawPath } from "~/utils/nomination-paths";
import { clientIp } from "~/utils/request.server";
import { cycleMoments, PRIVATE_NO_STORE } from "~/domain/public-cache";
import { publicHeaders } from "~/models/public-pages.server";
import { formatLondon, isoString } from "~/domain/time";

export const handle: I18nHandle = { i18n: ["nomination"] };

export const meta: MetaFunction<typeof loader> = ({ data, location }) => {
  const t = translatorFor(location.pathname, "nomination");
  return [
    { title: titleFor(location.pathname, data ? t("start.title", { category: data.category.name.text }) : t("index.title")) },
    { name: "description", content: data?.category.description.text ?? t("index.description") },
  ];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const language = languageOf(request);
  const journey = await loadJourney(params.slug!, readNominationToken(request, params.slug!));
  const { cycle, category, nomination } = journey;
  const now = new Date();
  const phase = effectivePhase(cycle, now);
  return data(
    {
      category: {
        slug: category.slug,
        name: localised(category.name, category.nameCy, language),
        description: localised(category.description, category.descriptionCy, language),
        eligibility: localised(category.eligibility, category.eligibilityCy, language),
        nominees: nomineeTypesIn(category.nomineeTypes, language),
        selfNominationAllowed: category.selfNominationAllowed,
        nomineeUnder18: category.nomineeUnder18,
        sponsor: category.sponsor ? localised(category.sponsor, category.sponsorCy, language) : null,
        questions: journey.questions.map((q) => ({ label: localised(q.label, q.labelCy, language).text, wordLimit: q.wordLimit })),
      },
      open: canChangeNominations(cycle, now),
      opensLater:
        phase === "draft" && cycle.nominationsOpenAt && cycle.nominationsOpenAt > now ? formatLondon(cycle.nominationsOpenAt, language) : null,
      closes: formatLondon(cycle.nominationsCloseAt, language),
      closesIso: isoString(cycle.nominationsCloseAt),
      closedMessage: closedMessage(journey, language),
      nomination: nomination && {
        reference: nomination.reference,
        status: nominatorStatus(nomination.status),
        confirmed: Boolean(nomination.confirmedAt),
        nominee: nomination.nomineeName,
        nominatorEmail: nomination.nominatorEmail,
        continueTo: stepPath(category.slug, isStep(nomination.step) ? nomination.step : "nominee", language),
        canWithdraw: nomination.status === "submitted" && canWithdraw(cycle, now),
        outcome: nominatorOutcome(
          { status: nomination.status, merged: nomination.mergedIntoId !== null, nominee: nomination.nomineeName },
          publicStage(cycle, now),
        ),
      },
    },
    // The start page is the same for everyone without a draft here; a draft's page is theirs alone.
    { headers: journey.token ? { "Cache-Control": PRIVATE_NO_STORE } : await publicHeaders(cycleMoments(cycle), now) },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Cache-Control": loaderHeaders.get("Cache-Control") ?? PRIVATE_NO_STORE,
});

export async function action({ request, params, context }: ActionFunctionArgs) {
  const journey = await loadJourney(params.slug!, readNominationToken(request, params.slug!));
  const language = languageOf(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const slug = journey.category.slug;
  if (intent === "forget") {
    // Forgets the nomination in this browser only: the emailed link still opens it.
    return redirect(statusPath(slug, language), { headers: nominationCookieHeaders(slug, null) });
  }
  const { nomination, token } = journey;
  if (intent === "resend" && nomination && token && nomination.status === "submitted" && !nomination.confirmedAt) {
    const limit = await limitNominationMail(clientIp(context), nomination.nominatorEmail);
    if (!limit.allowed) {
      return data(
        { error: translator(language, "nomination")("rateLimited.resend", { wait: describeWaitIn(limit.retryAfterSeconds, language) }), sent: false },
        { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
      );
    }
    await resendConfirmation({ ...journey, nomination, token });
    return data({ error: null, sent: true });
  }
  return redirect(statusPath(slug, language));
}

export default function NominationStatus() {
  const { category, open, opensLater, closes, closesIso, closedMessage, nomination } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("nomination");
  const language = useLanguage();
  const path = useLocalisedPath();
  const categoryName = <InLanguage text={category.name} />;
  // The outcome after results are out is written in English for now (domain/nomination-news.ts): marked as such.
  const englishOnly = language === "en" ? undefined : "en-GB";

  if (nomination?.outcome) {
    return (
      <div className="prose">
        <JourneyHeading category={categoryName}>
          <span lang={englishOnly}>{nomination.outcome.heading}</span>
        </JourneyHeading>
        <p lang={englishOnly}>{nomination.outcome.text}</p>
        <p>{t("status.reference", { reference: nomination.reference })}</p>
        <p>
          <Link to={path("/winners")}>{t("status.seeResults")}</Link>
        </p>
      </div>
    );
  }

  if (nomination?.status === "submitted" && nomination.confirmed) {
    return (
      <div className="prose">
        <div className="confirmation-panel">
          <h1>{t("status.confirmedHeading")}</h1>
          <p>
            {t("status.yourReference")}
            <br />
            <strong className="confirmation-panel__reference">{nomination.reference}</strong>
          </p>
        </div>
        <p>
          {t("status.thanks", { nominee: nomination.nominee, category: category.name.text, email: nomination.nominatorEmail })}
        </p>
        <h2>{t("status.nextHeading")}</h2>
        <p>
          <Trans t={t} i18nKey="status.next" values={{ date: closes }} components={{ time: <time dateTime={closesIso} /> }} />
        </p>
        <h2>{t("status.changeHeading")}</h2>
        {open ? (
          <p>
            <Trans t={t} i18nKey="status.changeUntilClose" components={{ change: <Link to={stepPath(category.slug, "check", language)} /> }} />
          </p>
        ) : null}
        {nomination.canWithdraw ? (
          <p>
            <Trans t={t} i18nKey="status.withdrawUntilJudging" components={{ withdraw: <Link to={withdrawPath(category.slug, language)} /> }} />
          </p>
        ) : (
          <p>{t("status.judgingStarted")}</p>
        )}
        <ForgetForm label={t("status.startDifferent")} />
      </div>
    );
  }

  if (nomination?.status === "submitted") {
    return (
      <div className="prose">
        <JourneyHeading category={categoryName}>{t("status.checkEmail")}</JourneyHeading>
        {actionData?.error ? <ErrorSummary errors={[{ message: actionData.error }]} /> : null}
        <div className="panel-box" role={actionData?.sent ? "status" : undefined}>
          <p>
            <Trans
              t={t}
              i18nKey={actionData?.sent ? "status.sentNew" : "status.sent"}
              values={{ email: nomination.nominatorEmail }}
              components={{ email: <strong /> }}
            />
          </p>
        </div>
        <p>{t("status.onlyCounts", { reference: nomination.reference })}</p>
        <p>{t("status.nothingArrived")}</p>
        <Form method="post">
          <SubmitButton secondary name="intent" value="resend">
            {t("status.sendAgain")}
          </SubmitButton>
        </Form>
        {open ? (
          <p>
            <Link to={stepPath(category.slug, "check", language)}>{t("status.checkOrChange")}</Link>
          </p>
        ) : null}
        {nomination.canWithdraw ? (
          <p>
            <Link to={withdrawPath(category.slug, language)}>{t("status.withdraw")}</Link>
          </p>
        ) : null}
      </div>
    );
  }

  if (nomination?.status === "withdrawn") {
    return (
      <div className="prose">
        <JourneyHeading category={categoryName}>{t("status.withdrawnHeading")}</JourneyHeading>
        <p>{t("status.withdrawn", { nominee: nomination.nominee, reference: nomination.reference })}</p>
        <ForgetForm label={t("status.startNewHere")} />
      </div>
    );
  }

  if (nomination && nomination.status !== "draft") {
    return (
      <div className="prose">
        <JourneyHeading category={categoryName}>{t("status.yourNomination")}</JourneyHeading>
        <p>{t("status.withTeam", { nominee: nomination.nominee, reference: nomination.reference })}</p>
      </div>
    );
  }

  return (
    <div className="prose">
      <p className="back-link">
        <Link to={path("/nominate")}>{t("start.allCategories")}</Link>
      </p>
      <JourneyHeading category={t("nominate")}>{categoryName}</JourneyHeading>
      {category.sponsor ? (
        <p className="caption">
          <InLanguage text={category.sponsor} />
        </p>
      ) : null}
      <InLanguage as="p" className="lead" text={category.description} />
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>{t("start.whoCanBeNominated")}</dt>
          <dd>{category.nominees[0].toUpperCase() + category.nominees.slice(1)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("start.eligibility")}</dt>
          <dd>
            <InLanguage text={category.eligibility} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("start.selfNomination")}</dt>
          <dd>{category.selfNominationAllowed ? t("start.selfAllowed") : t("start.selfNotAllowed")}</dd>
        </div>
        <div className="summary-list__row">
          <dt>{t("start.deadline")}</dt>
          <dd>
            <time dateTime={closesIso}>{closes}</time> {t("ukTime")}
          </dd>
        </div>
      </dl>
      {nomination ? (
        <>
          <h2>{t("start.draftHeading")}</h2>
          <p>
            {nomination.nominee
              ? t("start.draftOf", { nominee: nomination.nominee, reference: nomination.reference })
              : t("start.draft", { reference: nomination.reference })}
          </p>
          {open ? (
            <p>
              <Link to={nomination.continueTo} className="button">
                {t("start.continue")}
              </Link>
            </p>
          ) : (
            <div className="panel-box">
              <p>{closedMessage}</p>
            </div>
          )}
          <ForgetForm label={t("start.startNew")} />
        </>
      ) : open ? (
        <>
          <h2>{t("start.beforeYouStart")}</h2>
          <p>{t("start.youWillNeed")}</p>
          <ul>
            <li>{t("start.needNominee")}</li>
            {category.nomineeUnder18 ? <li>{t("start.needGuardian")}</li> : null}
            <li>{t("start.needYou")}</li>
            <li>
              {t("start.needAnswers", { count: category.questions.length })}{" "}
              {category.questions.map((q) => t("start.questionLimit", { label: q.label, limit: q.wordLimit })).join("; ")}
            </li>
            <li>{t("start.needFiles", { count: MAX_FILES_PER_NOMINATION })}</li>
          </ul>
          <p>{t("start.saved")}</p>
          <p>
            <Link to={stepPath(category.slug, "nominee", language)} className="button">
              {t("start.startNow")}
            </Link>
          </p>
        </>
      ) : (
        <div className="panel-box">
          <p>
            <strong>{t("start.closed")}</strong> {opensLater ? t("start.opensOn", { date: opensLater }) : t("start.nextAwards")}
          </p>
        </div>
      )}
      <p>
        <Trans t={t} i18nKey="start.checkFirst" components={{ privacy: <Link to={path("/privacy")} /> }} />
      </p>
    </div>
  );
}

function ForgetForm({ label }: { label: string }) {
  return (
    <Form method="post">
      <SubmitButton secondary name="intent" value="forget">
        {label}
      </SubmitButton>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
