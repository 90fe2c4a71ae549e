import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { confirmVote, peekVoteConfirmation, type VoteConfirmation } from "~/models/peoples-choice.server";
import { isAccessToken } from "~/utils/nomination-access.server";

export const meta: MetaFunction = () => [{ title: "Confirm your vote – Community Sponsorship Awards" }];

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
  const { found, t } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = actionData?.done ?? found;
  if (state.outcome === "invalid") {
    return (
      <div className="prose">
        <h1>This link does not work</h1>
        <p>A link to confirm a vote works until voting closes, and only for a vote that still stands. You can vote again from the shortlist while voting is open.</p>
        <p>
          <Link to="/winners">Go to the shortlist</Link>
        </p>
      </div>
    );
  }
  const back = (
    <p>
      <Link to={`/winners/${state.year}`}>See the shortlist for {state.year}</Link>
    </p>
  );
  if (state.outcome === "confirmed") {
    return (
      <div className="prose">
        <h1>Your vote is counted</h1>
        <div className="panel-box" role="status">
          <p>
            Thank you. Your vote for {state.nominee} in the People&apos;s Choice for {state.category} is counted. The results are announced with the
            winners.
          </p>
        </div>
        {back}
      </div>
    );
  }
  if (state.outcome === "closed") {
    return (
      <div className="prose">
        <h1>Voting has closed</h1>
        <p>Voting in the People&apos;s Choice for {state.category} closed before this vote was confirmed, so it was not counted.</p>
        {back}
      </div>
    );
  }
  return (
    <div className="prose narrow">
      <h1>Confirm your vote</h1>
      <p>
        Select the button to show us this email address is yours, and count your vote for {state.nominee} in the People&apos;s Choice for{" "}
        {state.category}.
      </p>
      <Form method="post">
        <input type="hidden" name="t" value={t ?? ""} />
        <button type="submit" className="button">
          Confirm my vote
        </button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
