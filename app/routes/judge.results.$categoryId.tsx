import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { LeaderboardTable } from "~/components/leaderboard";
import { ROUND_LABELS, roundHasClosed } from "~/domain/judging";
import { isPanelChair } from "~/models/judging.server";
import { getCategoryResults, leaderboardRows } from "~/models/results.server";
import { requireJudge } from "~/utils/auth.server";
import { forbidden, notFound } from "~/utils/responses.server";
import { parseId } from "~/domain/ids";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.category ?? "Results"} – panel results – Community Sponsorship Awards` },
];

/**
 * A panel chair's view of the results, once scoring has closed. Whatever the chair is
 * conflicted on is left out before any figure is computed, so it shows in no rank or average.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const judge = await requireJudge(request);
  const categoryId = parseId(params.categoryId) ?? 0;
  if (!Number.isSafeInteger(categoryId) || categoryId <= 0) notFound();
  if (!(await isPanelChair(judge.id, categoryId))) forbidden("Only the panel's chair sees its results.");
  // The round results are decided from (the final round once one has started); scores unlock only when it closes.
  const results = await getCategoryResults(categoryId, { viewerId: judge.id });
  if (!results) notFound();
  if (!roundHasClosed(results.cycle, results.round, new Date())) forbidden("The panel's results are shown once scoring has closed.");
  return {
    category: results.category.name,
    round: ROUND_LABELS[results.round],
    method: results.board.method,
    alpha: results.board.alpha,
    rows: leaderboardRows(results),
  };
}

export default function ChairResults() {
  const { category, round, method, alpha, rows } = useLoaderData<typeof loader>();
  return (
    <div className="prose wide">
      <p className="caption">Panel results · {round}</p>
      <h1>{category}</h1>
      <p>
        Reliability (Krippendorff&apos;s alpha): <strong>{alpha === null ? "not computable" : alpha.toFixed(2)}</strong>.
        Nominations you declared a conflict on are not shown and are left out of every figure here.
      </p>
      <LeaderboardTable rows={rows} method={method} caption={`${category}: panel leaderboard`} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
