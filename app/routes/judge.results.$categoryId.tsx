import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LeaderboardTable } from "~/components/leaderboard";
import { ROUND_LABELS } from "~/domain/judging";
import { heldBackLabel } from "~/domain/results";
import { chairView } from "~/models/results-leaderboard.server";
import { requireJudge } from "~/utils/auth.server";
import { forbidden, notFound } from "~/utils/responses.server";
import { requireId } from "~/utils/params.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.category ?? "Results"} – panel results – Community Sponsorship Awards` },
];

/**
 * A panel chair's view of the results, once scoring has closed, through the one chair
 * function (chairView): conflicts gone before any figure, own scores first.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const judge = await requireJudge(request);
  const view = await chairView(judge.id, requireId(params.categoryId));
  if (!view.ok) {
    if (view.status === 404) notFound(view.message);
    forbidden(view.message);
  }
  const { results, rows } = view;
  return {
    category: results.category.name,
    categoryId: results.category.id,
    round: ROUND_LABELS[results.round],
    method: results.board.method,
    alpha: results.board.alpha,
    held: results.held,
    rows,
  };
}

export default function ChairResults() {
  const { category, categoryId, round, method, alpha, rows, held } = useLoaderData<typeof loader>();
  return (
    <div className="prose wide">
      <p className="caption">Panel results · {round}</p>
      <h1>{category}</h1>
      <p>
        Reliability (Krippendorff&apos;s alpha): <strong>{alpha === null ? "not computable" : alpha.toFixed(2)}</strong>.
        Nominations you declared a conflict on are not shown and are left out of every figure here.
      </p>
      {held > 0 ? <p>{heldBackLabel(held)}</p> : null}
      <p>
        <Link to={`/judge/results/${categoryId}/panel`}>Hold the panel meeting</Link>: both ranks side by side, a note and the
        panel&apos;s decision with its reason for each nomination.
      </p>
      <LeaderboardTable rows={rows} method={method} caption={`${category}: panel leaderboard`} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
