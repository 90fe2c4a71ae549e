import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import { ErrorList, ErrorSummary, TextareaField, type SummaryError } from "~/components/forms";
import { IntervalPlot } from "~/components/leaderboard";
import { Notice, useAddressNotice } from "~/components/notice";
import { PANEL_DECISIONS, PANEL_DECISION_LABELS, PANEL_FLAG_LABELS, RANK_GAP, type PanelDecision, type PanelFlag } from "~/domain/panel-meeting";
import type { IntervalBar } from "~/domain/svg-chart";

type Place = { rank: number; tied: boolean } | null;

export type PanelEntryView = {
  nominationId: number;
  label: string;
  reference: string;
  hidden: boolean;
  count: number;
  mean: number | null;
  calibrated: number | null;
  rawRank: Place;
  calibratedRank: Place;
  range: number | null;
  calibratedInterval: { low: number; high: number } | null;
  meanInterval: { low: number; high: number } | null;
  intervalPlot: IntervalBar | null;
  aboveNext: number | null;
  flags: PanelFlag[];
  note: string;
  decision: PanelDecision | null;
  reason: string;
};

/** What a refused save sends back, so nothing typed is lost without JavaScript. */
export type PanelActionData = {
  nominationId: number;
  message: string;
  problems: Partial<Record<"note" | "decision" | "reason", string>>;
  sent: { note: string; decision: string; reason: string };
};

const fmt = (n: number | null, digits = 2) => (n === null ? "–" : n.toFixed(digits));
const place = (p: Place) => (p === null ? "–" : `${p.rank}${p.tied ? "=" : ""}`);
const percent = (p: number) => `${Math.round(p * 100)}%`;

