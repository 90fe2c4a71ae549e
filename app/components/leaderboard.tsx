import type { DotPlot } from "~/domain/svg-chart";

export type LeaderboardRowView = {
  nominationId: number;
  label: string;
  reference: string;
  rank: number | null;
  tied: boolean;
  mean: number | null;
  calibrated: number | null;
  count: number;
  sd: number | null;
  range: number | null;
  disagreement: boolean;
  plot: DotPlot;
  status: string;
  /** A chair's own nomination before their scores are in: no figure yet. */
  hidden?: boolean;
};

const fmt = (n: number | null, digits = 2) => (n === null ? "–" : n.toFixed(digits));

/** The inline SVG dot plot: one dot per judge on the category's scale. */
export function ScorePlot({ plot }: { plot: DotPlot }) {
  return (
    <svg width={plot.width} height={plot.height} viewBox={plot.viewBox} role="img" aria-label={plot.label} className="dot-plot">
      <title>{plot.label}</title>
      <line {...plot.axis} className="dot-plot__axis" />
      {plot.ticks.map((tick) => (
        <line key={tick.label} x1={tick.x} x2={tick.x} y1={plot.axis.y1 - 4} y2={plot.axis.y1 + 4} className="dot-plot__axis" />
      ))}
      {plot.circles.map((c, i) => (
        <circle key={i} cx={c.cx} cy={c.cy} r={c.r} className="dot-plot__dot">
          <title>{c.title}</title>
        </circle>
      ))}
    </svg>
  );
}

export function LeaderboardTable({ rows, method, caption }: { rows: LeaderboardRowView[]; method: "calibrated" | "raw"; caption: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table leaderboard">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Nomination</th>
            <th scope="col" className="num">
              Calibrated{method === "calibrated" ? " (ranked by)" : ""}
            </th>
            <th scope="col" className="num">
              Weighted mean{method === "raw" ? " (ranked by)" : ""}
            </th>
            <th scope="col" className="num">
              Scores
            </th>
            <th scope="col" className="num">
              Spread (range, sd)
            </th>
            <th scope="col">Each judge</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.nominationId}>
              <td>
                {row.rank ?? "–"}
                {row.tied ? <span className="tag tag--warning"> tie</span> : null}
              </td>
              <td>
                {row.label}
                <div className="muted">{row.reference}</div>
                {row.disagreement ? <span className="tag tag--warning">judges disagree</span> : null}
              </td>
              <td className="num">{fmt(row.calibrated)}</td>
              <td className="num">{fmt(row.mean)}</td>
              <td className="num">{row.hidden ? "Submit your own scores first" : row.count}</td>
              <td className="num">
                {fmt(row.range, 1)}
                {row.sd !== null ? `, ${fmt(row.sd)}` : ""}
              </td>
              <td>{row.count > 0 ? <ScorePlot plot={row.plot} /> : <span className="muted">no scores</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
