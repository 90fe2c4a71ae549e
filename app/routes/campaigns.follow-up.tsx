import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseFollowUpAnswer } from "~/domain/campaign";
import { answerFollowUp } from "~/models/campaign-letter.server";
import { isAccessToken } from "~/utils/nomination-access.server";
import { meetPath } from "~/utils/campaign-paths";

export const meta: MetaFunction = () => [{ title: "Thank you – Community Sponsorship Awards" }];

/**
 * The follow-up email's one-click answers: opening the link records the answer (a later
 * click changes it). An answer is no secret and sends nothing, so a mail scanner that
 * opens every link can do no more than record an answer the sender can correct.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const t = url.searchParams.get("t");
  const answer = parseFollowUpAnswer(url.searchParams);
  const recorded = isAccessToken(t) && answer ? await answerFollowUp(t, answer) : null;
  if (!recorded || !answer) return data({ recorded: null }, { status: 400, headers: { "Cache-Control": "no-store" } });
  return data({ recorded: { ...recorded, ...answer } }, { headers: { "Cache-Control": "no-store" } });
}

export default function FollowUpAnswer() {
  const { recorded } = useLoaderData<typeof loader>();
  if (!recorded) {
    return (
      <div className="prose">
        <h1>This link does not work</h1>
        <p>Check that you copied the whole link from our email.</p>
      </div>
    );
  }
  const what =
    recorded.question === "replied"
      ? recorded.answer
        ? `${recorded.mpName} replied to your letter`
        : `${recorded.mpName} has not replied yet`
      : recorded.answer
        ? `${recorded.mpName} signed the commitment form`
        : `${recorded.mpName} has not signed the commitment form`;
  return (
    <div className="prose">
      <div className="confirmation-panel">
        <h1>Thank you</h1>
        <p>We have recorded that {what}.</p>
      </div>
      <p>Chose the wrong answer? Select the other link in the email: we keep the last one.</p>
      <p>
        <Link to={meetPath(recorded.slug)}>Meeting your MP? Read the briefing</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
