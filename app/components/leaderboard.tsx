import type { DotPlot, IntervalBar } from "~/domain/svg-chart";

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
  calibratedInterval: { low: number; high: number } | null;
  intervalPlot: IntervalBar | null;
  aboveNext: number | null;
  boundary: "last-in" | "first-out" | null;
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

/** The calibrated score's interval as a bar, on the same scale and width as the dot plot. */
export function IntervalPlot({ plot }: { plot: IntervalBar }) {
  return (
    <svg width={plot.width} height={plot.height} viewBox={plot.viewBox} role="img" aria-label={plot.label} className="dot-plot">
      <title>{plot.label}</title>
      <line {...plot.axis} className="dot-plot__axis" />
      <rect x={plot.bar.x} y={plot.bar.y} width={plot.bar.width} height={plot.bar.height} className="interval-bar" />
      <circle cx={plot.point.cx} cy={plot.point.cy} r={plot.point.r} className="dot-plot__dot" />
    </svg>
  );
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

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
            <th scope="col">Calibrated, 95% interval</th>
            <th scope="col" className="num">
              Above the next
            </th>
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
              <td>
                {row.intervalPlot && row.calibratedInterval ? (
                  <>
                    <IntervalPlot plot={row.intervalPlot} />
                    <div className="muted">
                      {fmt(row.calibratedInterval.low)} to {fmt(row.calibratedInterval.high)}
                    </div>
                  </>
                ) : row.count > 0 ? (
                  <span className="muted">too few scores to tell</span>
                ) : null}
              </td>
              <td className="num">
                {row.aboveNext === null ? "–" : percent(row.aboveNext)}
                {row.boundary ? (
                  <div>
                    <span className="tag tag--warning">
                      {row.boundary === "last-in" ? "shortlist edge unclear" : "could be on the shortlist"}
                    </span>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export type CalibrationWarningsView = {
  parts: { judges: string[]; nominations: string[] }[];
  weaklyLinked: { judge: string; common: number }[];
};

/** What the calibration cannot compare, and whether the shortlist's edge is clear. */
export function CalibrationWarnings({ warnings, rows }: { warnings: CalibrationWarningsView; rows: LeaderboardRowView[] }) {
  const lastIn = rows.find((r) => r.boundary === "last-in");
  const firstOut = rows.find((r) => r.boundary === "first-out");
  return (
    <>
      {warnings.parts.length > 1 ? (
        <div className="notice">
          <p>
            <strong>The calibration cannot compare these {warnings.parts.length} groups with each other:</strong> no judge
            scored nominations in more than one of them, so each group&apos;s calibrated scores are centred on its own judges.
            Compare nominations across groups with care, or assign a judge across them.
          </p>
          <ol>
            {warnings.parts.map((part, i) => (
              <li key={i}>
                Judges {part.judges.join(", ")}; nominations {part.nominations.join(", ")}
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {warnings.weaklyLinked.length ? (
        <p className="notice">
          Compared with the other judges through too few shared nominations:{" "}
          {warnings.weaklyLinked.map((w) => `${w.judge} (${w.common} shared)`).join(", ")}. Their leniency is estimated from
          little, so the calibrated scores of their nominations are less certain.
        </p>
      ) : null}
      {lastIn && firstOut ? (
        <p className="notice">
          The shortlist&apos;s edge is not clear: {lastIn.label} is above {firstOut.label} with probability only{" "}
          {lastIn.aboveNext === null ? "unknown" : percent(lastIn.aboveNext)}. The panel should decide between them.
        </p>
      ) : null}
    </>
  );
}
