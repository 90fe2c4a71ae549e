import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvFilename, toCsv } from "~/domain/csv";
import { getCategoryResults } from "~/models/results-leaderboard.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";

const round = (n: number | null) => (n === null ? "" : n.toFixed(3));

/** Marks the two entries either side of a shortlist edge the ranking is unsure of. */
function edge(boundary: { lastIn: number; firstOut: number; clear: boolean } | null, nominationId: number) {
  if (!boundary || boundary.clear) return "";
  return boundary.lastIn === nominationId ? "unclear: last in" : boundary.firstOut === nominationId ? "unclear: first out" : "";
}

/**
 * A category's results as CSV for the panel meeting: one row per nomination, in rank
 * order, for the round the winners come from (or `?round=main`).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  // `?round=main`: the main round once a final round has started.
  const asked = new URL(request.url).searchParams.get("round") === "main" ? "main" : undefined;
  const results = (await getCategoryResults(requireId(params.categoryId), { round: asked })) ?? notFound("There is no such category.");
  const { board, entries, category, cycle, judgeNames } = results;
  const judges = [...judgeNames.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const header = [
    "Rank",
    "Tied",
    "Reference",
    "Nominee",
    "Status",
    "Calibrated score",
    "Calibrated 95% low",
    "Calibrated 95% high",
    "Weighted mean",
    "Mean 95% low",
    "Mean 95% high",
    "Probability above the next",
    "Shortlist edge",
    "Scores",
    "Range",
    "Standard deviation",
    "Judges disagree",
    ...judges.map(([, name]) => `Score: ${name}`),
  ];
  const rows = board.rows.map((row) => {
    const entry = entries.find((e) => e.id === row.nominationId)!;
    return [
      row.rank ?? "",
      row.tied ? "yes" : "",
      entry.reference,
      row.label,
      entry.status.replace("_", " "),
      round(row.calibrated),
      round(row.calibratedInterval?.low ?? null),
      round(row.calibratedInterval?.high ?? null),
      round(row.mean),
      round(row.meanInterval?.low ?? null),
      round(row.meanInterval?.high ?? null),
      round(row.aboveNext),
      edge(results.boundary, row.nominationId),
      row.count,
      round(row.range),
      round(row.sd),
      row.disagreement ? "yes" : "",
      ...judges.map(([judgeId]) => round(row.judgeScores.find((s) => s.judgeId === judgeId)?.score ?? null)),
    ];
  });
  return new Response(toCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFilename(["results", cycle.year, category.slug, ...(results.round === "final" ? ["final-round"] : [])])}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
