import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { judgeComments } from "~/models/results-overview.server";
import { getCategoryResults } from "~/models/results-leaderboard.server";
import { requireAdmin } from "~/utils/auth.server";
import { requireId } from "~/utils/params.server";
import { notFound } from "~/utils/responses.server";
import { formatLondon } from "~/domain/time";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Results report: ${data?.category ?? ""} – Community Sponsorship Awards` },
];

/** A printable report for the panel meeting: the leaderboard and every judge's comment. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdmin(request);
  // `?round=main`: the main round once a final round has started.
  const asked = new URL(request.url).searchParams.get("round") === "main" ? "main" : undefined;
  const results = (await getCategoryResults(requireId(params.categoryId), { round: asked })) ?? notFound("There is no such category.");
  const ids = results.entries.map((e) => e.id);
  const comments = await judgeComments(ids, results.round);
  return {
    category: results.category.name,
    round: results.round,
    year: results.cycle.year,
    method: results.board.method,
    alpha: results.board.alpha,
    generated: formatLondon(new Date()),
    rows: results.board.rows.map((row) => ({
      ...row,
      reference: results.entries.find((e) => e.id === row.nominationId)?.reference ?? "",
      status: results.entries.find((e) => e.id === row.nominationId)?.status ?? "",
      comments: comments.filter((c) => c.nominationId === row.nominationId && c.comment.trim()),
    })),
  };
}

const fmt = (n: number | null) => (n === null ? "–" : n.toFixed(2));

export default function ResultsReport() {
  const { category, round, year, method, alpha, generated, rows } = useLoaderData<typeof loader>();
  return (
    <div className="report">
      <h1>
        {category}: results report, {year}
        {round === "final" ? ", final round" : ""}
      </h1>
      <p>
        Confidential: for the judging panel. Generated {generated}. Ranked by the{" "}
        {method === "calibrated" ? "calibrated score" : "weighted mean"}. Reliability (Krippendorff&apos;s alpha):{" "}
        {alpha === null ? "not computable" : alpha.toFixed(2)}.
      </p>
      <table className="table">
        <caption className="visually-hidden">Leaderboard</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Nomination</th>
            <th scope="col" className="num">Calibrated</th>
            <th scope="col" className="num">Mean</th>
            <th scope="col" className="num">Scores</th>
            <th scope="col" className="num">Range</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.nominationId}>
              <td>{row.rank ?? "–"}</td>
              <td>
                {row.label} <span className="muted">{row.reference}</span>
              </td>
              <td className="num">{fmt(row.calibrated)}</td>
              <td className="num">{fmt(row.mean)}</td>
              <td className="num">{row.count}</td>
              <td className="num">{fmt(row.range)}</td>
              <td>{[row.tied ? "tie" : "", row.disagreement ? "judges disagree" : "", row.status.replace("_", " ")].filter(Boolean).join("; ")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Judges&apos; comments</h2>
      {rows.map((row) =>
        row.comments.length ? (
          <section key={row.nominationId} className="report__section">
            <h3>{row.label}</h3>
            <ul>
              {row.comments.map((c, i) => (
                <li key={i}>
                  <strong>{c.judge}:</strong> {c.comment}
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
