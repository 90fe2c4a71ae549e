import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { STATUS_LABELS } from "~/components/admin";
import { formatLondon } from "~/domain/time";
import { cycleByYearOrCurrent } from "~/models/cycle-setup.server";
import { listFeedback } from "~/models/feedback.server";
import { requireAdmin } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";

export const meta: MetaFunction = () => [{ title: "Feedback to nominees – Administration – Community Sponsorship Awards" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const cycle = await cycleByYearOrCurrent(new URL(request.url).searchParams.get("year"));
  if (!cycle) notFound("There is no cycle yet.");
  const feedback = await listFeedback(cycle.id);
  return {
    year: cycle.year,
    // Before the winners are public (or when the cycle shares none) there is nothing to show but why.
    refusal: feedback.ok ? null : feedback.message,
    entries: feedback.ok
      ? feedback.entries.map((e) => ({ ...e, status: STATUS_LABELS[e.status], releasedAt: e.releasedAt ? formatLondon(e.releasedAt) : null }))
      : [],
  };
}

export default function FeedbackList() {
  const { year, refusal, entries } = useLoaderData<typeof loader>();
  return (
    <div className="prose wide">
      <p className="caption">
        <Link to={`/admin/cycles/${year}`}>Cycle {year}</Link>
      </p>
      <h1>Feedback to nominees</h1>
      {refusal ? (
        <p>{refusal}</p>
      ) : entries.length === 0 ? (
        <p>No nomination was judged in {year}.</p>
      ) : (
        <>
          <p>
            Review each nomination&apos;s comments, edit them or leave some out, then release them. The nominator and the
            nominee (or a young nominee&apos;s parent or guardian) get one email. Private comments are never shown here.
          </p>
          <table className="table">
            <caption className="visually-hidden">Feedback by nomination</caption>
            <thead>
              <tr>
                <th scope="col">Nomination</th>
                <th scope="col">Category</th>
                <th scope="col">Result</th>
                <th scope="col">Shared comments</th>
                <th scope="col">Released</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>
                    <Link to={`/admin/feedback/${e.id}`}>{e.nomineeName}</Link> <span className="card__meta">{e.reference}</span>
                  </td>
                  <td>{e.category}</td>
                  <td>{e.status}</td>
                  <td>{e.comments}</td>
                  <td>{e.releasedAt ?? "Not yet"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