/** The raw and calibrated ranks side by side, with the interval and the flags, one row per nomination. */
export function PanelTable({ entries, method, caption }: { entries: PanelEntryView[]; method: "calibrated" | "raw"; caption: string }) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table leaderboard">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nomination</th>
            <th scope="col" className="num">
              Raw rank{method === "raw" ? " (ranked by)" : ""}
            </th>
            <th scope="col" className="num">
              Calibrated rank{method === "calibrated" ? " (ranked by)" : ""}
            </th>
            <th scope="col" className="num">
              Weighted mean
            </th>
            <th scope="col" className="num">
              Calibrated
            </th>
            <th scope="col">95% interval</th>
            <th scope="col" className="num">
              Above the next
            </th>
            <th scope="col">Talk about</th>
            <th scope="col">Panel&apos;s decision</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const interval = method === "raw" ? e.meanInterval : e.calibratedInterval;
            return (
              <tr key={e.nominationId}>
                <td>
                  <a href={`#record-${e.nominationId}`}>{e.label}</a>
                  <div className="muted">{e.reference}</div>
                </td>
                <td className="num">{place(e.rawRank)}</td>
                <td className="num">{place(e.calibratedRank)}</td>
                <td className="num">{fmt(e.mean)}</td>
                <td className="num">{fmt(e.calibrated)}</td>
                <td>
                  {e.hidden ? (
                    <span className="muted">no figures: your own scores were not submitted</span>
                  ) : interval ? (
                    <>
                      {method === "calibrated" && e.intervalPlot ? <IntervalPlot plot={e.intervalPlot} /> : null}
                      <div className="muted">
                        {fmt(interval.low)} to {fmt(interval.high)}
                      </div>
                    </>
                  ) : e.count > 0 ? (
                    <span className="muted">too few scores to tell</span>
                  ) : (
                    <span className="muted">no scores</span>
                  )}
                </td>
                <td className="num">{e.aboveNext === null ? "–" : percent(e.aboveNext)}</td>
                <td>
                  {e.flags.length ? (
                    <ul className="tag-list">
                      {e.flags.map((f) => (
                        <li key={f}>
                          <span className="tag tag--warning">{PANEL_FLAG_LABELS[f]}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
                <td>{e.decision ? PANEL_DECISION_LABELS[e.decision] : <span className="muted">not yet</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function FlagsExplained() {
  return (
    <ul>
      <li>
        <strong>{PANEL_FLAG_LABELS["ranks-differ"]}</strong>: the two ranks are more than {RANK_GAP} places apart, so the
        judges&apos; leniency changed the order.
      </li>
      <li>
        <strong>{PANEL_FLAG_LABELS["judges-disagree"]}</strong>: the scores span half the scale or more.
      </li>
      <li>
        <strong>{PANEL_FLAG_LABELS["crosses-edge"]}</strong>: the 95% interval reaches across the score halfway between
        the last place on the shortlist and the first outside, so it could belong on either side.
      </li>
    </ul>
  );
}

/** One nomination's record: a note and the panel's decision with its reason, in a form of its own. */
export function PanelRecordForm({ entry, disabled, actionData }: { entry: PanelEntryView; disabled: boolean; actionData?: PanelActionData | null }) {
  const mine = actionData && actionData.nominationId === entry.nominationId ? actionData : null;
  const id = entry.nominationId;
  const decision = mine ? mine.sent.decision : (entry.decision ?? "");
  const errors: SummaryError[] = mine
    ? Object.keys(mine.problems).length
      ? (Object.entries(mine.problems) as Array<[string, string]>).map(([field, message]) => ({
          fieldId: field === "decision" ? `decision-${id}-shortlist` : `${field}-${id}`,
          message,
        }))
      : [{ message: mine.message }]
    : [];
  return (
    <section className="card" id={`record-${id}`} aria-labelledby={`record-${id}-title`}>
      <h3 id={`record-${id}-title`}>{entry.label}</h3>
      {mine ? <ErrorSummary errors={errors} /> : null}
      <Form method="post" preventScrollReset>
        <input type="hidden" name="intent" value="record" />
        <input type="hidden" name="nominationId" value={id} />
        <TextareaField
          label="Note"
          hint="What the panel said about this nomination. Kept with the results and in the audit log."
          errors={mine?.problems.note ? [mine.problems.note] : undefined}
          textareaProps={{ id: `note-${id}`, name: "note", rows: 3, defaultValue: mine ? mine.sent.note : entry.note, disabled }}
        />
        <fieldset className="fieldset" disabled={disabled}>
          <legend className="fieldset__legend">Panel&apos;s decision</legend>
          <ErrorList errors={mine?.problems.decision ? [mine.problems.decision] : undefined} />
          <div className="radios radios--inline">
            {[...PANEL_DECISIONS, ""].map((value) => (
              <div className="radio" key={value || "none"}>
                <input type="radio" id={`decision-${id}-${value || "none"}`} name="decision" value={value} defaultChecked={decision === value} />
                <label htmlFor={`decision-${id}-${value || "none"}`}>{value ? PANEL_DECISION_LABELS[value as PanelDecision] : "Not decided yet"}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextareaField
          label="Reason for the decision"
          hint="Needed with every decision: the results record must explain it."
          errors={mine?.problems.reason ? [mine.problems.reason] : undefined}
          textareaProps={{ id: `reason-${id}`, name: "reason", rows: 2, defaultValue: mine ? mine.sent.reason : entry.reason, disabled }}
        />
        <button type="submit" className="button" disabled={disabled}>
          Save the record
        </button>
      </Form>
    </section>
  );
}

export type PanelMeetingView = {
  category: { id: number; name: string; shortlistSize: number };
  year: number;
  method: "calibrated" | "raw";
  alpha: number | null;
  held: number;
  recordProblem: string | null;
  entries: PanelEntryView[];
  agreed: { chosen: number[]; undecided: number[]; reason: string };
};

/** The whole meeting page, for the chair and for admins alike. */
export function PanelMeetingPage({
  meeting,
  actionData,
  back,
  conflictNote,
  children,
}: {
  meeting: PanelMeetingView;
  actionData: PanelActionData | null;
  back: ReactNode;
  conflictNote?: string;
  children?: ReactNode;
}) {
  const { category, entries, method, recordProblem, agreed } = meeting;
  const notice = useAddressNotice();
  const savedEntry = notice?.key === "record-saved" ? entries.find((e) => e.nominationId === notice.id) : undefined;
  const label = (id: number) => entries.find((e) => e.nominationId === id)?.label ?? `Nomination ${id}`;
  return (
    <div className="prose wide">
      <p>{back}</p>
      <p className="caption">Panel meeting {meeting.year}</p>
      <h1>{category.name}</h1>
      {savedEntry ? <Notice>The record for {savedEntry.label} has been saved.</Notice> : null}
      {recordProblem ? <p className="notice">{recordProblem}. The record below is kept as it stands.</p> : null}
      <p>
        The main round&apos;s results with both ranks side by side: by the judges&apos; weighted mean (raw) and by the
        calibrated score, which removes each judge&apos;s typical leniency. The shortlist has {category.shortlistSize}{" "}
        places; the leaderboard ranks by the <strong>{method === "calibrated" ? "calibrated score" : "weighted mean"}</strong>.
        Reliability (Krippendorff&apos;s alpha): <strong>{meeting.alpha === null ? "not computable" : meeting.alpha.toFixed(2)}</strong>.
      </p>
      {conflictNote ? <p>{conflictNote}</p> : null}
      {meeting.held > 0 ? <p className="notice">{meeting.held === 1 ? "1 score is" : `${meeting.held} scores are`} held back until a suspected conflict is decided.</p> : null}
      <h2>Where the panel should talk</h2>
      <FlagsExplained />
      <PanelTable entries={entries} method={method} caption={`${category.name}: raw and calibrated ranks`} />

      <h2>The agreed shortlist</h2>
      {agreed.chosen.length ? (
        <p>
          On the shortlist so far: {agreed.chosen.map(label).join(", ")}.
          {agreed.undecided.length ? ` Not decided yet: ${agreed.undecided.map(label).join(", ")}.` : ""}
        </p>
      ) : (
        <p>No nomination has been put on the shortlist yet.</p>
      )}
      {children}

      <h2>Notes and decisions</h2>
      <p>Each decision needs its reason. Every note and decision is kept in the audit log with who made it.</p>
      {entries.map((entry) => (
        <PanelRecordForm key={entry.nominationId} entry={entry} disabled={recordProblem !== null} actionData={actionData} />
      ))}
    </div>
  );
}

/** On the shortlist step: what the panel meeting agreed, and the one action that applies it. */
export function PanelDecisionsNotice({
  panel,
  categoryId,
  locked,
}: {
  panel: { entries: Array<{ nominationId: number; label: string; decision: PanelDecision | null }>; agreed: { chosen: number[]; undecided: number[]; reason: string } };
  categoryId: number;
  locked: boolean;
}) {
  const label = (id: number) => panel.entries.find((e) => e.nominationId === id)?.label ?? `Nomination ${id}`;
  return (
    <div className="notice">
      <p>
        <strong>The panel meeting</strong>{" "}
        {panel.agreed.chosen.length ? `put on the shortlist: ${panel.agreed.chosen.map(label).join(", ")}.` : "has not put any nomination on the shortlist yet."}
        {panel.agreed.undecided.length ? ` Not decided yet: ${panel.agreed.undecided.map(label).join(", ")}.` : ""} Each
        nomination below shows the panel&apos;s decision; <a href={`/admin/results/${categoryId}/panel`}>read the notes and reasons</a>.
      </p>
      {panel.agreed.chosen.length && !locked ? (
        <Form method="post" action={`/admin/results/${categoryId}/panel`}>
          <input type="hidden" name="intent" value="apply" />
          <button type="submit" className="button button--secondary">
            Apply the panel&apos;s shortlist
          </button>
        </Form>
      ) : null}
    </div>
  );
}
