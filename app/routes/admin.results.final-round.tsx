import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConfirmAction } from "~/components/confirm-action";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorSummary } from "~/components/forms";
import { parseForm } from "~/components/schema-form";
import { withNotice } from "~/components/notice";
import { finalRoundStartProblem, roundHasClosed } from "~/domain/judging";
import { effectivePhase } from "~/domain/phases";
import { getCycleByYear } from "~/models/cycle-setup.server";
import { closeFinalRound, finalRoundCategories, startFinalRound } from "~/models/final-round.server";
import { judgingProgress } from "~/models/reminders.server";
import { requireAdmin } from "~/utils/auth.server";
import { yearParam } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";
import { formatLondon } from "~/domain/time";

/** Starting or closing the final round: each is confirmed on this page, so it works without JavaScript. */
const MoveSchema = z.object({ intent: z.enum(["start", "close"]), confirm: z.literal("yes") });

export const meta: MetaFunction = () => [{ title: "Final round – Results – Community Sponsorship Awards" }];

async function loadCycle(request: Request) {
  const year = yearParam(request);
  const cycle = year ? await getCycleByYear(year) : null;
  if (!cycle) notFound("There is no cycle for that year.");
  return cycle;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await loadCycle(request);
  const now = new Date();
  const intent = new URL(request.url).searchParams.get("do") === "close" ? "close" : "start";
  const categories = await finalRoundCategories(cycle.id);
  const inFinal = effectivePhase(cycle, now) === "final_round";
  const progress = inFinal ? await judgingProgress(cycle.id, "final") : [];
  return {
    year: cycle.year,
    intent,
    problem:
      intent === "start"
        ? finalRoundStartProblem(cycle, categories, now)
        : inFinal
          ? null
          : "The final round is not open, so it cannot be closed.",
    categories: categories.filter((c) => c.shortlisted > 0),
    deadline: cycle.finalRoundCloseAt ? formatLondon(cycle.finalRoundCloseAt) : null,
    deadlinePassed: inFinal && roundHasClosed(cycle, "final", now),
    submitted: progress.reduce((sum, p) => sum + p.submitted, 0),
    assigned: progress.reduce((sum, p) => sum + p.assigned, 0),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const cycle = await loadCycle(request);
  const submission = parseForm(await request.formData(), MoveSchema);
  if (submission.status !== "success") return data({ error: "Confirm by selecting the button on this page." }, { status: 400 });
  const actor = { id: admin.id, name: admin.name };
  const start = submission.value.intent === "start";
  const moved = start ? await startFinalRound(cycle.id, actor) : await closeFinalRound(cycle.id, actor);
  if (!moved.ok) return data({ error: moved.message }, { status: 409 });
  return redirect(withNotice(`/admin/results?year=${cycle.year}`, start ? "final-round-started" : "final-round-closed"));
}

export default function FinalRound() {
  const { year, intent, problem, categories, deadline, deadlinePassed, submitted, assigned } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error ?? problem;
  const back = `/admin/results?year=${year}`;
  return (
    <div className="prose">
      <p className="caption">
        <Link to={back}>Results {year}</Link>
      </p>
      <h1>{intent === "start" ? "Start the final round?" : "Close the final round?"}</h1>
      <ErrorSummary errors={error ? [{ message: error }] : []} />
      {intent === "start" ? (
        <>
          <p>
            The final round scores the shortlist again. Each judge gets a fresh score sheet for it; their main-round scores
            are kept as they were, and conflicts of interest still hide what they hid. The winners are then decided from the
            final round&apos;s leaderboard.
          </p>
          {categories.length ? (
            <ul>
              {categories.map((c) => (
                <li key={c.name}>
                  {c.name}: {c.shortlisted} shortlisted
                </li>
              ))}
            </ul>
          ) : null}
          <p>
            {deadline
              ? `It closes on ${deadline} (UK time), or earlier if you close it.`
              : "It has no closing date: it stays open until you close it. You can set one on the cycle's page."}{" "}
            After starting it, run the assignments for each category.
          </p>
        </>
      ) : (
        <>
          <p>
            {submitted} of {assigned} final-round score sheets are submitted.
            {deadline ? ` The round ${deadlinePassed ? "closed" : "closes"} for scoring on ${deadline} (UK time).` : ""}
          </p>
          <p>
            Closing it stops any further scoring and moves the cycle on to <strong>winners decided</strong>. Choose the
            winners from the final round&apos;s leaderboard.
          </p>
        </>
      )}
      {problem ? (
        <p>
          <Link to={back}>Back to the results</Link>
        </p>
      ) : (
        <ConfirmAction fields={{ intent }} cancelTo={back}>
          {intent === "start" ? "Yes, start the final round" : "Yes, close the final round"}
        </ConfirmAction>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
