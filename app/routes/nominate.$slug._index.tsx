import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary, SubmitButton } from "~/components/forms";
import { JourneyHeading } from "~/components/nomination";
import { nominatorOutcome } from "~/domain/nomination-news";
import { effectivePhase } from "~/domain/phases";
import { publicStage } from "~/domain/results";
import { canChangeNominations, canWithdraw, describeNomineeTypes, isStep, nominatorStatus } from "~/domain/nomination";
import { MAX_FILES_PER_NOMINATION } from "~/domain/files";
import { limitNominationMail, loadJourney, resendConfirmation } from "~/models/nomination.server";
import { blankNominationCookie, readNominationToken } from "~/utils/nomination-access.server";
import { closedMessage } from "~/utils/nomination-journey.server";
import { statusPath, stepPath, withdrawPath } from "~/utils/nomination-paths";
import { describeWait } from "~/utils/rate-limit.server";
import { clientIp } from "~/utils/request.server";
import { cycleMoments, PRIVATE_NO_STORE } from "~/domain/public-cache";
import { publicHeaders } from "~/models/public-pages.server";
import { formatLondon, isoString } from "~/domain/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Nominate for ${data?.category.name ?? "an award"} – Community Sponsorship Awards` },
  { name: "description", content: data?.category.description ?? "Nominate someone for a Community Sponsorship Award." },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const journey = await loadJourney(params.slug!, readNominationToken(request, params.slug!));
  const { cycle, category, nomination } = journey;
  const now = new Date();
  const phase = effectivePhase(cycle, now);
  return data(
    {
      category: {
        slug: category.slug,
        name: category.name,
        description: category.description,
        eligibility: category.eligibility,
        nominees: describeNomineeTypes(category.nomineeTypes),
        selfNominationAllowed: category.selfNominationAllowed,
        nomineeUnder18: category.nomineeUnder18,
        sponsor: category.sponsor,
        questions: journey.questions.map((q) => ({ label: q.label, wordLimit: q.wordLimit })),
      },
      open: canChangeNominations(cycle, now),
      opensLater: phase === "draft" && cycle.nominationsOpenAt && cycle.nominationsOpenAt > now ? formatLondon(cycle.nominationsOpenAt) : null,
      closes: formatLondon(cycle.nominationsCloseAt),
      closesIso: isoString(cycle.nominationsCloseAt),
      closedMessage: closedMessage(journey),
      nomination: nomination && {
        reference: nomination.reference,
        status: nominatorStatus(nomination.status),
        confirmed: Boolean(nomination.confirmedAt),
        nominee: nomination.nomineeName,
        nominatorEmail: nomination.nominatorEmail,
        continueTo: stepPath(category.slug, isStep(nomination.step) ? nomination.step : "nominee"),
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
  const formData = await request.formData();
  const intent = formData.get("intent");
  const slug = journey.category.slug;
  if (intent === "forget") {
    // Forgets the nomination in this browser only: the emailed link still opens it.
    return redirect(statusPath(slug), { headers: { "Set-Cookie": blankNominationCookie(slug) } });
  }
  const { nomination, token } = journey;
  if (intent === "resend" && nomination && token && nomination.status === "submitted" && !nomination.confirmedAt) {
    const limit = await limitNominationMail(clientIp(context), nomination.nominatorEmail);
    if (!limit.allowed) {
      return data(
        { error: `We have sent several emails to this address already. Wait ${describeWait(limit.retryAfterSeconds)} and try again.`, sent: false },
        { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
      );
    }
    await resendConfirmation({ ...journey, nomination, token });
    return data({ error: null, sent: true });
  }
  return redirect(statusPath(slug));
}

export default function NominationStatus() {
  const { category, open, opensLater, closes, closesIso, closedMessage, nomination } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  if (nomination?.outcome) {
    return (
      <div className="prose">
        <JourneyHeading category={category.name}>{nomination.outcome.heading}</JourneyHeading>
        <p>{nomination.outcome.text}</p>
        <p>Your reference: {nomination.reference}.</p>
        <p>
          <Link to="/winners">See the published results</Link>
        </p>
      </div>
    );
  }

  if (nomination?.status === "submitted" && nomination.confirmed) {
    return (
      <div className="prose">
        <div className="confirmation-panel">
          <h1>Nomination confirmed</h1>
          <p>
            Your reference
            <br />
            <strong className="confirmation-panel__reference">{nomination.reference}</strong>
          </p>
        </div>
        <p>
          Thank you for nominating {nomination.nominee} for {category.name}. We have emailed a receipt with a copy of your
          answers to {nomination.nominatorEmail}.
        </p>
        <h2>What happens next</h2>
        <p>
          After nominations close on <time dateTime={closesIso}>{closes}</time> (UK time), we check every nomination and
          the judges score them. We will email you when the shortlist is published.
        </p>
        <h2>Changing or withdrawing your nomination</h2>
        {open ? (
          <p>
            <Link to={stepPath(category.slug, "check")}>Change your nomination</Link> until nominations close.
          </p>
        ) : null}
        {nomination.canWithdraw ? (
          <p>
            <Link to={withdrawPath(category.slug)}>Withdraw your nomination</Link> until judging starts.
          </p>
        ) : (
          <p>Judging has started, so this nomination can no longer be withdrawn.</p>
        )}
        <ForgetForm label="Start a different nomination in this category" />
      </div>
    );
  }

  if (nomination?.status === "submitted") {
    return (
      <div className="prose">
        <JourneyHeading category={category.name}>Check your email</JourneyHeading>
        {actionData?.error ? <ErrorSummary errors={[{ message: actionData.error }]} /> : null}
        <div className="panel-box" role={actionData?.sent ? "status" : undefined}>
          <p>
            {actionData?.sent ? "We have sent a new link to " : "We have sent a link to "}
            <strong>{nomination.nominatorEmail}</strong>. Open it to confirm your nomination.
          </p>
        </div>
        <p>
          Your nomination (reference {nomination.reference}) only counts once you have opened the link. The link works for
          7 days.
        </p>
        <p>Nothing arrived after a few minutes? Check your spam folder, or ask for another link.</p>
        <Form method="post">
          <SubmitButton secondary name="intent" value="resend">
            Send the link again
          </SubmitButton>
        </Form>
        {open ? (
          <p>
            <Link to={stepPath(category.slug, "check")}>Check or change your answers</Link>
          </p>
        ) : null}
        {nomination.canWithdraw ? (
          <p>
            <Link to={withdrawPath(category.slug)}>Withdraw your nomination</Link>
          </p>
        ) : null}
      </div>
    );
  }

  if (nomination?.status === "withdrawn") {
    return (
      <div className="prose">
        <JourneyHeading category={category.name}>You withdrew this nomination</JourneyHeading>
        <p>
          Your nomination of {nomination.nominee} (reference {nomination.reference}) has been withdrawn. The judges will not
          see it.
        </p>
        <ForgetForm label="Start a new nomination in this category" />
      </div>
    );
  }

  if (nomination && nomination.status !== "draft") {
    return (
      <div className="prose">
        <JourneyHeading category={category.name}>Your nomination</JourneyHeading>
        <p>
          Your nomination of {nomination.nominee} (reference {nomination.reference}) is with the awards team and the judges.
          It can no longer be changed.
        </p>
      </div>
    );
  }

  return (
    <div className="prose">
      <p className="back-link">
        <Link to="/nominate">All categories</Link>
      </p>
      <JourneyHeading category="Nominate">{category.name}</JourneyHeading>
      {category.sponsor ? <p className="caption">{category.sponsor}</p> : null}
      <p className="lead">{category.description}</p>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Who can be nominated</dt>
          <dd>{category.nominees[0].toUpperCase() + category.nominees.slice(1)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Eligibility</dt>
          <dd>{category.eligibility}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Nominating yourself</dt>
          <dd>{category.selfNominationAllowed ? "Allowed" : "Not allowed: someone else must nominate you"}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Deadline</dt>
          <dd>
            <time dateTime={closesIso}>{closes}</time> (UK time)
          </dd>
        </div>
      </dl>
      {nomination ? (
        <>
          <h2>Your draft nomination</h2>
          <p>
            You have a draft nomination{nomination.nominee ? ` of ${nomination.nominee}` : ""} (reference{" "}
            {nomination.reference}). It is saved: carry on where you left off.
          </p>
          {open ? (
            <p>
              <Link to={nomination.continueTo} className="button">
                Continue your nomination
              </Link>
            </p>
          ) : (
            <div className="panel-box">
              <p>{closedMessage}</p>
            </div>
          )}
          <ForgetForm label="Start a new nomination instead" />
        </>
      ) : open ? (
        <>
          <h2>Before you start</h2>
          <p>You will need:</p>
          <ul>
            <li>the name of who you are nominating, and their organisation and area if they have them</li>
            {category.nomineeUnder18 ? <li>the contact details of their parent or guardian, who must agree</li> : null}
            <li>your own name and email address</li>
            <li>
              answers to {category.questions.length} {category.questions.length === 1 ? "question" : "questions"}:{" "}
              {category.questions.map((q) => `${q.label} (up to ${q.wordLimit} words)`).join("; ")}
            </li>
            <li>up to {MAX_FILES_PER_NOMINATION} supporting files if you want to add them (optional)</li>
          </ul>
          <p>
            We save your answers at every step and email you a link, so you can finish later, on any device. It takes
            about 20 minutes.
          </p>
          <p>
            <Link to={stepPath(category.slug, "nominee")} className="button">
              Start now
            </Link>
          </p>
        </>
      ) : (
        <div className="panel-box">
          <p>
            <strong>Nominations are closed.</strong>{" "}
            {opensLater ? `Nominations open on ${opensLater} (UK time).` : "We will announce when the next awards open."}
          </p>
        </div>
      )}
      <p>
        You can check all your answers before you send anything. Read about{" "}
        <Link to="/privacy">how we use your information</Link>.
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
